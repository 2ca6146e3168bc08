package org.nianbao.importer;

import java.time.Duration;

/**
 * When one import has to be done. The importer's loops call {@link #check()}: past the deadline the import stops
 * there with an {@link ImportLimitException}, on its own thread, instead of holding a worker after the caller has
 * given up.
 */
final class Deadline {

    private final long startNanos;
    private final long budgetNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.startNanos = System.nanoTime();
        this.budgetNanos = budget.toNanos();
        this.budget = budget;
    }

    static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    void check() {
        if (System.nanoTime() - startNanos > budgetNanos) {
            throw new ImportLimitException(ImportLimits.Limit.TIME, "The document took too long to read: the import "
                    + "stopped after %s. Try again later; if it happens again, send the report's tables alone or split "
                    + "the document.", describe(budget));
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
