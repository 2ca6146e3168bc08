package org.nianbao.aggregation.consumer;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.nianbao.service.problem.DatabaseOutage;

/**
 * Events that cannot be applied, set aside so that they never block their partition. A batch that fails for a reason
 * that will not go away by retrying (a payload no version of the service reads, a value PostgreSQL refuses) is applied
 * again one event at a time, each in its own transaction: the events that apply are applied, in their order, and the
 * one that fails is stored in {@code dead_letter} with its topic, partition, offset, key, payload and error. A failure
 * that retrying can cure (the database unreachable, a lock conflict, the server short of resources) is never set
 * aside: it fails the batch, which is read again.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_ERROR_LENGTH = 4000;
    /**
     * SQL state classes that say the database, not the event, is at fault: connection (08), transaction rollback such
     * as deadlocks (40), insufficient resources (53), program limits (54), operator intervention such as a shutdown or a
     * cancelled statement (57), system errors (58) and internal errors (XX).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "54", "57", "58", "XX");
    private static final String INSERT = "INSERT INTO dead_letter (topic, kafka_partition, record_offset, record_key, payload, error)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    /** Where a record is on its topic: what identifies an event set aside. */
    public record Place(String topic, int partition, long offset) {
        public static Place of(ConsumerRecord<?, ?> record) {
            return new Place(record.topic(), record.partition(), record.offset());
        }
    }

    /** Applies some records in one transaction. */
    @FunctionalInterface
    public interface Application {
        void apply(List<ConsumerRecord<String, byte[]>> records) throws Exception;
    }

    private final AgroalDataSource dataSource;
    private final AtomicLong setAside = new AtomicLong();

    DeadLetters(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether retrying can cure {@code failure}: then the batch is read again rather than any of it set aside. */
    public static boolean isTransient(Throwable failure) {
        if (DatabaseOutage.causedBy(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies the records of a batch that failed as a whole one at a time, in their order, each in its own transaction,
     * and sets aside each one that fails for good. A transient failure stops here and is thrown: the records applied so
     * far are applied again when the batch is read again, which their versions make harmless.
     */
    public void applyOneByOne(List<ConsumerRecord<String, byte[]>> batch, Application application) throws Exception {
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                application.apply(List.of(record));
            } catch (Exception e) {
                if (isTransient(e)) {
                    throw e;
                }
                setAside(record, e);
            }
        }
    }

    /** Stores one record that cannot be applied, in a transaction of its own. */
    public void setAside(ConsumerRecord<String, byte[]> record, Throwable error) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            setAside(c, record, describe(error));
        }
    }

    /** Stores one record that cannot be applied, in the caller's transaction; a record set aside before is kept as it was. */
    public void setAside(Connection c, ConsumerRecord<String, byte[]> record, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, record.topic());
            ps.setInt(2, record.partition());
            ps.setLong(3, record.offset());
            ps.setString(4, record.key() == null ? null : storable(record.key()));
            ps.setBytes(5, record.value());
            ps.setString(6, storable(error));
            if (ps.executeUpdate() > 0) {
                setAside.incrementAndGet();
                LOG.errorf("set aside event %s-%d@%d (key %s), which cannot be applied: %s; GET /api/v1/admin/dead-letters lists it",
                        record.topic(), record.partition(), record.offset(), record.key(), error);
            }
        }
    }

    /** Events set aside by this instance since it started: the figure a metric exports. */
    public long setAsideSinceStart() {
        return setAside.get();
    }

    /** Events set aside in all, by every instance. */
    public long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM dead_letter")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Where every event set aside is: a rebuild skips them, as the live consumer did. */
    public Set<Place> places() throws SQLException {
        Set<Place> found = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT topic, kafka_partition, record_offset FROM dead_letter")) {
            while (rs.next()) {
                found.add(new Place(rs.getString(1), rs.getInt(2), rs.getLong(3)));
            }
        }
        return found;
    }

    /** The events set aside, newest first. */
    public List<DeadLetter> newest(int limit) throws SQLException {
        List<DeadLetter> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT topic, kafka_partition, record_offset, record_key, payload, error, set_aside_at FROM dead_letter"
                        + " ORDER BY set_aside_at DESC, topic, kafka_partition, record_offset LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] payload = rs.getBytes(5);
                    found.add(new DeadLetter(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
                            payload == null ? null : new String(payload, StandardCharsets.UTF_8), payload == null ? 0 : payload.length,
                            rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class)));
                }
            }
        }
        return found;
    }

    /**
     * The error and its causes, each cut short: a failed batch statement quotes the whole statement, and says what
     * PostgreSQL refused only in its next exception (date/time field value out of range: ...).
     */
    private static String describe(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = error; t != null && parts.size() < 10; t = t.getCause() == t ? null : t.getCause()) {
            parts.add(cut(t.toString(), 300));
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && parts.size() < 10; next = next.getNextException()) {
                    parts.add(cut(next.toString(), 1000));
                }
            }
        }
        return String.join("; caused by ", parts);
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "…" : text;
    }

    /** Text PostgreSQL stores: no NUL (a key or an error message may quote one), and a bounded length. */
    private static String storable(String text) {
        return cut(text, MAX_ERROR_LENGTH).replace('\u0000', '\uFFFD');
    }
}
