package org.nianbao.aggregation.rollup;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where a busy consumer's time goes, by step, summed over batches and reported at most every 30 seconds: the
 * figures behind BENCHMARKS.md's account of the apply rate, and a first look for an operator whose roll-ups lag.
 * <p>
 * It also reports how stale the roll-ups ran: for each report version applied, the time from its submission to
 * its record reaching Kafka (the report service's outbox relay), and from there to the commit that counted it
 * (this consumer). Their sum is what a dashboard user waits for a submission to show.
 */
final class ApplyTimings {

    /** BEGIN: a pooled connection and, live, the rebuild's switch lock (one round trip). */
    enum Step { PARSE, BEGIN, READ_STATES, FOLD, WRITE_STATES, WRITE_ROLLUPS, COMMIT }

    private static final long REPORT_EVERY_NANOS = 30_000_000_000L;

    private final long[] nanos = new long[Step.values().length];
    private long events;
    private long batches;
    private long since = System.nanoTime();
    private final Lags relayLags = new Lags();
    private final Lags consumerLags = new Lags();

    synchronized void add(Step step, long elapsedNanos) {
        nanos[step.ordinal()] += elapsedNanos;
    }

    /** A batch's report versions: each submitted at, reached Kafka at; all counted at (epoch milliseconds). */
    synchronized void staleness(long[] submittedAt, long[] inKafkaAt, long committedAt) {
        for (int i = 0; i < submittedAt.length; i++) {
            relayLags.add(inKafkaAt[i] - submittedAt[i]);
            consumerLags.add(committedAt - inKafkaAt[i]);
        }
    }

    /** Counts a finished batch; hands a summary to {@code report} when the period is over. */
    synchronized void batchDone(int batchEvents, Consumer<String> report) {
        events += batchEvents;
        batches++;
        long now = System.nanoTime();
        if (now - since < REPORT_EVERY_NANOS) {
            return;
        }
        long busy = 0;
        for (long n : nanos) {
            busy += n;
        }
        double seconds = (now - since) / 1e9;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "applied %,d events in %.0f s (%,.0f/s), %,d batches (busy %.0f%% of the time, summed over the consumer threads); of the busy time",
                events, seconds, events / seconds, batches, busy / 1e7 / seconds));
        for (Step step : Step.values()) {
            text.append(String.format(Locale.ROOT, " %s %.0f%%", step.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    busy == 0 ? 0.0 : 100.0 * nanos[step.ordinal()] / busy));
        }
        if (relayLags.size > 0) {
            text.append("; ms from submission to Kafka ").append(relayLags.summary())
                    .append(", from Kafka to counted ").append(consumerLags.summary());
        }
        report.accept(text.toString());
        Arrays.fill(nanos, 0);
        events = 0;
        batches = 0;
        relayLags.clear();
        consumerLags.clear();
        since = now;
    }

    /** Millisecond lags of one period, for p50, p99 and max. */
    private static final class Lags {
        private long[] values = new long[1024];
        private int size;

        void add(long millis) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = Math.max(0, millis);
        }

        String summary() {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "p50 %d p99 %d max %d", rank(sorted, 0.50), rank(sorted, 0.99), sorted[size - 1]);
        }

        private static long rank(long[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
        }

        void clear() {
            size = 0;
            if (values.length > 65_536) {
                values = new long[1024];
            }
        }
    }
}
