package org.nianbao.aggregation.rollup;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where a busy consumer's time goes, by step, summed over batches and reported at most every 30 seconds: the
 * figures behind BENCHMARKS.md's account of the apply rate, and a first look for an operator whose roll-ups lag.
 */
final class ApplyTimings {

    enum Step { PARSE, READ_STATES, FOLD, WRITE_STATES, WRITE_ROLLUPS, COMMIT }

    private static final long REPORT_EVERY_NANOS = 30_000_000_000L;

    private final long[] nanos = new long[Step.values().length];
    private long events;
    private long since = System.nanoTime();

    synchronized void add(Step step, long elapsedNanos) {
        nanos[step.ordinal()] += elapsedNanos;
    }

    /** Counts a finished batch; hands a summary to {@code report} when the period is over. */
    synchronized void batchDone(int batchEvents, Consumer<String> report) {
        events += batchEvents;
        long now = System.nanoTime();
        if (now - since < REPORT_EVERY_NANOS) {
            return;
        }
        long busy = 0;
        for (long n : nanos) {
            busy += n;
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "applied %,d events in %.0f s (%,.0f/s); of the busy time",
                events, (now - since) / 1e9, events / ((now - since) / 1e9)));
        for (Step step : Step.values()) {
            text.append(String.format(Locale.ROOT, " %s %.0f%%", step.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    busy == 0 ? 0.0 : 100.0 * nanos[step.ordinal()] / busy));
        }
        report.accept(text.toString());
        java.util.Arrays.fill(nanos, 0);
        events = 0;
        since = now;
    }
}
