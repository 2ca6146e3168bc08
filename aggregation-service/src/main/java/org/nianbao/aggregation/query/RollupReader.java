package org.nianbao.aggregation.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nianbao.aggregation.rollup.MetricDictionary;
import org.nianbao.aggregation.rollup.MetricPositions;
import org.nianbao.aggregation.rollup.ReportState;
import org.nianbao.aggregation.rollup.StateColumns;
import org.nianbao.aggregation.rollup.Tables;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.service.problem.ApiProblem;

/**
 * Reads the live roll-ups and report states. Each call is one indexed query, stopped by the database when it runs
 * past {@code nianbao.query.timeout}: a request the indexes cannot serve quickly must not hold a connection and a
 * core while the pool's other callers wait.
 */
@ApplicationScoped
public class RollupReader {

    /** PostgreSQL's SQLSTATE for a statement cancelled by its timeout. */
    private static final String QUERY_CANCELED = "57014";

    private final AgroalDataSource dataSource;
    private final MetricDictionary dictionary;
    private final int timeoutSeconds;

    RollupReader(AgroalDataSource dataSource, MetricDictionary dictionary,
                 @ConfigProperty(name = "nianbao.query.timeout", defaultValue = "10s") Duration timeout) {
        this.dataSource = dataSource;
        this.dictionary = dictionary;
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
    }

    /**
     * Rows of several regions for one sector and level, in the years {@code from}..{@code to}, by year and region;
     * regions without reports are absent. One query, whatever the number of regions and years.
     *
     * @param metrics the metric codes to read (the rest of each row's 254 positions stay in the database), or null
     *                for every metric: a ranking by one indicator needs two or three of them, and reading and
     *                decoding whole rows was most of its time
     */
    public Map<Integer, Map<String, RollupRow>> regions(List<String> regions, String sector, String level, int from, int to,
                                                       Collection<String> metrics) throws SQLException {
        MetricPositions positions = dictionary.snapshot();
        int[] at = positionsOf(positions, metrics);
        return read(regions, sector, level, from, to, positions, at, at);
    }

    /** The positions of the metrics, or null for every metric. */
    private static int[] positionsOf(MetricPositions positions, Collection<String> metrics) {
        return metrics == null ? null : positions.positionsOf(metrics);
    }

    /**
     * Like {@link #regions(List, String, String, int, int, Collection)}, with other metrics in the years before
     * {@code to}: {@code atLast} in {@code to}, {@code atEarlier} before it (each null for every metric).
     */
    private Map<Integer, Map<String, RollupRow>> read(List<String> regions, String sector, String level, int from, int to,
                                                     MetricPositions positions, int[] atLast, int[] atEarlier) throws SQLException {
        Map<Integer, Map<String, StoredRow>> stored = new TreeMap<>();
        String where = " r WHERE r.region_code = ANY (?) AND r.sector = ? AND r.level = ? AND r.year BETWEEN ? AND ?";
        String arrays = arrays(atLast, atEarlier, to);
        // a row's value is its row plus its pending deltas; one statement reads both, so one snapshot
        query("SELECT r.year, r.region_code, r.reports, " + arrays + " FROM " + Tables.LIVE.rollup() + where
                + " UNION ALL SELECT r.year, r.region_code, r.reports, " + arrays + " FROM " + Tables.LIVE.rollupPending() + where,
                (c, ps) -> {
                    for (int first : new int[] {1, 6}) {
                        ps.setArray(first, c.createArrayOf("varchar", regions.toArray()));
                        ps.setString(first + 1, sector);
                        ps.setString(first + 2, level);
                        ps.setInt(first + 3, from);
                        ps.setInt(first + 4, to);
                    }
                }, rs -> stored.computeIfAbsent(rs.getInt(1), y -> new HashMap<>()).computeIfAbsent(rs.getString(2), r -> new StoredRow())
                        .add(rs.getInt(3), rs.getString(4), rs.getString(5)));
        Map<Integer, Map<String, RollupRow>> rows = new TreeMap<>();
        stored.forEach((year, byRegion) -> {
            Map<String, RollupRow> out = rows.computeIfAbsent(year, y -> new HashMap<>());
            byRegion.forEach((region, row) -> out.put(region, row.toRow(positions, year == to ? atLast : atEarlier)));
        });
        return rows;
    }

