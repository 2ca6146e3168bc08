package org.nianbao.aggregation.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.nianbao.aggregation.query.Views.BreakdownRow;
import org.nianbao.aggregation.query.Views.CellTotal;
import org.nianbao.aggregation.query.Views.ComparedEntity;
import org.nianbao.aggregation.query.Views.ComparedValue;
import org.nianbao.aggregation.query.Views.RankingEntry;
import org.nianbao.aggregation.query.Views.TrendPoint;
import org.nianbao.aggregation.rollup.ReportState;
import org.nianbao.model.event.RegionRef;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.model.rules.IndicatorDefinition;
import org.nianbao.model.rules.Indicators;
import org.nianbao.model.rules.MetricSource;
import org.nianbao.model.rules.Term;
import org.nianbao.model.template.TemplateCatalog;

/** Totals, drill-down, comparisons, trends and rankings, all computed from the stored sums. */
@ApplicationScoped
public class RollupQueries {

    private static final int SCALE = Indicators.SCALE;
    private final RollupReader reader;
    private final TemplateCatalog catalog = TemplateCatalog.standard();
    private final RegionCatalog regions = RegionCatalog.standard();

    /** The metrics the indicators read in the year before ({@code prev:} terms): all a region's totals need of that year. */
    private final Set<String> previousYearTerms = catalog.indicators().stream().flatMap(i -> i.terms().stream())
            .filter(Term::previousYear).map(Term::code).collect(Collectors.toUnmodifiableSet());

    RollupQueries(RollupReader reader) {
        this.reader = reader;
    }

    public Views.Totals totals(Region region, String sector, String level, int year) throws SQLException {
        RollupReader.YearRows rows = reader.regionsWithPreviousYear(List.of(region.code()), sector, level, year, null,
                previousYearTerms);
        RollupRow row = rows.current(region.code());
        RollupRow previous = rows.previous(region.code());
        // a whole number is written the same with or without its trailing zeros stripped (PlainDecimals)
        Map<String, CellTotal> cells = CellTotals.inCodeOrder(row.sums(), (code, sum) -> new CellTotal(
                sum.scale() > 0 ? sum.stripTrailingZeros() : sum, row.filled().get(code), CellTotals.label(code)));
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        MetricSource source = row.source(previous);
        for (IndicatorDefinition indicator : catalog.indicators()) {
            indicators.put(indicator.code(), Indicators.evaluate(indicator, source));
        }
        return new Views.Totals(ref(region), sector, level, year, row.reports(), cells, indicators);
    }

    public Views.Breakdown breakdown(Region region, String sector, int year, MetricRef metric) throws SQLException {
        List<Region> children = regions.children(region.code());
        String all = "ALL";
        List<String> codes = new ArrayList<>(children.stream().map(Region::code).toList());
        codes.add(region.code());
        RollupReader.YearRows rows = reader.regions(codes, sector, all, year, metric.readsPreviousYear(), metric.codes());
        Indicators.Evaluation total = metric.evaluate(rows.current(region.code()).source(rows.previous(region.code())));
        List<BreakdownRow> out = new ArrayList<>();
        for (Region child : children) {
            RollupRow row = rows.current(child.code());
            Indicators.Evaluation e = metric.evaluate(row.source(rows.previous(child.code())));
            out.add(new BreakdownRow("REGION", child.code(), child.name(), child.level().name(), row.reports(), e.value(),
                    e.numerator(), e.denominator(), share(metric, e.value(), total.value())));
        }
        List<RollupReader.AgencyValues> direct = reader.agencyValues(region.code(), true, sector, year, null, metric.codes());
        Map<String, Map<String, BigDecimal>> before = previousYear(direct, year, metric);
        for (RollupReader.AgencyValues report : direct) {
            Indicators.Evaluation e = metric.evaluate(MetricSource.of(report.metrics(), before.get(report.agencyId())));
            out.add(new BreakdownRow("AGENCY", report.agencyId(), report.agencyName(), report.level(), 1, e.value(),
                    e.numerator(), e.denominator(), share(metric, e.value(), total.value())));
        }
        return new Views.Breakdown(ref(region), sector, year, metric.code(), metric.label(), total.value(), out);
    }

