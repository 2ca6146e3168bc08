package org.nianbao.aggregation.rollup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.nianbao.model.template.TemplateCatalog;

/**
 * The position of every metric code in the roll-up arrays. Positions are stored in the database and only
 * ever appended to, so a catalog that gains cells never invalidates stored roll-ups.
 */
@ApplicationScoped
public class MetricDictionary {

    private final AgroalDataSource dataSource;
    private volatile MetricPositions snapshot = new MetricPositions(List.of());

    MetricDictionary(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void load(@Observes @Priority(1) StartupEvent ignored) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE metric IN EXCLUSIVE MODE"); // two instances starting at once append once
            }
            List<String> known = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code FROM metric ORDER BY idx")) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
            TreeSet<String> missing = new TreeSet<>(TemplateCatalog.standard().metricCodes());
            missing.removeAll(known);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metric (idx, code) VALUES (?, ?)")) {
                for (String code : missing) {
                    ps.setInt(1, known.size());
                    ps.setString(2, code);
                    ps.addBatch();
                    known.add(code);
                }
                ps.executeBatch();
            }
            c.commit();
            snapshot = new MetricPositions(known);
        }
    }

    /** The positions as one plain object, for the hot fold of a batch. */
    public MetricPositions snapshot() {
        return snapshot;
    }

    public int size() {
        return snapshot.size();
    }

    public Optional<Integer> position(String code) {
        return Optional.ofNullable(snapshot.position(code));
    }

    public String code(int position) {
        return snapshot.code(position);
    }
}
