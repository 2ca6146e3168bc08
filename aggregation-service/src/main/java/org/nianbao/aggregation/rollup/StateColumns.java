package org.nianbao.aggregation.rollup;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.rules.RuleWarning;

/**
 * The columns of a report-state read (aliased {@code s}) and how to turn a row back into a {@link ReportState}.
 * A read that needs only a few metrics (a ranking by one cell, an indicator of two sums) selects just those
 * positions: reading every metric of hundreds of reports to use one of them was the slowest part of a ranking.
 */
public final class StateColumns {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<Map<String, BigDecimal>> METRICS = new TypeReference<>() { };
    private static final TypeReference<List<RuleWarning>> WARNINGS = new TypeReference<>() { };
    private static final String FIXED = "s.agency_id, s.year, s.version, s.status, s.agency_name, s.region_code, s.ancestors,"
            + " s.sector, s.level, s.template, s.published_on, s.first_submitted_at, s.submitted_at, ";

    private final MetricPositions positions;
    private final int[] at; // null: every position

    private StateColumns(MetricPositions positions, int[] at) {
        this.positions = positions;
        this.at = at;
    }

    /** Every metric of each report. */
    public static StateColumns all(MetricPositions positions) {
        return new StateColumns(positions, null);
    }

    /** Only the named metrics; codes without a position are not stored by any report this service reads. */
    public static StateColumns only(MetricPositions positions, Collection<String> codes) {
        return new StateColumns(positions, positions.positionsOf(codes));
    }

    public String sql() {
        String metrics;
        if (at == null) {
            metrics = "s.metric_values, s.other_metrics";
        } else if (at.length == 0) {
            metrics = "'{}'::numeric[], '{}'::jsonb";
        } else {
            metrics = MetricPositions.selectedElements("s.metric_values", at) + "::numeric[], '{}'::jsonb";
        }
        return FIXED + metrics + ", s.warnings";
    }

    public ReportState read(ResultSet rs) throws SQLException {
        BigDecimal[] values = (BigDecimal[]) rs.getArray(14).getArray();
        Map<String, BigDecimal> metrics = positions.byCode(values, at, json(rs.getString(15), METRICS));
        return new ReportState(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Arrays.asList((String[]) rs.getArray(7).getArray()), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getObject(11, LocalDate.class), rs.getObject(12, OffsetDateTime.class),
                rs.getObject(13, OffsetDateTime.class), metrics, json(rs.getString(16), WARNINGS));
    }

    /** The JSON of a stored column (other_metrics, warnings), for both the row-by-row and the bulk writes. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T json(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
