package org.nianbao.aggregation.consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.nianbao.aggregation.rollup.EventApplier;
import org.nianbao.aggregation.rollup.Tables;
import org.nianbao.model.event.Topics;
import org.nianbao.service.worker.SupervisedWorker;
import org.nianbao.service.worker.Workers;

/**
 * Keeps the live roll-ups fresh: polls both topics as members of the consumer group, applies each polled batch in
 * one database transaction, and commits the offsets only after that transaction. After a crash the uncommitted
 * batch is read again, and the stored report versions make the replay change nothing.
 * <p>
 * Several members run in this process ({@code nianbao.consumer.threads}), exactly as several instances would: each
 * owns its partitions, so the versions of one report are still applied in order, by one member. One thread was
 * not enough on a shared machine: under a full load of submissions it got one runnable thread's share of the CPU
 * against dozens of request threads, and fell behind (BENCHMARKS.md, freshness).
 * <p>
 * Each member is a {@link SupervisedWorker}: whatever ends its loop (the database or Kafka down, an Error) closes its
 * consumer, and the member joins again after a backoff under the same static id ({@link KafkaConsumers#groupMember}),
 * which gets its partitions back without a rebalance if it is back within the session timeout.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final int TRANSACTION_ATTEMPTS = 5;

    private final KafkaConsumers consumers;
    private final EventApplier applier;
    private final ConsumerSettings settings;
    private final Workers workers;
    private final DeadLetters deadLetters;
    /** Read-held by each member while it applies a batch; a rebuild takes it exclusively for its switch-over. */
    private final ReentrantReadWriteLock batchLock = new ReentrantReadWriteLock();
    private final AtomicLong applied = new AtomicLong();
    private final List<SupervisedWorker> members = new ArrayList<>();

    EventConsumer(KafkaConsumers consumers, EventApplier applier, ConsumerSettings settings, Workers workers,
                  DeadLetters deadLetters) {
        this.consumers = consumers;
        this.applier = applier;
        this.settings = settings;
        this.workers = workers;
        this.deadLetters = deadLetters;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (settings.enabled()) {
            startConsuming();
        }
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stopConsuming();
    }

    /** Joins the consumer group with the configured number of members and keeps applying events until stopped. */
    public synchronized void startConsuming() {
        if (!members.isEmpty()) {
            return;
        }
        for (int i = 0; i < Math.max(1, settings.threads()); i++) {
            Member member = new Member(i);
            members.add(workers.start(SupervisedWorker.named("report-event-consumer-" + i, member::consume)
                    .onStop(member::wakeUp)
                    .build()));
        }
    }

    /** Leaves the group after the batches in hand; uncommitted events are read again by the next member. */
    public synchronized void stopConsuming() {
        workers.stopAll(members, STOP_TIMEOUT);
        members.clear();
    }

    /** Events applied since start (duplicates included). */
    public long applied() {
        return applied.get();
    }

    /** Runs {@code action} between batches, with every member paused. */
    public void whilePaused(Runnable action) {
        batchLock.writeLock().lock();
        try {
            action.run();
        } finally {
            batchLock.writeLock().unlock();
        }
    }

    /** One member of the group: its loop, and the consumer it polls with, for the wake-up that stops it. */
    private final class Member {
        private final int index;
        private volatile KafkaConsumer<String, byte[]> current;

        Member(int index) {
            this.index = index;
        }

        void consume(SupervisedWorker.Context context) throws Exception {
            KafkaConsumer<String, byte[]> c = consumers.groupMember(index);
            current = c;
            try {
                if (!context.running()) {
                    return; // stopped while this member was being created: it missed the wake-up
                }
                c.subscribe(List.of(Topics.REPORTS, Topics.AGENCIES));
                while (context.running()) {
                    ConsumerRecords<String, byte[]> records = c.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        applyAndCommit(c, records);
                    }
                    context.healthy();
                }
            } catch (WakeupException e) {
                if (context.running()) {
                    throw e; // not a stop: a failure like any other
                }
            } finally {
                // The uncommitted batch is read again by whoever gets the partition; its versions make that safe.
                current = null;
                close(c);
            }
        }

        void wakeUp() {
            KafkaConsumer<String, byte[]> c = current;
            if (c != null) {
                c.wakeup();
            }
        }
    }

    private void applyAndCommit(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) throws Exception {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            batch.add(r);
            next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        batchLock.readLock().lock();
        try {
            try {
                EventApplier.Outcome outcome = applyRetryingConflicts(batch);
                if (outcome.ignored() > 0) {
                    LOG.debugf("batch of %d: %d applied, %d duplicate or older", batch.size(), outcome.applied(), outcome.ignored());
                }
            } catch (Exception e) {
                if (DeadLetters.isTransient(e)) {
                    throw e;
                }
                // an event of the batch cannot be applied: the others are, one by one, and that one is set aside
                LOG.warnf("batch of %d failed (%s); applying its events one by one", batch.size(), e.getClass().getSimpleName());
                deadLetters.applyOneByOne(batch, this::applyRetryingConflicts);
            }
            applied.addAndGet(batch.size());
        } finally {
            batchLock.readLock().unlock();
        }
        c.commitSync(next);
    }

    /**
     * Members lock only the report states of their own partitions and append roll-up deltas without locking rows
     * (the compactor adds them up), so they rarely conflict; during a rebalance two members can briefly hold the
     * same report's partition. If PostgreSQL then rolls one transaction back, that batch is simply applied again
     * (nothing of it was written).
     */
    private EventApplier.Outcome applyRetryingConflicts(List<ConsumerRecord<String, byte[]>> batch) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return applier.apply(batch, Tables.LIVE);
            } catch (SQLException e) {
                if (attempt >= TRANSACTION_ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                LOG.debugf("batch rolled back by a lock conflict (%s), applying it again", e.getSQLState());
            }
        }
    }

    private static boolean isConflict(SQLException e) {
        return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState()); // deadlock, serialization failure
    }

    /**
     * A member leaves the group whenever it closes, stopping or failed: a static member would otherwise keep its
     * partitions until its session times out, and a failed member's restart, rejoining under the same id while the
     * group was still rebalancing (the usual cause of a failed commit), was seen to leave its partitions unconsumed
     * for minutes. Its restart then joins afresh. A process killed outright does not close, and its partitions move
     * after the session timeout, or come back at once when it restarts under the same id.
     */
    private static void close(KafkaConsumer<String, byte[]> c) {
        try {
            c.close(CloseOptions.timeout(CLOSE_TIMEOUT).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        } catch (Exception e) {
            LOG.debugf("closing a consumer: %s", e.toString());
        }
    }
}