    /** Rows of several regions in one year and, when {@code withPreviousYear}, the year before. */
    public YearRows regions(List<String> regions, String sector, String level, int year, boolean withPreviousYear,
                            Collection<String> metrics) throws SQLException {
        if (withPreviousYear) {
            return regionsWithPreviousYear(regions, sector, level, year, metrics, metrics);
        }
        return new YearRows(regions(regions, sector, level, year, year, metrics).getOrDefault(year, Map.of()), Map.of());
    }

    /**
     * One year's rows with {@code metrics}, and the year before's with {@code previousYearMetrics} (each null for every
     * metric): e.g. only what the year-over-year indicators read. A region's totals read all 254 positions of its year and a handful
     * of the year before, instead of decoding both rows whole.
     */
    public YearRows regionsWithPreviousYear(List<String> regions, String sector, String level, int year, Collection<String> metrics,
                                            Collection<String> previousYearMetrics) throws SQLException {
        MetricPositions positions = dictionary.snapshot();
        Map<Integer, Map<String, RollupRow>> rows = read(regions, sector, level, year - 1, year, positions,
                positionsOf(positions, metrics), positionsOf(positions, previousYearMetrics));
        return new YearRows(rows.getOrDefault(year, Map.of()), rows.getOrDefault(year - 1, Map.of()));
    }

    /** The rows of one year and of the year before, by region. */
    public record YearRows(Map<String, RollupRow> current, Map<String, RollupRow> previous) {

        public RollupRow current(String region) {
            return current.getOrDefault(region, RollupRow.EMPTY);
        }

        /** Null when the region had no reports that year: year-over-year indicators are then blank. */
        public RollupRow previous(String region) {
            return previous.get(region);
        }
    }

    /** The arrays read: {@code atLast}'s positions in the year {@code last}, {@code atEarlier}'s before it. */
    private static String arrays(int[] atLast, int[] atEarlier, int last) {
        String sums = byYear("r.sums", "numeric", atLast, atEarlier, last);
        return sums + ", " + byYear("r.filled", "integer", atLast, atEarlier, last);
    }

    /** One stored array, with {@code atLast}'s positions in the year {@code last} and {@code atEarlier}'s before it. */
    private static String byYear(String column, String type, int[] atLast, int[] atEarlier, int last) {
        if (java.util.Arrays.equals(atLast, atEarlier)) {
            return array(column, type, atLast);
        }
        // only the branch taken is evaluated: the rest of an earlier year's arrays is never turned into text
        return "CASE WHEN r.year = " + last + " THEN " + array(column, type, atLast) + " ELSE "
                + array(column, type, atEarlier) + " END";
    }

    /** An array read whole, or its selected positions; as text, see {@link StoredRow}. */
    private static String array(String column, String type, int[] at) {
        if (at == null) {
            return column + "::text";
        }
        return at.length == 0 ? "'{}'" : MetricPositions.selectedElements(column, at) + "::" + type + "[]::text";
    }

    /**
     * When each active report of a subtree, year and sector was published: its date, and when its first version came
     * in. Only these two columns: a country's completeness reads every report of a year, and turning each into a
     * whole {@link ReportState} (region path, warnings' JSON) cost most of that answer's time.
     */
    public List<Publication> publications(String region, String sector, int year) throws SQLException {
        List<Publication> found = new ArrayList<>();
        Place place = Place.of(region, false);
        query("SELECT s.agency_id, s.published_on, s.first_submitted_at FROM " + Tables.LIVE.reportState()
                + " s WHERE s.sector = ? AND s.year = ?" + place.sql() + " AND s.status = 'ACTIVE'", (c, ps) -> {
            ps.setString(1, sector);
            ps.setInt(2, year);
            place.bind(ps, 3);
        }, rs -> found.add(new Publication(rs.getString(1), rs.getObject(2, LocalDate.class),
                rs.getObject(3, OffsetDateTime.class))));
        return found;
    }

