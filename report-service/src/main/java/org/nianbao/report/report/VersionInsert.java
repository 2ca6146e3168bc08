package org.nianbao.report.report;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.hibernate.Session;
import org.nianbao.report.outbox.Outbox;

/**
 * Inserts a new report version and the outbox record that announces it with one statement (the version insert is
 * a data-modifying CTE, which PostgreSQL runs exactly once), on the connection of the caller's transaction: one
 * round trip where persisting the two entities took two, and no entities for Hibernate to track and flush. Both
 * rows commit or roll back together, as before.
 */
final class VersionInsert {

    private static final String SQL = "WITH version AS (INSERT INTO report_version (agency_id, year, version, status,"
            + " template, published_on, submitted_at, cells, blank_cells, texts, warnings)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb))"
            + " INSERT INTO outbox_event (topic, record_key, payload) VALUES (?, ?, ?)";

    private VersionInsert() {
    }

    /**
     * The versions and their events; many as one JDBC batch: the driver sends every execution in one round trip, and
     * PostgreSQL runs them in order in the caller's transaction.
     */
    static void insert(EntityManager em, List<ReportService.NewVersion> versions) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(SQL)) {
                for (ReportService.NewVersion n : versions) {
                    set(ps, n.version(), n.event());
                    if (versions.size() == 1) {
                        ps.executeUpdate();
                        return;
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private static void set(PreparedStatement ps, ReportVersion v, Outbox.Row event) throws SQLException {
        ps.setString(1, v.agencyId);
        ps.setInt(2, v.year);
        ps.setInt(3, v.version);
        ps.setString(4, v.status);
        ps.setString(5, v.template);
        if (v.publishedOn == null) {
            ps.setNull(6, Types.DATE);
        } else {
            ps.setObject(6, v.publishedOn);
        }
        ps.setObject(7, v.submittedAt);
        ps.setString(8, v.cells);
        ps.setString(9, v.blankCells);
        ps.setString(10, v.texts);
        ps.setString(11, v.warnings);
        ps.setString(12, event.topic());
        ps.setString(13, event.key());
        ps.setBytes(14, event.payload());
    }
}
