package org.nianbao.service.worker;

import java.time.Duration;

/**
 * How a {@link SupervisedWorker} waits between restarts, and when it gives up.
 *
 * @param first          the wait after the first failure; each further failure in a row doubles it
 * @param max            the longest wait: a worker whose dependency is down tries again at least this often
 * @param healthyPeriod  an attempt that was healthy for this long before it failed starts the count afresh (the
 *                       next wait is {@code first} again), so one failure a day never waits {@code max}
 * @param giveUpAfterErrors this many failures in a row that were {@link Error}s (or a thread that could not be
 *                       started, or died without a word) make the worker "cannot be revived". Exceptions never do:
 *                       they come from outside (Kafka or the database down) and a restart of the process would
 *                       not cure them, while an Error that comes back after every restart means the process
 *                       itself is broken, which only a new process cures.
 */
public record Backoff(Duration first, Duration max, Duration healthyPeriod, int giveUpAfterErrors) {

    /** 100 ms, doubling up to 5 s; afresh after 30 s of health; cannot be revived after 5 Errors in a row. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30), 5);

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || giveUpAfterErrors < 1) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max and giveUpAfterErrors >= 1");
        }
    }

    /** The wait before the next attempt after {@code failuresInARow} (1 or more) failures in a row. */
    public Duration delay(int failuresInARow) {
        Duration d = first;
        for (int i = 1; i < failuresInARow && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