    public record Publication(String agencyId, LocalDate publishedOn, OffsetDateTime firstSubmittedAt) {
    }

    /**
     * The named metrics of the active reports of one sector and year: those of agencies sitting directly in
     * {@code region} when {@code direct}, else all in its subtree; of one agency level unless {@code level} is null.
     * Only what a ranking of agencies or a breakdown shows of each. A province has hundreds of county bureaus, and turning
     * each one's stored state back into a whole {@link ReportState} (its dates, region path and warnings' JSON) cost
     * more than PostgreSQL took to find the rows.
     */
    public List<AgencyValues> agencyValues(String region, boolean direct, String sector, int year, String level,
                                           Collection<String> codes) throws SQLException {
        MetricPositions positions = dictionary.snapshot();
        int[] at = positions.positionsOf(codes);
        List<AgencyValues> found = new ArrayList<>();
        Place place = Place.of(region, direct);
        query("SELECT s.agency_id, s.agency_name, s.region_code, s.level, " + selected(at) + " FROM " + Tables.LIVE.reportState()
                + " s WHERE s.sector = ? AND s.year = ?" + place.sql() + " AND s.status = 'ACTIVE' AND (?::varchar IS NULL OR s.level = ?)"
                + " ORDER BY s.agency_id", (c, ps) -> {
            ps.setString(1, sector);
            ps.setInt(2, year);
            int next = place.bind(ps, 3);
            ps.setString(next, level);
            ps.setString(next + 1, level);
        }, rs -> found.add(new AgencyValues(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                metrics(positions, at, rs, 5))));
        return found;
    }

    /** The named metrics of the named agencies' active reports for one year, by agency. */
    public Map<String, Map<String, BigDecimal>> activeValues(List<String> agencyIds, int year, Collection<String> codes)
            throws SQLException {
        MetricPositions positions = dictionary.snapshot();
        int[] at = positions.positionsOf(codes);
        Map<String, Map<String, BigDecimal>> found = new HashMap<>();
        query("SELECT s.agency_id, " + selected(at) + " FROM " + Tables.LIVE.reportState()
                + " s WHERE s.agency_id = ANY (?) AND s.year = ? AND s.status = 'ACTIVE'", (c, ps) -> {
            ps.setArray(1, c.createArrayOf("varchar", agencyIds.toArray()));
            ps.setInt(2, year);
        }, rs -> found.put(rs.getString(1), metrics(positions, at, rs, 2)));
        return found;
    }

    /** One agency's value of each metric read: its name and its metrics, nothing else of its report. */
    public record AgencyValues(String agencyId, String agencyName, String regionCode, String level, Map<String, BigDecimal> metrics) {
    }

    /** The stored metrics at {@code at}, each as its own column (no array to build and parse). */
    private static String selected(int[] at) {
        if (at.length == 0) {
            return "NULL";
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < at.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("s.metric_values[").append(at[i] + 1).append(']');
        }
        return sql.toString();
    }

    private static Map<String, BigDecimal> metrics(MetricPositions positions, int[] at, ResultSet rs, int first) throws SQLException {
        Map<String, BigDecimal> metrics = new HashMap<>(at.length * 2);
        for (int k = 0; k < at.length; k++) {
            BigDecimal value = rs.getBigDecimal(first + k);
            if (value != null) {
                metrics.put(positions.code(at[k]), value);
            }
        }
        return metrics;
    }

