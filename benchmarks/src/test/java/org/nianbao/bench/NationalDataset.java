package org.nianbao.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nianbao.local.demo.DemoPlan;
import org.nianbao.local.demo.ReportGenerator;
import org.nianbao.local.demo.ReportGenerator.GeneratedReport;
import org.nianbao.model.agency.Sector;
import org.nianbao.model.event.RegionRef;
import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.model.region.RegionLevel;
import org.nianbao.model.template.TemplateCatalog;

/**
 * A national dataset of issue 7's size: agencies spread evenly over every current division below the country and
 * over the sectors, each with a report for each year 2019–2024, a share of them revised once. The cells come from
 * a pool of realistic reports made by the demo's generator (R1–R4 hold in them), picked per agency and year, so
 * the sums are those of a plausible country rather than of one report repeated.
 */
final class NationalDataset {

    static final int FIRST_YEAR = 2019;
    static final int LAST_YEAR = 2024;
    private static final int POOL_AGENCIES = 400;

    record Agency(String id, String name, Region region, List<RegionRef> path, String sector, AgencyLevel level,
                  String provinceCode, String childCode) {
    }

    /** @param cellsJson the cells as JSON, made once per pooled report (the plain table stores them so) */
    record Version(Agency agency, int year, int version, String template, Map<String, BigDecimal> cells, String cellsJson,
                   boolean last) {
    }

    private record Pooled(String template, Map<String, BigDecimal> cells, String cellsJson) {
    }

    private final List<Agency> agencies = new ArrayList<>();
    private final Map<Integer, List<Pooled>> pool = new HashMap<>();
    private final double revisedShare;
    private final long seed;

    NationalDataset(int agencyCount, double revisedShare, long seed) {
        this.revisedShare = revisedShare;
        this.seed = seed;
        RegionCatalog regions = RegionCatalog.standard();
        List<Region> hosts = regions.all().stream().filter(r -> r.level() != RegionLevel.COUNTRY && !r.retired())
                .sorted(java.util.Comparator.comparing(Region::code)).toList();
        Sector[] sectors = Sector.values();
        for (int i = 0; i < agencyCount; i++) {
            // sectors first, so that a smaller dataset (-Dbench.agencies) still has every sector
            Sector sector = sectors[i % sectors.length];
            // a prime stride spreads a smaller dataset over the whole country rather than the first provinces
            Region region = hosts.get((int) ((i / sectors.length) * 7919L % hosts.size()));
            List<Region> path = regions.path(region.code());
            // path: own region first, country last; the province is second to last, its child third to last
            String province = path.get(path.size() - 2).code();
            String child = path.size() >= 3 ? path.get(path.size() - 3).code() : null;
            agencies.add(new Agency("bench-" + i, region.name() + sector.label() + "部门" + (i / (hosts.size() * sectors.length) + 1),
                    region, path.stream().map(r -> new RegionRef(r.code(), r.name(), r.level())).toList(), sector.name(),
                    AgencyLevel.of(region), province, child));
        }
        ReportGenerator generator = new ReportGenerator(seed, TemplateCatalog.standard());
        DemoPlan plan = DemoPlan.create(DemoPlan.Settings.of(seed, DemoPlan.Size.count(POOL_AGENCIES)));
        for (DemoPlan.AgencyPlan a : plan.agencies()) {
            for (GeneratedReport r : generator.generate(a)) {
                Map<String, BigDecimal> cells = r.filled();
                pool.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(new Pooled(r.template().id(), cells, json(cells)));
            }
        }
    }

    private static String json(Map<String, BigDecimal> cells) {
        try {
            return org.nianbao.model.event.EventJson.mapper().writeValueAsString(cells);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Agency> agencies() {
        return agencies;
    }

    int years() {
        return LAST_YEAR - FIRST_YEAR + 1;
    }

    /** Every version in publishing order: per agency, per year, the first version and, if revised, the second. */
    void forEachVersion(java.util.function.Consumer<Version> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Agency a : agencies) {
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                List<Pooled> ofYear = pool.get(year);
                Pooled first = ofYear.get(random.nextInt(ofYear.size()));
                boolean revised = random.nextDouble() < revisedShare;
                sink.accept(new Version(a, year, 1, first.template(), first.cells(), first.cellsJson(), !revised));
                if (revised) {
                    Pooled second = ofYear.get(random.nextInt(ofYear.size()));
                    sink.accept(new Version(a, year, 2, second.template(), second.cells(), second.cellsJson(), true));
                }
            }
        }
    }
}
