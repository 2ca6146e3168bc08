package org.nianbao.aggregation.rebuild;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nianbao.aggregation.consumer.DeadLetters;
import org.nianbao.aggregation.consumer.EventConsumer;
import org.nianbao.aggregation.consumer.KafkaConsumers;
import org.nianbao.aggregation.rollup.Watermark;
import org.nianbao.aggregation.rollup.EventApplier;
import org.nianbao.aggregation.rollup.MetricDictionary;
import org.nianbao.aggregation.rollup.RollupStore;
import org.nianbao.aggregation.rollup.Tables;
import org.nianbao.model.event.Topics;

/**
 * Rebuilds every roll-up from the start of the topics into fresh tables, while the APIs keep serving the old ones.
 * The bulk of the topics goes in by {@link BulkReplay} (report states by COPY, then each roll-up row folded and
 * written once); the events published meanwhile are then applied by the ordinary batch path. When that has caught
 * up, the live consumer is paused, the last few events are applied, and the fresh tables replace the old ones in
 * one transaction. Events the live consumer then reads again are older than or equal to the stored versions and
 * change nothing.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    private final AgroalDataSource dataSource;
    private final KafkaConsumers consumers;
    private final EventApplier applier;
    private final RollupStore store;
    private final MetricDictionary dictionary;
    private final EventConsumer live;
    private final DeadLetters deadLetters;
    private final int foldWorkers;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.IDLE);

    RebuildService(AgroalDataSource dataSource, KafkaConsumers consumers, EventApplier applier, RollupStore store,
                   MetricDictionary dictionary, EventConsumer live, DeadLetters deadLetters,
                   @ConfigProperty(name = "nianbao.rebuild.fold-workers", defaultValue = "2") int foldWorkers) {
        this.deadLetters = deadLetters;
        this.foldWorkers = foldWorkers;
        this.dataSource = dataSource;
        this.consumers = consumers;
        this.applier = applier;
        this.store = store;
        this.dictionary = dictionary;
        this.live = live;
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    /** Starts a rebuild in the background; returns false when one is already running. */
    public synchronized boolean start() {
        if (progress.get().running()) {
            return false;
        }
        OffsetDateTime started = now();
        progress.set(new RebuildProgress("RUNNING", started, null, 0, 0, 0, 0, null));
        Thread worker = new Thread(() -> run(started), "rollup-rebuild");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    private void run(OffsetDateTime started) {
        long t0 = System.nanoTime();
        long[] read = {0};
        long total = 0;
        try (KafkaConsumer<String, byte[]> reader = consumers.bulkReader()) {
            createFreshTables();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.REPORTS, Topics.AGENCIES)) {
                reader.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = reader.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                total += end.get(tp) - begin.get(tp);
            }
            LOG.infof("rebuild: replaying %d events from %d partitions into fresh tables", total, partitions.size());
            long eventsTotal = total;
            // the events the live consumer set aside stay aside: the rebuilt totals are the live ones
            Set<DeadLetters.Place> setAside = deadLetters.places();
            BulkReplay bulk = new BulkReplay(dataSource, store, dictionary.snapshot(), setAside);
            bulk.loadStates(reader, end, n -> {
                read[0] += n;
                report("RUNNING", started, read[0], eventsTotal, t0, null);
            });
            LOG.infof("rebuild: %d events read in %d s; keeping the newest version of each report", read[0], elapsed(t0));
            bulk.keepNewestVersions();
            bulk.writeInPlaceOrder();
            index(Tables.LIVE.reportState());
            LOG.infof("rebuild: report states ready at %d s; folding the roll-ups", elapsed(t0));
            bulk.foldRollups(foldWorkers);
            index(Tables.LIVE.rollup());
            LOG.infof("rebuild: roll-ups ready at %d s; applying the events published since the rebuild began", elapsed(t0));
            replayUntil(reader, reader.endOffsets(partitions), setAside, n -> {
                read[0] += n;
                report("RUNNING", started, read[0], eventsTotal, t0, null);
            });
            report("SWITCHING", started, read[0], eventsTotal, t0, null);
            // The switch-over: every instance's live batches wait on the lock while the last events go in and the
            // tables are swapped; afterwards they write into the fresh tables.
            Exception[] failure = {null};
            live.whilePaused(() -> {
                try (Connection lock = dataSource.getConnection()) {
                    try (Statement s = lock.createStatement()) {
                        s.execute("SELECT pg_advisory_lock(" + Tables.SWITCH_LOCK + ")");
                    }
                    try {
                        replayUntil(reader, reader.endOffsets(partitions), setAside, n -> read[0] += n);
                        swap(lock);
                    } finally {
                        try (Statement s = lock.createStatement()) {
                            s.execute("SELECT pg_advisory_unlock(" + Tables.SWITCH_LOCK + ")");
                        }
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            long seconds = Math.max(1, (System.nanoTime() - t0) / 1_000_000_000L);
            progress.set(new RebuildProgress("DONE", started, now(), read[0], Math.max(eventsTotal, read[0]), 100.0,
                    read[0] / seconds, null));
            LOG.infof("rebuild: done, %d events in %d s; the fresh roll-ups are live", read[0], seconds);
        } catch (Exception e) {
            LOG.errorf(e, "rebuild failed; the old roll-ups stay live");
            progress.set(new RebuildProgress("FAILED", started, now(), read[0], total, percent(read[0], total), 0,
                    e.getMessage()));
        }
    }

    private interface Progress {
        void applied(int events);
    }

    private void replayUntil(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> end, Set<DeadLetters.Place> setAside,
                             Progress onBatch) throws SQLException {
        while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            reader.poll(Duration.ofMillis(500)).forEach(batch::add);
            int polled = batch.size();
            batch.removeIf(r -> setAside.contains(DeadLetters.Place.of(r)));
            if (!batch.isEmpty()) {
                applier.apply(batch, Tables.NEXT);
            }
            if (polled > 0) {
                onBatch.applied(polled);
            }
        }
    }

    private void createFreshTables() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            FreshTables.create(c);
            FreshTables.index(c, Tables.LIVE.agencyState()); // agencies are upserted by revision during the load
            FreshTables.index(c, Tables.LIVE.rollupPending()); // the catch-up's deltas, compacted once live
        }
    }

    private void index(String table) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            FreshTables.index(c, table);
        }
    }

    private static void swap(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try {
            FreshTables.swap(c);
            Watermark.rebuilt(c);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000_000L;
    }

    private void report(String state, OffsetDateTime started, long read, long total, long t0, String error) {
        long seconds = Math.max(1, (System.nanoTime() - t0) / 1_000_000_000L);
        progress.set(new RebuildProgress(state, started, null, read, total, percent(read, total), read / seconds, error));
    }

    private static double percent(long read, long total) {
        return total == 0 ? 100.0 : Math.min(100.0, Math.round(read * 1000.0 / total) / 10.0);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