    /**
     * The current states of the named agencies' reports for one year (any status).
     *
     * @param codes the metrics to read, or null for every metric
     */
    public Map<String, ReportState> agencyReports(List<String> agencyIds, int year, Collection<String> codes) throws SQLException {
        Map<String, ReportState> found = new LinkedHashMap<>();
        StateColumns columns = columns(codes);
        query("SELECT " + columns.sql() + " FROM " + Tables.LIVE.reportState() + " s"
                + " WHERE s.agency_id = ANY (?) AND s.year = ?", (c, ps) -> {
            ps.setArray(1, c.createArrayOf("varchar", agencyIds.toArray()));
            ps.setInt(2, year);
        }, rs -> {
            ReportState s = columns.read(rs);
            found.put(s.agencyId(), s);
        });
        return found;
    }

    /** Active agencies of a sector in a region's subtree: those expected to report. */
    public List<ExpectedAgency> expectedAgencies(String region, String sector) throws SQLException {
        List<ExpectedAgency> found = new ArrayList<>();
        query("SELECT agency_id, name, region_code, level FROM " + Tables.LIVE.agencyState()
                + " WHERE ancestors @> ARRAY[?]::varchar[] AND sector = ? AND active ORDER BY region_code, agency_id", (c, ps) -> {
            ps.setString(1, region);
            ps.setString(2, sector);
        }, rs -> found.add(new ExpectedAgency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
        return found;
    }

    /** Reports of a subtree, year and sector with the most warnings first. */
    public List<ReportState> reportsWithWarnings(String region, String sector, int year) throws SQLException {
        return activeStates(region, sector, year, " AND s.warning_count > 0", "s.warning_count DESC, s.agency_id");
    }

    /** Active report states of a subtree, year and sector without their metrics, {@code condition} added to the filter. */
    private List<ReportState> activeStates(String region, String sector, int year, String condition, String order)
            throws SQLException {
        List<ReportState> found = new ArrayList<>();
        StateColumns columns = columns(List.of());
        Place place = Place.of(region, false);
        query("SELECT " + columns.sql() + " FROM " + Tables.LIVE.reportState() + " s WHERE s.sector = ? AND s.year = ?"
                + place.sql() + " AND s.status = 'ACTIVE'" + condition + " ORDER BY " + order, (c, ps) -> {
            ps.setString(1, sector);
            ps.setInt(2, year);
            place.bind(ps, 3);
        }, rs -> found.add(columns.read(rs)));
        return found;
    }

    private StateColumns columns(Collection<String> codes) {
        return codes == null ? StateColumns.all(dictionary.snapshot()) : StateColumns.only(dictionary.snapshot(), codes);
    }

    /**
     * Where the agencies of a read sit, in terms of the place index (sector, year, province_code, region_code): a
     * subtree always lies within one province, so the province narrows the index scan and the ancestors filter
     * the rest; the country's subtree is everything.
     */
    private record Place(String province, String region, boolean direct) {

        static Place of(String region, boolean direct) {
            List<Region> path = RegionCatalog.standard().path(region);
            String province = path.size() >= 2 ? path.get(path.size() - 2).code() : null;
            return new Place(province, region, direct);
        }

        String sql() {
            if (province == null) {
                return direct ? " AND s.province_code IS NULL AND s.region_code = ?" : "";
            }
            return " AND s.province_code = ?" + (direct ? " AND s.region_code = ?" : " AND s.ancestors @> ARRAY[?]::varchar[]");
        }

        /** Binds from {@code index}; returns the next free index. */
        int bind(PreparedStatement ps, int index) throws SQLException {
            if (province != null) {
                ps.setString(index++, province);
            }
            if (province != null || direct) {
                ps.setString(index++, region);
            }
            return index;
        }
    }

    public record ExpectedAgency(String agencyId, String name, String regionCode, String level) {
    }

    private interface Binder {
        void bind(Connection c, PreparedStatement ps) throws SQLException;
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Binder binder, RowHandler handler) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(c, ps);
            ps.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            if (QUERY_CANCELED.equals(e.getSQLState())) {
                throw ApiProblem.busy("the query ran longer than " + timeoutSeconds + " s and was stopped; ask for a smaller "
                        + "region, fewer years or a page of the list, or retry when the service is less busy", 5);
            }
            throw e;
        }
    }
}
