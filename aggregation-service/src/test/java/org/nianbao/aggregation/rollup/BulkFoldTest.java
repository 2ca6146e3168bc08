package org.nianbao.aggregation.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.RegionRef;
import org.nianbao.model.event.ReportData;
import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.model.template.TemplateCatalog;

/**
 * The rebuild's bulk path (states stored by position, read back, folded per province) must give exactly the rows
 * the live path gives when it applies the same reports one by one.
 */
class BulkFoldTest {

    private static final TemplateCatalog CATALOG = TemplateCatalog.standard();
    private static final RegionCatalog REGIONS = RegionCatalog.standard();
    private static final MetricPositions POSITIONS = new MetricPositions(List.copyOf(new java.util.TreeSet<>(CATALOG.metricCodes())));
    private static final String SECTOR = "EDUCATION";
    private static final int YEAR = 2023;

    @Test
    void foldingProvinceByProvinceGivesTheRowsOfApplyingOneByOne() {
        List<ReportData> reports = reports(400, 7);

        BatchChanges live = new BatchChanges(CATALOG, POSITIONS, Map.of());
        reports.forEach(live::report);

        // what the rebuild does: store each state by position, read it back in province order, fold
        List<ReportState> stored = new ArrayList<>();
        for (ReportData r : reports) {
            ReportState s = ReportState.of(r, CATALOG, r.submittedAt());
            MetricPositions.Indexed back = StateRows.parseValues(POSITIONS.arrayLiteral(s.metrics()));
            stored.add(new ReportState(s.agencyId(), s.year(), s.version(), s.status(), s.agencyName(), s.regionCode(),
                    s.ancestors(), s.sector(), s.level(), s.template(), s.publishedOn(), s.firstSubmittedAt(), s.submittedAt(),
                    POSITIONS.byCode(back.values(), back.positions(), Map.of()), s.warnings()));
        }
        stored.sort(Comparator.comparing(BulkFoldTest::province));
        SubtreeFold fold = new SubtreeFold(POSITIONS.size(), SECTOR, YEAR);
        Map<RollupKey, RollupDelta> bulk = new HashMap<>();
        String province = province(stored.get(0));
        for (ReportState s : stored) {
            if (!province(s).equals(province)) {
                bulk.putAll(fold.takeRegions());
                province = province(s);
            }
            fold.add(s.ancestors(), s.level(), POSITIONS.index(s.metrics()));
        }
        bulk.putAll(fold.takeRegions());
        bulk.putAll(fold.takeCountry());

        assertThat(bulk.keySet()).containsExactlyInAnyOrderElementsOf(live.deltas().keySet());
        assertThat(bulk.keySet()).anyMatch(k -> k.level().equals("CITY")).anyMatch(k -> k.regionCode().equals(Region.COUNTRY_CODE));
        for (Map.Entry<RollupKey, RollupDelta> e : live.deltas().entrySet()) {
            RollupDelta expected = e.getValue();
            RollupDelta actual = bulk.get(e.getKey());
            assertThat(actual.reports()).as("reports of %s", e.getKey()).isEqualTo(expected.reports());
            assertThat(actual.filled()).as("filled of %s", e.getKey()).containsExactly(expected.filled());
            for (int i = 0; i < POSITIONS.size(); i++) {
                assertThat(actual.sums()[i]).as("%s of %s", POSITIONS.code(i), e.getKey()).isEqualByComparingTo(expected.sums()[i]);
            }
        }
    }

    @Test
    void metricValuesSurviveTheirStoredFormIncludingFractionsNegativesAndBlanks() {
        Map<String, BigDecimal> metrics = new TreeMap<>();
        List<String> codes = new ArrayList<>(CATALOG.metricCodes());
        metrics.put(codes.get(0), new BigDecimal("12.75"));
        metrics.put(codes.get(3), BigDecimal.valueOf(-4));
        metrics.put(codes.get(10), new BigDecimal("123456789012345678901234"));
        metrics.put(codes.get(11), BigDecimal.ZERO);
        metrics.put("a.code.no.template.has", BigDecimal.ONE); // kept by name, not by position

        String literal = POSITIONS.arrayLiteral(metrics);
        MetricPositions.Indexed back = StateRows.parseValues(literal);
        Map<String, BigDecimal> read = POSITIONS.byCode(back.values(), back.positions(), POSITIONS.unpositioned(metrics));

        assertThat(read).containsOnlyKeys(metrics.keySet());
        metrics.forEach((code, value) -> assertThat(read.get(code)).as(code).isEqualByComparingTo(value));
        assertThat(StateRows.parseValues("{}").positions()).isEmpty();
    }

    private static String province(ReportState s) {
        return s.ancestors().size() >= 2 ? s.ancestors().get(s.ancestors().size() - 2) : "";
    }

    /** Reports of the seed cells scaled at random, by agencies at every level of a few provinces. */
    private static List<ReportData> reports(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Region> places = REGIONS.all().stream().filter(r -> !r.retired() && r.level() != org.nianbao.model.region.RegionLevel.COUNTRY)
                .filter(r -> r.code().startsWith("43") || r.code().startsWith("62") || r.code().startsWith("11")).toList();
        List<String> codes = new ArrayList<>(CATALOG.find("GOV_2021").orElseThrow().metricValues(Map.of()).keySet());
        List<String> cells = CATALOG.metricCodes().stream().filter(c -> !codes.contains(c)).limit(40).toList();
        List<ReportData> out = new ArrayList<>();
        OffsetDateTime at = OffsetDateTime.of(2024, 1, 10, 8, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            Region region = places.get(random.nextInt(places.size()));
            List<RegionRef> path = REGIONS.path(region.code()).stream().map(r -> new RegionRef(r.code(), r.name(), r.level())).toList();
            Map<String, BigDecimal> values = new HashMap<>();
            for (String cell : cells) {
                if (random.nextInt(4) > 0) {
                    values.put(cell, random.nextInt(10) == 0 ? new BigDecimal(random.nextInt(1000) + ".5") : BigDecimal.valueOf(random.nextInt(50)));
                }
            }
            out.add(new ReportData("a-" + i, "机关 " + i, region.code(), path, SECTOR, AgencyLevel.of(region), YEAR, "GOV_2021",
                    null, 1, null, ReportData.ACTIVE, at, values, List.of()));
        }
        return out;
    }
}
