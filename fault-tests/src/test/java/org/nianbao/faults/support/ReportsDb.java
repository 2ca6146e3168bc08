package org.nianbao.faults.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** Queries on the report service's database. */
public final class ReportsDb {

    private ReportsDb() {
    }

    /** Every stored version as "agencyId/year/vN". */
    public static Set<String> versions() {
        Set<String> found = new HashSet<>();
        try (Connection c = FaultSuite.reportsDb(); PreparedStatement ps = c.prepareStatement(
                "SELECT agency_id, year, version FROM report_version"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1) + "/" + rs.getInt(2) + "/v" + rs.getInt(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    public static long count(String sql) {
        try (Connection c = FaultSuite.reportsDb(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Outbox rows not yet relayed to Kafka. */
    public static long unsent() {
        return count("SELECT count(*) FROM outbox_event");
    }

    /** Reports whose head row does not point at their newest version (a half-written report). */
    public static long headsNotAtNewestVersion() {
        return count("SELECT count(*) FROM report h WHERE h.current_version <> "
                + "(SELECT coalesce(max(v.version), 0) FROM report_version v WHERE v.agency_id = h.agency_id AND v.year = h.year)"
                + " OR h.status <> (SELECT v.status FROM report_version v WHERE v.agency_id = h.agency_id AND v.year = h.year"
                + " AND v.version = h.current_version)");
    }

    /** Versions whose numbers leave a gap (1..max must all exist). */
    public static long versionGaps() {
        return count("SELECT count(*) FROM (SELECT agency_id, year FROM report_version GROUP BY agency_id, year"
                + " HAVING count(*) <> max(version) OR min(version) <> 1) g");
    }
}