    /** The agencies' metrics of the year before, when the metric reads it (a year-over-year change); else none. */
    private Map<String, Map<String, BigDecimal>> previousYear(List<RollupReader.AgencyValues> agencies, int year, MetricRef metric)
            throws SQLException {
        if (!metric.readsPreviousYear() || agencies.isEmpty()) {
            return Map.of();
        }
        return reader.activeValues(agencies.stream().map(RollupReader.AgencyValues::agencyId).toList(), year - 1, metric.codes());
    }

    public Views.Comparison compareRegions(List<Region> compared, String sector, String level, int year,
                                           List<MetricRef> metrics) throws SQLException {
        List<String> codes = compared.stream().map(Region::code).toList();
        RollupReader.YearRows rows = reader.regions(codes, sector, level, year, metrics.stream().anyMatch(MetricRef::readsPreviousYear),
                metrics.stream().flatMap(m -> m.codes().stream()).collect(java.util.stream.Collectors.toSet()));
        List<Entity> entities = compared.stream().map(r -> {
            RollupRow row = rows.current(r.code());
            return new Entity(r.code(), r.name(), row.reports(), row.source(rows.previous(r.code())));
        }).toList();
        return comparison("regions", sector, year, metrics, entities);
    }

    public Views.Comparison compareAgencies(List<String> agencyIds, String sector, int year, List<MetricRef> metrics)
            throws SQLException {
        java.util.Set<String> codes = metrics.stream().flatMap(m -> m.codes().stream()).collect(java.util.stream.Collectors.toSet());
        Map<String, ReportState> reports = reader.agencyReports(agencyIds, year, codes);
        Map<String, ReportState> previous = reader.agencyReports(agencyIds, year - 1, codes);
        List<Entity> entities = agencyIds.stream().map(id -> {
            ReportState r = reports.get(id);
            boolean counted = r != null && r.active();
            ReportState p = previous.get(id);
            return new Entity(id, r == null ? null : r.agencyName(), counted ? 1 : 0, MetricSource.of(
                    counted ? r.metrics() : Map.of(), p != null && p.active() ? p.metrics() : null));
        }).toList();
        return comparison("agencies", sector, year, metrics, entities);
    }

    public Views.Trend trend(Region region, String sector, String level, MetricRef metric, int from, int to) throws SQLException {
        Map<Integer, RollupRow> rows = new TreeMap<>();
        // the year before the first point, and for a year-over-year metric the year before that
        reader.regions(List.of(region.code()), sector, level, metric.readsPreviousYear() ? from - 2 : from - 1, to, metric.codes())
                .forEach((year, byRegion) -> rows.put(year, byRegion.get(region.code())));
        List<TrendPoint> points = new ArrayList<>();
        BigDecimal before = null;
        for (int year = from; year <= to; year++) {
            RollupRow row = rows.getOrDefault(year, RollupRow.EMPTY);
            if (year == from) {
                before = metric.evaluate(rows.getOrDefault(year - 1, RollupRow.EMPTY).source(rows.get(year - 2))).value();
            }
            BigDecimal value = metric.evaluate(row.source(rows.get(year - 1))).value();
            BigDecimal change = value == null || before == null ? null : value.subtract(before);
            BigDecimal percent = change == null || before.signum() == 0 ? null : change.divide(before.abs(), SCALE, RoundingMode.HALF_EVEN);
            points.add(new TrendPoint(year, row.reports(), strip(value), strip(change), percent));
            before = value;
        }
        return new Views.Trend(ref(region), sector, level, metric.code(), metric.label(), points);
    }

