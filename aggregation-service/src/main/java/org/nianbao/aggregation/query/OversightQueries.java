package org.nianbao.aggregation.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nianbao.aggregation.query.OversightViews.AgencyStatus;
import org.nianbao.aggregation.query.OversightViews.ReportWarnings;
import org.nianbao.aggregation.rollup.ReportState;
import org.nianbao.model.region.Region;
import org.nianbao.model.rules.RuleWarning;

/** Completeness (who reported, who was late) and quality (rule warnings) for oversight offices. */
@ApplicationScoped
public class OversightQueries {

    static final int WORST_REPORTS = 20;
    private static final Set<String> CROSS_YEAR_RULES = Set.of("X1", "X2");

    private final RollupReader reader;

    OversightQueries(RollupReader reader) {
        this.reader = reader;
    }

    /**
     * On time means published by 31 January of the next year. A report that gives no publication date is
     * judged by the day its first version reached Nianbao: it was public no later than that.
     */
    public OversightViews.Completeness completeness(Region region, String sector, int year) throws SQLException {
        LocalDate deadline = LocalDate.of(year + 1, 1, 31);
        List<RollupReader.ExpectedAgency> expected = reader.expectedAgencies(region.code(), sector);
        Map<String, ReportState> reports = new HashMap<>();
        for (ReportState r : reader.reports(region.code(), sector, year)) {
            reports.put(r.agencyId(), r);
        }
        List<AgencyStatus> missing = new ArrayList<>();
        List<AgencyStatus> late = new ArrayList<>();
        int submitted = 0;
        int onTime = 0;
        for (RollupReader.ExpectedAgency a : expected) {
            ReportState r = reports.get(a.agencyId());
            if (r == null) {
                missing.add(new AgencyStatus(a.agencyId(), a.name(), a.regionCode(), a.level(), null, null));
                continue;
            }
            submitted++;
            LocalDate published = r.publishedOn() != null ? r.publishedOn()
                    : r.firstSubmittedAt().withOffsetSameInstant(ZoneOffset.ofHours(8)).toLocalDate();
            if (published.isAfter(deadline)) {
                late.add(new AgencyStatus(a.agencyId(), a.name(), a.regionCode(), a.level(), published,
                        ChronoUnit.DAYS.between(deadline, published)));
            } else {
                onTime++;
            }
        }
        return new OversightViews.Completeness(RollupQueries.ref(region), sector, year, deadline, expected.size(), submitted,
                onTime, rate(submitted, expected.size()), rate(onTime, expected.size()), missing, late);
    }

    public OversightViews.Quality quality(Region region, String sector, int year) throws SQLException {
        int reports = reader.regions(List.of(region.code()), sector, "ALL", year, false, List.of()).current(region.code()).reports();
        List<ReportState> withWarnings = reader.reportsWithWarnings(region.code(), sector, year);
        Map<String, Integer> byRule = new TreeMap<>();
        List<ReportWarnings> crossYear = new ArrayList<>();
        for (ReportState r : withWarnings) {
            r.warnings().forEach(w -> byRule.merge(w.rule(), 1, Integer::sum));
            List<RuleWarning> mismatches = r.warnings().stream().filter(w -> CROSS_YEAR_RULES.contains(w.rule())).toList();
            if (!mismatches.isEmpty()) {
                crossYear.add(view(r, mismatches));
            }
        }
        List<ReportWarnings> worst = withWarnings.stream().limit(WORST_REPORTS).map(r -> view(r, r.warnings())).toList();
        return new OversightViews.Quality(RollupQueries.ref(region), sector, year, reports, withWarnings.size(), byRule, worst, crossYear);
    }

    private static ReportWarnings view(ReportState r, List<RuleWarning> warnings) {
        return new ReportWarnings(r.agencyId(), r.agencyName(), r.regionCode(), r.year(), r.version(), warnings.size(), warnings);
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_EVEN);
    }
}
