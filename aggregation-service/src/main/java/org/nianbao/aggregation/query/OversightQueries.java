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

    public static final String MISSING = "MISSING";
    public static final String LATE = "LATE";
    private static final Set<String> CROSS_YEAR_RULES = Set.of("X1", "X2");

    private final RollupReader reader;

    OversightQueries(RollupReader reader) {
        this.reader = reader;
    }

    /**
     * On time means published by 31 January of the next year. A report that gives no publication date is
     * judged by the day its first version reached Nianbao: it was public no later than that. The figures count the
     * whole subtree; of the agencies missing (listed first) and late, of {@code status} if given, one page is listed.
     */
    public OversightViews.Completeness completeness(Region region, String sector, int year, String status, PageRequest page)
            throws SQLException {
        LocalDate deadline = LocalDate.of(year + 1, 1, 31);
        List<RollupReader.ExpectedAgency> expected = reader.expectedAgencies(region.code(), sector);
        Map<String, RollupReader.Publication> reports = new HashMap<>();
        for (RollupReader.Publication r : reader.publications(region.code(), sector, year)) {
            reports.put(r.agencyId(), r);
        }
        List<AgencyStatus> missing = new ArrayList<>();
        List<AgencyStatus> late = new ArrayList<>();
        int submitted = 0;
        int onTime = 0;
        for (RollupReader.ExpectedAgency a : expected) {
            RollupReader.Publication r = reports.get(a.agencyId());
            if (r == null) {
                missing.add(new AgencyStatus(MISSING, a.agencyId(), a.name(), a.regionCode(), a.level(), null, null));
                continue;
            }
            submitted++;
            LocalDate published = r.publishedOn() != null ? r.publishedOn()
                    : r.firstSubmittedAt().withOffsetSameInstant(ZoneOffset.ofHours(8)).toLocalDate();
            if (published.isAfter(deadline)) {
                late.add(new AgencyStatus(LATE, a.agencyId(), a.name(), a.regionCode(), a.level(), published,
                        ChronoUnit.DAYS.between(deadline, published)));
            } else {
                onTime++;
            }
        }
        List<AgencyStatus> listed = new ArrayList<>();
        if (status == null || status.equals(MISSING)) {
            listed.addAll(missing);
        }
        if (status == null || status.equals(LATE)) {
            listed.addAll(late);
        }
        return new OversightViews.Completeness(RollupQueries.ref(region), sector, year, deadline, expected.size(), submitted,
                onTime, rate(submitted, expected.size()), rate(onTime, expected.size()), missing.size(), late.size(),
                page.of(listed), page.page(), page.size(), listed.size());
    }

    /**
     * Warnings by rule over the whole subtree, and one page of the reports with warnings, most first: of those with a
     * warning of one of {@code rules} (showing only those warnings) when any is given.
     */
    public OversightViews.Quality quality(Region region, String sector, int year, Set<String> rules, PageRequest page)
            throws SQLException {
        int reports = reader.regions(List.of(region.code()), sector, "ALL", year, false, List.of()).current(region.code()).reports();
        List<ReportState> withWarnings = reader.reportsWithWarnings(region.code(), sector, year);
        Map<String, Integer> byRule = new TreeMap<>();
        int crossYear = 0;
        List<ReportWarnings> listed = new ArrayList<>();
        for (ReportState r : withWarnings) {
            r.warnings().forEach(w -> byRule.merge(w.rule(), 1, Integer::sum));
            if (r.warnings().stream().anyMatch(w -> CROSS_YEAR_RULES.contains(w.rule()))) {
                crossYear++;
            }
            List<RuleWarning> shown = rules.isEmpty() ? r.warnings()
                    : r.warnings().stream().filter(w -> rules.contains(w.rule())).toList();
            if (!shown.isEmpty()) {
                listed.add(view(r, shown));
            }
        }
        // most warnings first among those shown: with a rule filter, the order the stored count gives no longer holds
        listed.sort(java.util.Comparator.comparingInt(ReportWarnings::count).reversed());
        return new OversightViews.Quality(RollupQueries.ref(region), sector, year, reports, withWarnings.size(), byRule,
                crossYear, page.of(listed), page.page(), page.size(), listed.size());
    }

    private static ReportWarnings view(ReportState r, List<RuleWarning> warnings) {
        return new ReportWarnings(r.agencyId(), r.agencyName(), r.regionCode(), r.year(), r.version(), warnings.size(), warnings);
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_EVEN);
    }
}
