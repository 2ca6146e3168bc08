package org.nianbao.report.report;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
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

    static void insert(EntityManager em, ReportVersion v, Outbox.Row event) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(SQL)) {
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
                ps.executeUpdate();
            }
        });
    }
}
