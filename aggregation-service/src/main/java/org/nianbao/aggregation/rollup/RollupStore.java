package org.nianbao.aggregation.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nianbao.model.event.AgencyData;
import org.nianbao.model.event.RegionRef;

/** Reads and writes the state tables of one generation with plain JDBC, inside the caller's transaction. */
@ApplicationScoped
public class RollupStore {


    /** The stored states of the given reports, locked until the transaction ends. */
    public Map<ReportState.Key, ReportState> lockStates(Connection c, Tables t, MetricPositions positions,
                                                        Set<ReportState.Key> keys) throws SQLException {
        Map<ReportState.Key, ReportState> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        StateColumns columns = StateColumns.all(positions);
        String sql = "SELECT " + columns.sql() + " FROM " + t.reportState() + " s JOIN unnest(?::varchar[], ?::int[]) AS k(a, y)"
                + " ON s.agency_id = k.a AND s.year = k.y ORDER BY s.agency_id, s.year FOR UPDATE OF s";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("varchar", keys.stream().map(ReportState.Key::agencyId).toArray()));
            ps.setArray(2, c.createArrayOf("integer", keys.stream().map(ReportState.Key::year).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ReportState s = columns.read(rs);
                    found.put(s.key(), s);
                }
            }
        }
        return found;
    }

    /** The new report states and agency rows of a batch. */
    public void writeStates(Connection c, Tables t, BatchChanges changes) throws SQLException {
        writeStates(c, t, changes.positions(), changes.changedStates().values());
        writeAgencies(c, t, changes.agencies());
    }

    /**
     * The batch's merged roll-up deltas, appended to the pending table: no lock is taken on a roll-up row, so
     * batches that touch the same province and country rows commit side by side. {@link PendingCompactor} adds
     * them into the rows later; readers add the pending ones up meanwhile.
     */
    public void writeRollups(Connection c, Tables t, BatchChanges changes) throws SQLException {
        String sql = "INSERT INTO " + t.rollupPending() + " (region_code, sector, level, year, reports, sums, filled)"
                + " VALUES (?, ?, ?, ?, ?, ?::numeric[], ?::integer[])";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<RollupKey, RollupDelta> e : changes.deltas().entrySet()) {
                RollupDelta d = e.getValue();
                if (d.changesNothing()) {
                    continue;
                }
                bindKey(ps, e.getKey(), d);
                ps.setString(6, d.sumsSpanLiteral());
                ps.setString(7, d.filledSpanLiteral());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Removes up to {@code limit} pending deltas and returns them merged by row, in the caller's transaction. Deltas
     * another compactor has taken are skipped, not waited for; each delta is taken by exactly one transaction.
     */
    Pending takePending(Connection c, Tables t, int metrics, int limit) throws SQLException {
        TreeMap<RollupKey, RollupDelta> taken = new TreeMap<>();
        int rows = 0;
        String sql = "DELETE FROM " + t.rollupPending() + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + t.rollupPending()
                + " LIMIT ? FOR UPDATE SKIP LOCKED)) RETURNING region_code, sector, level, year, reports, sums::text, filled::text";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RollupKey k = new RollupKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4));
                    taken.computeIfAbsent(k, key -> new RollupDelta(metrics)).addStored(rs.getInt(5), rs.getString(6), rs.getString(7));
                    rows++;
                }
            }
        }
        return new Pending(rows, taken);
    }

    /** Pending deltas taken out of the table: how many, and their sum for each roll-up row. */
    record Pending(int deltas, TreeMap<RollupKey, RollupDelta> byRow) {
    }

    private void writeStates(Connection c, Tables t, MetricPositions positions, java.util.Collection<ReportState> states)
            throws SQLException {
        String sql = "INSERT INTO " + t.reportState() + " (agency_id, year, version, status, agency_name, region_code, ancestors,"
                + " sector, level, template, published_on, first_submitted_at, submitted_at, metric_values, other_metrics, warnings,"
                + " warning_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::numeric[], ?::jsonb, ?::jsonb, ?)"
                + " ON CONFLICT (agency_id, year) DO UPDATE SET version = excluded.version, status = excluded.status,"
                + " agency_name = excluded.agency_name, region_code = excluded.region_code, ancestors = excluded.ancestors,"
                + " sector = excluded.sector, level = excluded.level, template = excluded.template,"
                + " published_on = excluded.published_on, submitted_at = excluded.submitted_at,"
                + " metric_values = excluded.metric_values, other_metrics = excluded.other_metrics, warnings = excluded.warnings,"
                + " warning_count = excluded.warning_count";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (ReportState s : states) {
                ps.setString(1, s.agencyId());
                ps.setInt(2, s.year());
                ps.setInt(3, s.version());
                ps.setString(4, s.status());
                ps.setString(5, s.agencyName());
                ps.setString(6, s.regionCode());
                ps.setArray(7, c.createArrayOf("varchar", s.ancestors().toArray()));
                ps.setString(8, s.sector());
                ps.setString(9, s.level());
                ps.setString(10, s.template());
                if (s.publishedOn() == null) {
                    ps.setNull(11, Types.DATE);
                } else {
                    ps.setDate(11, Date.valueOf(s.publishedOn()));
                }
                ps.setObject(12, s.firstSubmittedAt().withOffsetSameInstant(ZoneOffset.UTC));
                ps.setObject(13, s.submittedAt().withOffsetSameInstant(ZoneOffset.UTC));
                ps.setString(14, positions.arrayLiteral(s.metrics()));
                ps.setString(15, StateColumns.json(positions.unpositioned(s.metrics())));
                ps.setString(16, StateColumns.json(s.warnings()));
                ps.setInt(17, s.warnings().size());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Adds deltas taken from the pending table to the stored rows. The stored rows are locked and read in key order
     * (the order every compactor locks them in, so two instances' compactors cannot deadlock), added to in Java and
     * written back whole: far cheaper than element-wise array addition in SQL, which showed as the bottleneck of a
     * bulk load. New rows are inserted; if another instance created one meanwhile, the insert falls back to adding
     * in SQL. A row whose delta changes nothing is left alone.
     */
    void addToRows(Connection c, Tables t, TreeMap<RollupKey, RollupDelta> batchDeltas) throws SQLException {
        TreeMap<RollupKey, RollupDelta> deltas = new TreeMap<>(batchDeltas);
        deltas.values().removeIf(RollupDelta::changesNothing);
        if (deltas.isEmpty()) {
            return;
        }
        Map<RollupKey, RollupDelta> stored = new HashMap<>();
        String select = "SELECT r.region_code, r.sector, r.level, r.year, r.reports, r.sums::text, r.filled::text FROM " + t.rollup() + " r"
                + " JOIN unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int[]) AS k(rc, se, le, yr)"
                + " ON r.region_code = k.rc AND r.sector = k.se AND r.level = k.le AND r.year = k.yr"
                + " ORDER BY r.region_code COLLATE \"C\", r.sector COLLATE \"C\", r.level COLLATE \"C\", r.year FOR UPDATE OF r";
        try (PreparedStatement ps = c.prepareStatement(select)) {
            ps.setArray(1, c.createArrayOf("varchar", deltas.keySet().stream().map(RollupKey::regionCode).toArray()));
            ps.setArray(2, c.createArrayOf("varchar", deltas.keySet().stream().map(RollupKey::sector).toArray()));
            ps.setArray(3, c.createArrayOf("varchar", deltas.keySet().stream().map(RollupKey::level).toArray()));
            ps.setArray(4, c.createArrayOf("integer", deltas.keySet().stream().map(RollupKey::year).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RollupKey k = new RollupKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4));
                    RollupDelta d = deltas.get(k);
                    d.addStored(rs.getInt(5), rs.getString(6), rs.getString(7));
                    stored.put(k, d);
                }
            }
        }
        String update = "UPDATE " + t.rollup() + " SET reports = ?, sums = ?::numeric[], filled = ?::integer[]"
                + " WHERE region_code = ? AND sector = ? AND level = ? AND year = ?";
        String insert = "INSERT INTO " + t.rollup() + " (region_code, sector, level, year, reports, sums, filled)"
                + " VALUES (?, ?, ?, ?, ?, ?::numeric[], ?::integer[])"
                + " ON CONFLICT (region_code, sector, level, year) DO UPDATE SET reports = " + t.rollup() + ".reports + excluded.reports,"
                + " sums = nb_add(" + t.rollup() + ".sums, excluded.sums), filled = nb_add(" + t.rollup() + ".filled, excluded.filled)";
        try (PreparedStatement up = c.prepareStatement(update); PreparedStatement in = c.prepareStatement(insert)) {
            for (Map.Entry<RollupKey, RollupDelta> e : deltas.entrySet()) {
                RollupKey k = e.getKey();
                RollupDelta d = e.getValue();
                if (stored.containsKey(k)) {
                    up.setInt(1, d.reports());
                    up.setString(2, d.sumsLiteral());
                    up.setString(3, d.filledLiteral());
                    up.setString(4, k.regionCode());
                    up.setString(5, k.sector());
                    up.setString(6, k.level());
                    up.setInt(7, k.year());
                    up.addBatch();
                } else {
                    bindRow(in, k, d);
                    in.addBatch();
                }
            }
            up.executeBatch();
            in.executeBatch();
        }
    }

    /** Binds a row's key, report count and whole arrays, in the column order of the roll-up tables. */
    private static void bindRow(PreparedStatement ps, RollupKey k, RollupDelta d) throws SQLException {
        bindKey(ps, k, d);
        ps.setString(6, d.sumsLiteral());
        ps.setString(7, d.filledLiteral());
    }

    /** Binds a row's key and report count (parameters 1–5). */
    private static void bindKey(PreparedStatement ps, RollupKey k, RollupDelta d) throws SQLException {
        ps.setString(1, k.regionCode());
        ps.setString(2, k.sector());
        ps.setString(3, k.level());
        ps.setInt(4, k.year());
        ps.setInt(5, d.reports());
    }

    /** Agency rows, each kept only if newer than the stored revision. */
    public void writeAgencies(Connection c, Tables t, List<AgencyData> agencies) throws SQLException {
        String sql = "INSERT INTO " + t.agencyState() + " (agency_id, name, region_code, ancestors, sector, level, active, revision)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agency_id) DO UPDATE SET name = excluded.name,"
                + " region_code = excluded.region_code, ancestors = excluded.ancestors, sector = excluded.sector,"
                + " level = excluded.level, active = excluded.active, revision = excluded.revision"
                + " WHERE " + t.agencyState() + ".revision < excluded.revision";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (AgencyData a : agencies) {
                ps.setString(1, a.agencyId());
                ps.setString(2, a.name());
                ps.setString(3, a.regionCode());
                ps.setArray(4, c.createArrayOf("varchar", a.regionPath().stream().map(RegionRef::code).toArray()));
                ps.setString(5, a.sector());
                ps.setString(6, a.level().name());
                ps.setBoolean(7, a.active());
                ps.setLong(8, a.revision());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