    /** Child regions of {@code parent} (agencyLevel null), or agencies of that level in its subtree, ranked. */
    public Views.Ranking rank(Region parent, String agencyLevel, String sector, int year, MetricRef metric,
                              boolean descending, int limit) throws SQLException {
        List<RankingEntry> entries = new ArrayList<>();
        if (agencyLevel == null) {
            List<Region> children = regions.children(parent.code());
            List<String> codes = children.stream().map(Region::code).toList();
            RollupReader.YearRows rows = reader.regions(codes, sector, "ALL", year, metric.readsPreviousYear(), metric.codes());
            for (Region child : children) {
                RollupRow row = rows.current(child.code());
                Indicators.Evaluation e = metric.evaluate(row.source(rows.previous(child.code())));
                entries.add(new RankingEntry(null, child.code(), child.name(), child.code(), e.value(), e.numerator(), e.denominator(), row.reports()));
            }
        } else {
            List<RollupReader.AgencyValues> reports = reader.agencyValues(parent.code(), false, sector, year, agencyLevel, metric.codes());
            Map<String, Map<String, BigDecimal>> previous = previousYear(reports, year, metric);
            for (RollupReader.AgencyValues r : reports) {
                Indicators.Evaluation e = metric.evaluate(MetricSource.of(r.metrics(), previous.get(r.agencyId())));
                entries.add(new RankingEntry(null, r.agencyId(), r.agencyName(), r.regionCode(), e.value(), e.numerator(), e.denominator(), 1));
            }
        }
        Comparator<RankingEntry> byValue = Comparator.comparing(RankingEntry::value);
        List<RankingEntry> valued = entries.stream().filter(e -> e.value() != null)
                .sorted((descending ? byValue.reversed() : byValue).thenComparing(RankingEntry::code)).toList();
        List<RankingEntry> ranked = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < valued.size(); i++) {
            RankingEntry e = valued.get(i);
            if (i == 0 || e.value().compareTo(valued.get(i - 1).value()) != 0) {
                rank = i + 1; // equal values share a rank; the next distinct value skips ("1, 1, 3")
            }
            ranked.add(new RankingEntry(rank, e.code(), e.name(), e.regionCode(), strip(e.value()), strip(e.numerator()),
                    strip(e.denominator()), e.reports()));
        }
        List<RankingEntry> unranked = entries.stream().filter(e -> e.value() == null)
                .sorted(Comparator.comparing(RankingEntry::code))
                .map(e -> new RankingEntry(null, e.code(), e.name(), e.regionCode(), null, strip(e.numerator()),
                        strip(e.denominator()), e.reports())).toList();
        ranked.addAll(unranked);
        return new Views.Ranking(ref(parent), agencyLevel == null ? "regions" : "agencies:" + agencyLevel, sector, year,
                metric.code(), descending ? "desc" : "asc", unranked.size(), ranked.subList(0, Math.min(limit, ranked.size())));
    }

    private record Entity(String code, String name, int reports, MetricSource source) {
    }

    private static Views.Comparison comparison(String by, String sector, int year, List<MetricRef> metrics, List<Entity> entities) {
        Map<String, BigDecimal[]> values = new LinkedHashMap<>();
        for (MetricRef m : metrics) {
            BigDecimal[] v = new BigDecimal[entities.size()];
            for (int i = 0; i < entities.size(); i++) {
                v[i] = m.evaluate(entities.get(i).source()).value();
            }
            values.put(m.code(), v);
        }
        List<ComparedEntity> out = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            Map<String, ComparedValue> byMetric = new LinkedHashMap<>();
            for (MetricRef m : metrics) {
                BigDecimal[] v = values.get(m.code());
                BigDecimal sum = null;
                for (BigDecimal x : v) {
                    sum = x == null ? sum : sum == null ? x : sum.add(x);
                }
                BigDecimal difference = v[i] == null || v[0] == null ? null : v[i].subtract(v[0]);
                BigDecimal share = m.additive() && v[i] != null && sum != null && sum.signum() != 0
                        ? v[i].divide(sum, SCALE, RoundingMode.HALF_EVEN) : null;
                byMetric.put(m.code(), new ComparedValue(strip(v[i]), strip(difference), share));
            }
            Entity e = entities.get(i);
            out.add(new ComparedEntity(e.code(), e.name(), e.reports(), byMetric));
        }
        return new Views.Comparison(by, sector, year, metrics.stream().map(MetricRef::code).toList(), out);
    }

    private static BigDecimal share(MetricRef metric, BigDecimal value, BigDecimal total) {
        return metric.additive() && value != null && total != null && total.signum() != 0
                ? value.divide(total, SCALE, RoundingMode.HALF_EVEN) : null;
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    static RegionRef ref(Region region) {
        return new RegionRef(region.code(), region.name(), region.level());
    }
}
