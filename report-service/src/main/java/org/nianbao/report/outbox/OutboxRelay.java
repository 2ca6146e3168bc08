package org.nianbao.report.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.nianbao.model.event.CloudEvent;
import org.nianbao.service.worker.SupervisedWorker;
import org.nianbao.service.worker.Workers;

/**
 * Relays outbox rows to Kafka in id order and marks them sent, by moving each to the log of sends ({@code outbox_sent}).
 * <p>
 * One relay is active per database: the instance holding a session advisory lock on its own connection (not a
 * pooled one, so that closing it always releases the lock), so records of one key leave in the order they were
 * committed even with several service instances. The others try for the lock every second and take over within
 * about a second when the holder stops or loses its connection. Holding the lock for as long as it runs, rather
 * than per batch, matters because the instances share one Kafka transactional id: a new holder's producer fences
 * the previous one's, which must then start again.
 * <p>
 * Each batch is one Kafka transaction, marked sent only after it has committed; a failure aborts it and leaves
 * the whole batch unsent, to be sent again in the same order. While Kafka is down, submissions keep succeeding
 * and rows simply wait here.
 * <p>
 * The loop runs as a {@link SupervisedWorker}: whatever stops it (Kafka or the database down, an Error, its thread
 * interrupted) ends in a fresh producer, and in a fresh connection unless the failure was a plain Kafka one, and the
 * loop starts again after a backoff, while readiness says that this instance's relay is failing.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x4e69616e62616f01L; // "Nianbao" + 1
    static final String WORKER = "outbox-relay";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LEADER_POLL = Duration.ofSeconds(1);
    private static final int PRUNE_CHUNK = 5_000;
    private static final String CONTENT_TYPE = "content-type";
    private static final byte[] STRUCTURED = CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    private final OutboxConnection database;
    private final KafkaClients kafka;
    private final KafkaSettings settings;
    private final Workers workers;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final RelayTimings timings = new RelayTimings(); // the relay thread's only
    private final AtomicInteger faultsToInject = new AtomicInteger();
    private volatile Error injectedFault;
    private volatile boolean leading;
    private volatile long lastRelayedAt = System.nanoTime();
    private volatile SupervisedWorker worker;
    // touched by the relay's thread, and by the supervisor's recovery only once that thread has ended
    private boolean topicsReady;
    private KafkaProducer<String, byte[]> producer;
    private Connection connection; // this relay's own, outside the pool; holds the lock while leading
    private long nextPruneAt = System.nanoTime();

    OutboxRelay(OutboxConnection database, KafkaClients kafka, KafkaSettings settings, Workers workers) {
        this.database = database;
        this.kafka = kafka;
        this.settings = settings;
        this.workers = workers;
    }

    void start(@Observes StartupEvent ignored) {
        // while Kafka is away submissions are still stored and their events wait here: no reason to turn traffic away
        worker = workers.start(SupervisedWorker.named(WORKER, this::relay)
                .keepsInstanceReadyWhileFailing()
                .onFailure(this::recover)
                .onStop(this::wakeUp)
                .build());
    }

    void stop(@Observes ShutdownEvent ignored) {
        SupervisedWorker w = worker;
        if (w != null) {
            workers.stop(w, STOP_TIMEOUT);
            worker = null;
        }
        closeProducer();
        dropLeadership();
    }

    /** Asks the relay to look at the outbox now rather than at its next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Records relayed since start, for health and tests. */
    public long relayed() {
        return relayed.get();
    }

    /** The relay's worker: running, failing (with why) or stopped; for health. */
    SupervisedWorker.Status status() {
        SupervisedWorker w = worker;
        return w == null ? null : w.status();
    }

    /** When this relay last committed a batch to Kafka (System.nanoTime), or started; for health. */
    long lastRelayedAt() {
        return lastRelayedAt;
    }

    /** Failed attempts since start (each one backs off and retries), for tests. */
    long failures() {
        return failures.get();
    }

    /**
     * Makes the next {@code times} batches throw {@code fault} once their records are sent, before the Kafka commit,
     * as an Error thrown in the middle of a batch (an OutOfMemoryError, say) would. For the tests of the supervision.
     */
    void injectFault(int times, Error fault) {
        injectedFault = fault;
        faultsToInject.set(times);
    }

    /** True while this instance holds the outbox lock and relays. */
    boolean leading() {
        return leading;
    }

    /** The relay's loop, under its supervisor: any failure ends it, and {@link #recover} runs before the next. */
    private void relay(SupervisedWorker.Context context) throws Exception {
        while (context.running()) {
            if (!topicsReady) {
                kafka.ensureTopics();
                topicsReady = true;
            }
            if (!lead()) {
                context.healthy();
                wakeUps.tryAcquire(LEADER_POLL.toMillis(), TimeUnit.MILLISECONDS); // another instance relays
                wakeUps.drainPermits();
                continue;
            }
            pruneIfDue();
            int sent = relayBatch();
            context.healthy();
            if (sent == 0) {
                wakeUps.tryAcquire(settings.outbox().idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            }
        }
    }

    /**
     * After a failed attempt: a fresh producer in any case (its initialisation aborts the open transaction), and a
     * fresh connection unless the failure was Kafka's: after a database failure the connection, and the lock with
     * it, may be gone; after an Error or a dead thread nobody knows what state the connection was left in.
     */
    private void recover(Throwable failure) {
        failures.incrementAndGet();
        closeProducer();
        if (failure instanceof SQLException || !(failure instanceof Exception)) {
            dropLeadership();
        }
    }

    /** Holds the outbox lock, or tries to take it; true if this instance relays. */
    private boolean lead() throws SQLException {
        if (leading) {
            return true;
        }
        if (connection == null) {
            connection = database.open();
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + ADVISORY_LOCK + ")")) {
            rs.next();
            leading = rs.getBoolean(1);
        }
        if (leading) {
            lastRelayedAt = System.nanoTime(); // health counts a stuck relay's silence from when it took over
            connection.setAutoCommit(false);
            LOG.info("this instance now relays the outbox to Kafka (it holds the outbox lock)");
        }
        return leading;
    }

    /** Closes this relay's connection, which releases the lock if it held it. */
    private void dropLeadership() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken: the server ends the session, and the lock with it
            }
            connection = null;
        }
        leading = false;
    }

    /**
     * Deletes the sends logged longer ago than {@code nianbao.outbox.keep-sent}, so that the log does not grow by every
     * event ever published. One chunk at a time between batches, so that a large backlog of old rows (a first run after
     * an upgrade) never holds up relaying for long.
     */
    private void pruneIfDue() throws SQLException {
        if (System.nanoTime() - nextPruneAt < 0) {
            return;
        }
        int deleted;
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM outbox_sent WHERE id = ANY (ARRAY("
                + "SELECT id FROM outbox_sent WHERE sent_at < now() - make_interval(secs => ?) LIMIT ?))")) {
            ps.setDouble(1, settings.outbox().keepSent().toMillis() / 1000.0);
            ps.setInt(2, PRUNE_CHUNK);
            deleted = ps.executeUpdate();
        }
        connection.commit();
        nextPruneAt = System.nanoTime() + (deleted == PRUNE_CHUNK ? 0 : settings.outbox().pruneEvery().toNanos());
    }

    /**
     * Sends the oldest unsent rows in one Kafka transaction and marks them sent once it has committed; returns
     * how many (0 when idle). Runs on this relay's connection, which holds the outbox lock.
     * <p>
     * All or nothing: if any record fails, the transaction is never committed (the next producer's
     * initialisation aborts it), consumers reading committed records never see any of it, nothing is marked
     * sent, and the next attempt sends the same rows again in the same order. Only a commit whose answer is lost
     * can repeat a batch, which consumers drop by version.
     */
    int relayBatch() throws Exception {
        Connection c = connection;
        long start = System.nanoTime();
        try {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, topic, record_key, payload FROM outbox_event ORDER BY id LIMIT ?")) { // every row is unsent
                ps.setInt(1, settings.outbox().batchSize());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (ids.isEmpty()) {
                            producer().beginTransaction();
                        }
                        Future<RecordMetadata> ack = producer().send(record(rs.getString(2), rs.getString(3), rs.getBytes(4)));
                        ids.add(rs.getLong(1));
                        throwIfFailedAtOnce(ack); // e.g. no metadata while the broker is down: no use sending the rest
                    }
                }
            }
            if (ids.isEmpty()) {
                c.rollback();
                return 0;
            }
            long read = System.nanoTime();
            timings.add(RelayTimings.Step.READ_AND_SEND, read - start);
            throwInjectedFault();
            producer().commitTransaction(); // throws if any record failed, or after max.block.ms
            long committed = System.nanoTime();
            timings.add(RelayTimings.Step.KAFKA_COMMIT, committed - read);
            markSent(c, ids);
            c.commit();
            long done = System.nanoTime();
            timings.add(RelayTimings.Step.MARK_SENT, done - committed);
            timings.batchDone(ids.size(), done - start, LOG::info);
            relayed.addAndGet(ids.size());
            lastRelayedAt = done;
            return ids.size();
        } catch (Throwable e) { // an Error too: the next attempt may find this connection again
            safeRollback(c);
            throw e;
        }
    }

    /**
     * One event as a Kafka record in the structured mode of the CloudEvents Kafka protocol binding: the event's JSON as
     * the value, its content type in the {@code content-type} header, by which CloudEvents SDKs recognise the record.
     */
    static ProducerRecord<String, byte[]> record(String topic, String key, byte[] storedPayload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, OutboxPayload.json(storedPayload));
        record.headers().add(CONTENT_TYPE, STRUCTURED);
        return record;
    }

    private void throwInjectedFault() {
        if (faultsToInject.get() > 0 && faultsToInject.getAndDecrement() > 0) {
            throw injectedFault;
        }
    }

    private static void throwIfFailedAtOnce(Future<RecordMetadata> ack) throws Exception {
        if (!ack.isDone()) {
            return;
        }
        try {
            ack.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Moves the sent rows from the outbox to the log of sends, without their payloads. An update that marked them sent
     * waited, under load, on the outbox table's extension lock against the submissions (migration V4); a delete writes
     * no new row version, and only this relay writes the log.
     */
    private static void markSent(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("WITH sent AS (DELETE FROM outbox_event WHERE id = ANY (?)"
                + " RETURNING id, topic, record_key, created_at)"
                + " INSERT INTO outbox_sent (id, topic, record_key, created_at) SELECT id, topic, record_key, created_at FROM sent")) {
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
            // the connection is broken; the next attempt opens a new one
        }
    }
}
