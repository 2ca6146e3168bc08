package org.nianbao.report.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Relays outbox rows to Kafka in id order and marks them sent.
 * <p>
 * One relay is active per database (a transaction-scoped advisory lock), so records of one key leave in
 * the order they were committed even with several service instances. A batch is marked sent only after
 * Kafka has acknowledged every record of it; a failure leaves the whole batch unsent to be sent again
 * (the consumers drop the duplicates by version). While Kafka is down, submissions keep succeeding and
 * rows simply wait here.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x4e69616e62616f01L; // "Nianbao" + 1
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final AgroalDataSource dataSource;
    private final KafkaClients kafka;
    private final KafkaSettings settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong relayed = new AtomicLong();
    private volatile boolean running;
    private volatile boolean healthy;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    OutboxRelay(AgroalDataSource dataSource, KafkaClients kafka, KafkaSettings settings) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.settings = settings;
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        wakeUp();
        if (thread != null) {
            thread.join(10_000);
        }
        closeProducer();
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Records relayed since start, for health and tests. */
    public long relayed() {
        return relayed.get();
    }

    /** False while the last attempt to reach Kafka failed. */
    public boolean healthy() {
        return healthy;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        boolean topicsReady = false;
        while (running) {
            try {
                if (!topicsReady) {
                    kafka.ensureTopics();
                    topicsReady = true;
                }
                int sent = relayBatch();
                healthy = true;
                backoff = Duration.ofMillis(100);
                if (sent == 0) {
                    wakeUps.tryAcquire(settings.outbox().idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                healthy = false;
                LOG.warnf("outbox relay paused for %d ms: %s", backoff.toMillis(), e.toString());
                closeProducer(); // a fresh producer after a failure: no half-known sequence state
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Sends the oldest unsent rows and marks the acknowledged ones sent; returns how many (0 when idle or
     * another relay holds the lock).
     * <p>
     * Order per key matters more than throughput here: sending stops at the first record that fails at once
     * (e.g. no metadata while the broker is down), so no later record can overtake it, and only the
     * acknowledged prefix of the batch is marked sent. The rest is sent again, in order, by the next attempt.
     */
    int relayBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, topic, record_key, payload FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT ?")) {
                    ps.setInt(1, settings.outbox().batchSize());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Future<RecordMetadata> ack = producer().send(
                                    new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getBytes(4)));
                            ids.add(rs.getLong(1));
                            acks.add(ack);
                            if (failedAtOnce(ack)) {
                                break;
                            }
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                producer().flush();
                Exception failure = null;
                int acknowledged = 0;
                for (Future<RecordMetadata> ack : acks) {
                    try {
                        ack.get(30, TimeUnit.SECONDS);
                        acknowledged++;
                    } catch (ExecutionException | TimeoutException e) {
                        failure = e;
                        break;
                    }
                }
                if (acknowledged > 0) {
                    markSent(c, ids.subList(0, acknowledged));
                }
                c.commit();
                relayed.addAndGet(acknowledged);
                if (failure != null) {
                    throw failure;
                }
                return acknowledged;
            } catch (Exception e) {
                safeRollback(c);
                throw e;
            }
        }
    }

    private static boolean failedAtOnce(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_try_advisory_xact_lock(" + ADVISORY_LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void markSent(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET sent_at = now() WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = kafka.newProducer();
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (Exception ignored) {
                // closing a broken producer may fail too; it is dropped either way
            }
            producer = null;
        }
    }

    private static void safeRollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
