package org.nianbao.aggregation.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nianbao.aggregation.rollup.MetricDictionary;
import org.nianbao.aggregation.rollup.ReportState;
import org.nianbao.aggregation.rollup.StateColumns;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.aggregation.rollup.Tables;

/** Reads the live roll-ups and report states. Each call is one indexed query. */
@ApplicationScoped
public class RollupReader {

    private final AgroalDataSource dataSource;
    private final MetricDictionary dictionary;

    RollupReader(AgroalDataSource dataSource, MetricDictionary dictionary) {
        this.dataSource = dataSource;
        this.dictionary = dictionary;
    }

    /** Rows of several regions for one sector, level and year; regions without reports are absent. */
    public Map<String, RollupRow> regions(List<String> regions, String sector, String level, int year) throws SQLException {
        Map<String, RollupRow> rows = new HashMap<>();
        query("SELECT region_code, reports, sums, filled FROM " + Tables.LIVE.rollup()
                + " WHERE region_code = ANY (?) AND sector = ? AND level = ? AND year = ?", (c, ps) -> {
            ps.setArray(1, c.createArrayOf("varchar", regions.toArray()));
            ps.setString(2, sector);
            ps.setString(3, level);
            ps.setInt(4, year);
        }, rs -> rows.put(rs.getString(1), row(rs, 2)));
        return rows;
    }

    public RollupRow region(String region, String sector, String level, int year) throws SQLException {
        return regions(List.of(region), sector, level, year).getOrDefault(region, RollupRow.EMPTY);
    }

    /** One region's rows by year, for trends. */
    public TreeMap<Integer, RollupRow> years(String region, String sector, String level, int from, int to) throws SQLException {
        TreeMap<Integer, RollupRow> rows = new TreeMap<>();
        query("SELECT year, reports, sums, filled FROM " + Tables.LIVE.rollup()
                + " WHERE region_code = ? AND sector = ? AND level = ? AND year BETWEEN ? AND ?", (c, ps) -> {
            ps.setString(1, region);
            ps.setString(2, sector);
            ps.setString(3, level);
            ps.setInt(4, from);
            ps.setInt(5, to);
        }, rs -> rows.put(rs.getInt(1), row(rs, 2)));
        return rows;
    }

    /**
     * Active reports of one year and sector: those of agencies sitting directly in {@code region} when
     * {@code direct}, else all in its subtree; optionally of one agency level.
     *
     * @param codes the metrics to read (the rest are left out), or null for every metric
     */
    public List<ReportState> reports(String region, boolean direct, String sector, int year, String level,
                                      Collection<String> codes) throws SQLException {
        List<ReportState> found = new ArrayList<>();
        StateColumns columns = columns(codes);
        Place place = Place.of(region, direct);
        query("SELECT " + columns.sql() + " FROM " + Tables.LIVE.reportState() + " s WHERE s.sector = ? AND s.year = ?"
                + place.sql() + " AND s.status = 'ACTIVE' AND (?::varchar IS NULL OR s.level = ?) ORDER BY s.agency_id", (c, ps) -> {
            ps.setString(1, sector);
            ps.setInt(2, year);
            int next = place.bind(ps, 3);
            ps.setString(next, level);
            ps.setString(next + 1, level);
        }, rs -> found.add(columns.read(rs)));
        return found;
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
        List<ReportState> found = new ArrayList<>();
        StateColumns columns = columns(List.of());
        Place place = Place.of(region, false);
        query("SELECT " + columns.sql() + " FROM " + Tables.LIVE.reportState() + " s WHERE s.sector = ? AND s.year = ?"
                + place.sql() + " AND s.status = 'ACTIVE' AND s.warning_count > 0 ORDER BY s.warning_count DESC, s.agency_id", (c, ps) -> {
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

    private RollupRow row(ResultSet rs, int first) throws SQLException {
        int reports = rs.getInt(first);
        BigDecimal[] sums = (BigDecimal[]) rs.getArray(first + 1).getArray();
        Integer[] filled = (Integer[]) rs.getArray(first + 2).getArray();
        Map<String, BigDecimal> values = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < Math.min(filled.length, dictionary.size()); i++) {
            if (filled[i] != null && filled[i] > 0) {
                values.put(dictionary.code(i), sums[i]);
                counts.put(dictionary.code(i), filled[i]);
            }
        }
        return new RollupRow(reports, values, counts);
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
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }
}
