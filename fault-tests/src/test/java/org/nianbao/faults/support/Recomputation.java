package org.nianbao.faults.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;

/**
 * The regional totals recomputed from the report service's own data: the current version of every report, if it
 * is ACTIVE, summed cell by cell into its region and every ancestor (the path from
 * {@link RegionCatalog#path(String)}). A blank cell is absent from {@code cells}, so it is neither summed nor counted.
 */
public final class Recomputation {

    /** One region's expected totals. */
    public static final class Expected {
        public int reports;
        public final Map<String, BigDecimal> sums = new TreeMap<>();
        public final Map<String, Integer> filled = new TreeMap<>();
    }

    private final int year;
    private final Map<String, Expected> byRegion = new TreeMap<>();

    private Recomputation(int year) {
        this.year = year;
    }

    /** Reads the reports of the year and sector EDUCATION from the report service's database. */
    public static Recomputation of(int year) {
        Recomputation r = new Recomputation(year);
        RegionCatalog catalog = RegionCatalog.standard();
        try (Connection c = FaultSuite.reportsDb(); PreparedStatement ps = c.prepareStatement(
                "SELECT a.region_code, v.cells::text FROM report h"
                        + " JOIN report_version v ON v.agency_id = h.agency_id AND v.year = h.year AND v.version = h.current_version"
                        + " JOIN agency a ON a.id = h.agency_id"
                        + " WHERE h.year = ? AND a.sector = 'EDUCATION' AND v.status = 'ACTIVE'")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode cells = FaultSuite.json(rs.getString(2));
                    for (Region region : catalog.path(rs.getString(1).trim())) {
                        Expected e = r.byRegion.computeIfAbsent(region.code(), k -> new Expected());
                        e.reports++;
                        for (Iterator<Map.Entry<String, JsonNode>> it = cells.fields(); it.hasNext(); ) {
                            Map.Entry<String, JsonNode> cell = it.next();
                            if (cell.getValue().isNull()) {
                                continue;
                            }
                            e.sums.merge(cell.getKey(), cell.getValue().decimalValue(), BigDecimal::add);
                            e.filled.merge(cell.getKey(), 1, Integer::sum);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the reports database: " + e.getMessage(), e);
        }
        return r;
    }

    public Expected region(String code) {
        return byRegion.getOrDefault(code, new Expected());
    }

    /**
     * Compares the aggregation service's totals of each region with this recomputation: the report count and,
     * for every cell any counted report filled, the sum and the number of reports that filled it. Returns the
     * differences (empty when equal), at most 20.
     */
    public List<String> differences(String aggregationUrl, List<String> regions) {
        List<String> diffs = new ArrayList<>();
        for (String code : regions) {
            FaultSuite.Answer a = FaultSuite.get(aggregationUrl + "/api/v1/regions/" + code + "/totals?year=" + year
                    + "&sector=EDUCATION&level=ALL");
            if (!a.ok()) {
                diffs.add(code + ": totals answered " + a.status() + " " + a.error());
                continue;
            }
            JsonNode totals = FaultSuite.json(a.body());
            Expected e = region(code);
            if (totals.path("reports").asInt() != e.reports) {
                diffs.add(code + "/" + year + " reports: aggregation " + totals.path("reports").asInt() + ", recomputed " + e.reports);
            }
            for (Map.Entry<String, BigDecimal> cell : e.sums.entrySet()) {
                JsonNode t = totals.path("cells").path(cell.getKey());
                BigDecimal sum = FaultSuite.dec(t.get("sum"));
                int filled = t.path("filled").asInt(-1);
                if (sum == null || sum.compareTo(cell.getValue()) != 0 || filled != e.filled.get(cell.getKey())) {
                    diffs.add(code + "/" + year + " " + cell.getKey() + ": aggregation " + sum + " (" + filled + " filled), recomputed "
                            + cell.getValue() + " (" + e.filled.get(cell.getKey()) + " filled)");
                }
                if (diffs.size() >= 20) {
                    return diffs;
                }
            }
        }
        return diffs;
    }

    /** The number of cell totals {@link #differences} compares for these regions. */
    public int comparedValues(List<String> regions) {
        return regions.stream().mapToInt(code -> region(code).sums.size() * 2 + 1).sum();
    }
}
