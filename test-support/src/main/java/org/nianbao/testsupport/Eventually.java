package org.nianbao.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for an asynchronous outcome (an event applied, a relay drained), failing with the last value seen. */
public final class Eventually {
    private Eventually() {
    }

    /** Calls {@code probe} until it returns true or the time is up; then runs {@code assertion} once more to fail clearly. */
    public static void await(Duration timeout, Supplier<Boolean> probe, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(probe.get())) {
                    return;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // not there yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertion.run();
    }

    /** Retries an assertion until it passes or the time is up. */
    public static void assertThat(Duration timeout, Runnable assertion) {
        await(timeout, () -> {
            assertion.run();
            return true;
        }, assertion);
    }
}
