package org.nianbao.local.demo;

import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.model.region.RegionLevel;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which education bureaus the demo has, and for each of them and each report year what happens: the template,
 * when it is published, whether it is missing, late, has blank cells or a rule violation, and whether it is
 * submitted twice. Numbers are not decided here ({@link ReportGenerator} makes them), only traits.
 * <p>
 * Everything follows from the seed and the agency id alone (see {@link Rand#of}), so the plan of an agency is
 * the same whatever the size of the run.
 */
public final class DemoPlan {

    public static final int FIRST_YEAR = 2019;
    public static final int LAST_YEAR = 2024;
    public static final String ID_PREFIX = "edu-";
    public static final String SECTOR = "EDUCATION";
    /** The four municipalities: their education bureau is a 教育委员会. */
    private static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");

    /** A rule violation planted in a report (the final version). */
    public enum Violation {
        /** newReceived mistyped in one column and the total column: R1 breaks there. */
        R1,
        /** one outcome row mistyped in one column and the total column: R2 breaks there. */
        R2,
        /** the total column of one row mistyped: R3 breaks for the row (and R1 or R2 in the total column). */
        R3,
        /** a review/litigation total that is not the sum of its results. */
        R4,
        /** carriedOver differs from the previous report's carriedForward (the flow itself stays consistent). */
        X1,
        /** documents in force jump: inForce ≠ previous inForce + issued − repealed (GOV_2021 after GOV_2021). */
        X2
    }

    /** Cells left blank, as real reports do. */
    public enum Blank {
        /** table 三 with only the total column filled, the applicant columns blank (like seed 002). */
        TOTALS_ONLY,
        /** table 四 (review and litigation) left blank. */
        REVIEW_BLANK,
        /** the lesser rows of table 二 (other services, penalty, coercion, fees, procurement) left blank. */
        ACTIVE_ROWS_BLANK
    }

    /** How much of the data is irregular; per report (missing: per agency-year; oldFormatAgencies: per agency). */
    public record Shares(double violation, double blank, double late, double missing, double revision,
                         double oldFormatAgencies) {
        public static final Shares DEFAULT = new Shares(0.07, 0.10, 0.08, 0.03, 0.05, 0.06);
    }

    /** How many agencies: all, a count, or a fraction of all. */
    public record Size(Integer count, Double fraction) {
        public static final Size ALL = new Size(null, null);

        public static Size count(int n) {
            if (n < 0) throw new IllegalArgumentException("the number of agencies cannot be negative: " + n);
            return new Size(n, null);
        }

        public static Size fraction(double f) {
            if (!(f > 0 && f <= 1)) throw new IllegalArgumentException("a fraction must be in (0, 1]: " + f);
            return new Size(null, f);
        }

        int of(int total) {
            if (count != null) return Math.min(count, total);
            if (fraction != null) return (int) Math.round(total * fraction);
            return total;
        }

        @Override
        public String toString() {
            return count != null ? count + " agencies" : fraction != null ? fraction + " of the country" : "whole country";
        }
    }

    /**
     * @param region       only agencies in this region's subtree (a province, city or county code), or null
     * @param includeZones also the development zones ({@code xxxx7x}), which are statistical codes, not divisions
     */
    public record Settings(long seed, Size size, boolean includeZones, String region, Shares shares) {
        public Settings {
            size = size == null ? Size.ALL : size;
            shares = shares == null ? Shares.DEFAULT : shares;
        }

        public static Settings of(long seed, Size size) {
            return new Settings(seed, size, false, null, Shares.DEFAULT);
        }
    }

    /** One education bureau and its six years. */
    public record AgencyPlan(String id, String name, String regionCode, AgencyLevel level, List<ReportPlan> years) {
        public AgencyPlan {
            years = List.copyOf(years);
        }

        public List<ReportPlan> submitted() {
            return years.stream().filter(ReportPlan::submitted).toList();
        }

        public ReportPlan year(int year) {
            return years.get(year - FIRST_YEAR);
        }

        /** No missing year and no planted irregularity in any: every rule, X1 and X2 included, holds. */
        public boolean clean() {
            return years.stream().allMatch(r -> r.submitted() && r.clean());
        }
    }

    /**
     * One agency-year.
     *
     * @param template            id of the template the report uses
     * @param submitted           false: the report is never submitted (missing)
     * @param oldFormat           the template is not the one meant for the year (a T1 warning)
     * @param violation           a planted rule violation, or null
     * @param blank               blank cells, or null
     * @param firstVersionMistake non-null: submitted twice, the first version with this mistake, the second correct
     */
    public record ReportPlan(int year, String template, boolean submitted, LocalDate publishedOn, boolean oldFormat,
                             Violation violation, Blank blank, Violation firstVersionMistake) {

        /** Published after 31 January of the following year. */
        public boolean late() {
            return publishedOn.isAfter(LocalDate.of(year + 1, 1, 31));
        }

        public boolean revised() {
            return firstVersionMistake != null;
        }

        /** No violation, no blank cells, the template meant for the year. */
        public boolean clean() {
            return violation == null && blank == null && !oldFormat;
        }
    }

    private final Settings settings;
    private final int candidates;
    private final List<AgencyPlan> agencies;

    private DemoPlan(Settings settings, int candidates, List<AgencyPlan> agencies) {
        this.settings = settings;
        this.candidates = candidates;
        this.agencies = List.copyOf(agencies);
    }

    public static DemoPlan create(Settings settings) {
        return create(settings, RegionCatalog.standard(), TemplateCatalog.standard());
    }

    public static DemoPlan create(Settings settings, RegionCatalog regions, TemplateCatalog catalog) {
        List<Region> all = candidates(settings, regions);
        int n = settings.size().of(all.size());
        long seed = settings.seed();
        // a seeded shuffle: the first n by a key drawn from (seed, code); smaller runs are subsets of larger ones
        List<Region> chosen = all.stream()
                .sorted(Comparator.comparingLong((Region r) -> Rand.mix(seed ^ Rand.mix(r.code().hashCode())))
                        .thenComparing(Region::code))
                .limit(n)
                .sorted(Comparator.comparing(Region::code))
                .toList();
        Templates templates = new Templates(catalog);
        List<AgencyPlan> plans = new ArrayList<>();
        for (Region region : chosen) {
            plans.add(planAgency(settings, region, templates));
        }
        return new DemoPlan(settings, all.size(), plans);
    }

    /** Every current province, prefecture and county-level unit (without development zones unless asked). */
    static List<Region> candidates(Settings settings, RegionCatalog regions) {
        if (settings.region() != null) {
            Region r = regions.find(settings.region()).orElseThrow(() ->
                    new IllegalArgumentException("unknown region code " + settings.region()));
            if (r.retired()) throw new IllegalArgumentException(r.code() + " is a retired code");
        }
        return regions.all().stream()
                .filter(r -> r.level() != RegionLevel.COUNTRY && !r.retired())
                .filter(r -> settings.includeZones() || !r.developmentZone())
                .filter(r -> settings.region() == null || ancestry(regions, r).contains(settings.region()))
                .sorted(Comparator.comparing(Region::code))
                .toList();
    }

    /** The codes from the region up to the country. */
    static List<String> ancestry(RegionCatalog regions, Region region) {
        return regions.path(region.code()).stream().map(Region::code).toList();
    }

    /** The templates by report year, read from the catalog. */
    static final class Templates {
        private final Map<Integer, Template> intended = new HashMap<>();
        private final Template older;

        Templates(TemplateCatalog catalog) {
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                int y = year;
                intended.put(year, catalog.templates().stream()
                        .filter(t -> !t.tables().isEmpty() && t.intendedFor(y)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the catalog has no template with tables for " + y)));
            }
            older = intended.get(FIRST_YEAR);
        }

        Template intended(int year) {
            return intended.get(year);
        }

        /** The format of the first demo year, which some agencies keep using after it was replaced. */
        Template older() {
            return older;
        }

        static boolean hasX2(Template t) {
            return t.cell("activeDisclosure.normativeDocuments.inForce").isPresent();
        }
    }

    private static AgencyPlan planAgency(Settings settings, Region region, Templates templates) {
        String id = ID_PREFIX + region.code();
        AgencyLevel level = AgencyLevel.of(region);
        Shares shares = settings.shares();
        Rand rand = Rand.of(settings.seed(), id, "plan");
        // irregularities cluster: most bureaus are careful, some are sloppy (the mean multiplier is 1)
        double sloppiness = rand.chance(0.3) ? 2.17 : 0.5;
        int oldFormatUntil = FIRST_YEAR - 1;
        if (rand.chance(shares.oldFormatAgencies())) {
            oldFormatUntil = new int[]{2021, 2022, 2023}[rand.weighted(new double[]{0.6, 0.25, 0.15})];
        }
        List<ReportPlan> years = new ArrayList<>();
        Template previousTemplate = null;
        boolean previousSubmitted = false;
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            Template intended = templates.intended(year);
            Template template = year <= oldFormatUntil ? templates.older() : intended;
            boolean oldFormat = template != intended;
            boolean submitted = !rand.chance(shares.missing() * sloppiness);
            boolean late = rand.chance(Math.min(0.9, shares.late() * sloppiness));
            LocalDate publishedOn = late
                    ? LocalDate.of(year + 1, 2, 1).plusDays(Math.min(150, (long) rand.exponential(20)))
                    : LocalDate.of(year + 1, 1, 31 - Math.min(27, (int) rand.exponential(5)));
            Blank blank = null;
            if (rand.chance(Math.min(0.9, shares.blank() * sloppiness))) {
                blank = Blank.values()[rand.weighted(new double[]{0.6, 0.2, 0.2})];
            }
            Violation violation = null;
            if (rand.chance(Math.min(0.9, shares.violation() * sloppiness))) {
                violation = Violation.values()[rand.weighted(new double[]{0.25, 0.2, 0.2, 0.1, 0.15, 0.1})];
                boolean previousSeen = year > FIRST_YEAR && previousSubmitted; // the server checks X1/X2 only then
                if (violation == Violation.X1 && !previousSeen
                        || violation == Violation.X2 && !(previousSeen && Templates.hasX2(template)
                        && Templates.hasX2(previousTemplate))
                        || violation == Violation.R4 && blank == Blank.REVIEW_BLANK) {
                    violation = Violation.R1;
                }
            }
            Violation mistake = null;
            if (rand.chance(shares.revision())) {
                mistake = Violation.values()[rand.weighted(new double[]{0.4, 0.3, 0.3})];
            }
            years.add(new ReportPlan(year, template.id(), submitted, publishedOn, oldFormat, violation, blank,
                    submitted ? mistake : null));
            previousTemplate = template;
            previousSubmitted = submitted;
        }
        return new AgencyPlan(id, name(region, level), region.code(), level, years);
    }

    /** 甘肃省教育厅, 北京市教育委员会, 兰州市教育局, 盐池县教育体育局: independent of the seed. */
    static String name(Region region, AgencyLevel level) {
        if (level == AgencyLevel.PROVINCE) {
            return region.name() + (MUNICIPALITIES.contains(region.code()) ? "教育委员会" : "教育厅");
        }
        if (level == AgencyLevel.CITY) {
            return region.name() + "教育局";
        }
        int variant = Rand.of(0, ID_PREFIX + region.code(), "name").weighted(new double[]{0.8, 0.15, 0.05});
        return region.name() + new String[]{"教育局", "教育体育局", "教育和体育局"}[variant];
    }

    public Settings settings() {
        return settings;
    }

    public List<AgencyPlan> agencies() {
        return agencies;
    }

    /** How many agencies the selection chose from (the whole country, or the region asked for). */
    public int candidates() {
        return candidates;
    }

    public Counts counts() {
        return Counts.of(agencies);
    }

    /** What the plan holds, for the summary and the tests. */
    public record Counts(int agencies, Map<AgencyLevel, Integer> byLevel, int agencyYears, int reports, int missing,
                         int late, int revisions, int violations, Map<Violation, Integer> byViolation, int blanks,
                         Map<Blank, Integer> byBlank, int oldFormat, int reportsFrom2021, int cleanAgencies) {

        static Counts of(List<AgencyPlan> agencies) {
            Map<AgencyLevel, Integer> byLevel = new EnumMap<>(AgencyLevel.class);
            Map<Violation, Integer> byViolation = new EnumMap<>(Violation.class);
            Map<Blank, Integer> byBlank = new EnumMap<>(Blank.class);
            int agencyYears = 0, reports = 0, missing = 0, late = 0, revisions = 0, violations = 0, blanks = 0;
            int oldFormat = 0, from2021 = 0, clean = 0;
            for (AgencyPlan a : agencies) {
                byLevel.merge(a.level(), 1, Integer::sum);
                if (a.clean()) clean++;
                for (ReportPlan r : a.years()) {
                    agencyYears++;
                    if (!r.submitted()) {
                        missing++;
                        continue;
                    }
                    reports++;
                    if (r.late()) late++;
                    if (r.revised()) revisions++;
                    if (r.violation() != null) {
                        violations++;
                        byViolation.merge(r.violation(), 1, Integer::sum);
                    }
                    if (r.blank() != null) {
                        blanks++;
                        byBlank.merge(r.blank(), 1, Integer::sum);
                    }
                    if (r.year() >= 2021) {
                        from2021++;
                        if (r.oldFormat()) oldFormat++;
                    }
                }
            }
            return new Counts(agencies.size(), byLevel, agencyYears, reports, missing, late, revisions, violations,
                    byViolation, blanks, byBlank, oldFormat, from2021, clean);
        }
    }
}
