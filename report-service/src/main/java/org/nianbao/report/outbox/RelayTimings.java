package org.nianbao.report.outbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where the relay's time goes, reported at most every 30 seconds while it relays: how many records and batches,
 * how busy it was, and how that time splits between reading the rows and handing them to the producer (which
 * sends meanwhile), committing the Kafka transaction, and marking the rows sent. The relay is one half of a
 * submission's way to the dashboards (BENCHMARKS.md, freshness); this says which part of it to look at.
 */
final class RelayTimings {

    enum Step { READ_AND_SEND, KAFKA_COMMIT, MARK_SENT }

    private static final long REPORT_EVERY_NANOS = 30_000_000_000L;

    private final long[] nanos = new long[Step.values().length];
    private long[] batchNanos = new long[1024];
    private int batches;
    private long records;
    private long since = System.nanoTime();

    void add(Step step, long elapsedNanos) {
        nanos[step.ordinal()] += elapsedNanos;
    }

    /** Counts a relayed batch and its whole time; hands a summary to {@code report} when the period is over. */
    void batchDone(int batchRecords, long elapsedNanos, Consumer<String> report) {
        if (batches == batchNanos.length) {
            batchNanos = Arrays.copyOf(batchNanos, batches * 2);
        }
        batchNanos[batches++] = elapsedNanos;
        records += batchRecords;
        long now = System.nanoTime();
        if (now - since >= REPORT_EVERY_NANOS) {
            report.accept(summary(now));
            Arrays.fill(nanos, 0);
            batches = 0;
            records = 0;
            since = now;
        }
    }

    private String summary(long now) {
        double seconds = (now - since) / 1e9;
        long busy = Arrays.stream(nanos).sum();
        long[] sorted = Arrays.copyOf(batchNanos, batches);
        Arrays.sort(sorted);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "relayed %,d records in %.0f s (%,.0f/s), %,d batches of %.1f on average (busy %.0f%% of the time); of the busy time",
                records, seconds, records / seconds, batches, (double) records / batches, busy / 1e7 / seconds));
        for (Step step : Step.values()) {
            text.append(String.format(Locale.ROOT, " %s %.0f%%", step.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    busy == 0 ? 0.0 : 100.0 * nanos[step.ordinal()] / busy));
        }
        return text.append(String.format(Locale.ROOT, "; ms a batch p50 %.1f p99 %.1f max %.1f",
                sorted[batches / 2] / 1e6, sorted[Math.min(batches - 1, (int) (batches * 0.99))] / 1e6, sorted[batches - 1] / 1e6)).toString();
    }
}
