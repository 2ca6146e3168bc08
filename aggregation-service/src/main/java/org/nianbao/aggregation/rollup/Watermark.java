package org.nianbao.aggregation.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How far the live roll-ups have come ({@code applied_watermark}): the last offset applied per topic partition, written
 * in the transaction that applies it, and a count of rebuilds that replaced the tables. The total of the offsets only
 * grows, and grows with every committed change of the live tables, so {@link #read} names the state every answer is
 * computed from: read before a query, it is the state the answer shows or an older one, never a newer one.
 */
public final class Watermark {

    static final String REBUILD_TOPIC = "rebuild";

    private Watermark() {
    }

    /** In the batch's transaction: the highest offset of each partition of {@code records} is applied. */
    static void advance(Connection c, List<ConsumerRecord<String, byte[]>> records) throws SQLException {
        Map<String, Long> last = new TreeMap<>(); // in key order, so that two members never lock rows crosswise
        for (ConsumerRecord<String, byte[]> r : records) {
            last.merge(r.topic() + "\u0000" + r.partition(), r.offset() + 1, Math::max);
        }
        if (last.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO applied_watermark AS w (topic, kafka_partition, applied_offset)"
                + " VALUES (?, ?, ?) ON CONFLICT (topic, kafka_partition)"
                + " DO UPDATE SET applied_offset = GREATEST(w.applied_offset, EXCLUDED.applied_offset)")) {
            for (Map.Entry<String, Long> e : last.entrySet()) {
                String[] place = e.getKey().split("\u0000");
                ps.setString(1, place[0]);
                ps.setInt(2, Integer.parseInt(place[1]));
                ps.setLong(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** In the swap's transaction: the tables were replaced by a rebuild, which may change any answer. */
    public static void rebuilt(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO applied_watermark AS w (topic, kafka_partition, applied_offset) VALUES ('" + REBUILD_TOPIC
                    + "', -1, 1) ON CONFLICT (topic, kafka_partition) DO UPDATE SET applied_offset = w.applied_offset + 1");
        }
    }

    /** The current state: this database's epoch and the total applied, e.g. {@code 3f2a…-10422}. */
    public static String read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT epoch FROM watermark_epoch LIMIT 1),"
                     + " (SELECT COALESCE(sum(applied_offset), 0) FROM applied_watermark)")) {
            rs.next();
            return rs.getString(1) + "-" + rs.getLong(2);
        }
    }
}
