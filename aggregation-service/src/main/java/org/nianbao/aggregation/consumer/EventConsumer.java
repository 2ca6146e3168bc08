package org.nianbao.aggregation.consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
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

/**
 * Keeps the live roll-ups fresh: polls both topics as a member of the consumer group, applies each polled
 * batch in one database transaction, and commits the offsets only after that transaction. After a crash the
 * uncommitted batch is read again, and the stored report versions make the replay change nothing.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final KafkaConsumers consumers;
    private final EventApplier applier;
    private final ConsumerSettings settings;
    /** Held while a batch is applied; a rebuild takes it to pause the consumer for its switch-over. */
    private final ReentrantLock batchLock = new ReentrantLock();
    private final AtomicLong applied = new AtomicLong();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    EventConsumer(KafkaConsumers consumers, EventApplier applier, ConsumerSettings settings) {
        this.consumers = consumers;
        this.applier = applier;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (settings.enabled()) {
            startConsuming();
        }
    }

    void onStop(@Observes ShutdownEvent ignored) throws InterruptedException {
        stopConsuming();
    }

    /** Joins the consumer group and keeps applying events until stopped. */
    public synchronized void startConsuming() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "report-event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Leaves the group after the batch in hand; uncommitted events are read again by the next member. */
    public synchronized void stopConsuming() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(30_000);
            thread = null;
        }
    }

    /** Events applied since start (duplicates included). */
    public long applied() {
        return applied.get();
    }

    /** Runs {@code action} between two batches, with the consumer paused. */
    public void whilePaused(Runnable action) {
        batchLock.lock();
        try {
            action.run();
        } finally {
            batchLock.unlock();
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try (KafkaConsumer<String, byte[]> c = consumers.groupMember()) {
                consumer = c;
                c.subscribe(List.of(Topics.REPORTS, Topics.AGENCIES));
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        applyAndCommit(c, records);
                    }
                    backoff = Duration.ofMillis(100);
                }
            } catch (WakeupException e) {
                return; // shutting down
            } catch (Exception e) {
                // The uncommitted batch is read again by the next consumer; its versions make that safe.
                LOG.warnf("event consumer restarting in %d ms: %s", backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                consumer = null;
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
        batchLock.lock();
        try {
            EventApplier.Outcome outcome = applier.apply(batch, Tables.LIVE);
            applied.addAndGet(batch.size());
            if (outcome.ignored() > 0) {
                LOG.debugf("batch of %d: %d applied, %d duplicate or older", batch.size(), outcome.applied(), outcome.ignored());
            }
        } finally {
            batchLock.unlock();
        }
        c.commitSync(next);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
