package org.nianbao.local.demo;

import org.nianbao.local.demo.DemoPlan.AgencyPlan;
import org.nianbao.local.demo.DemoPlan.ReportPlan;
import org.nianbao.local.demo.DemoPlan.Violation;
import org.nianbao.model.rules.PreviousYear;
import org.nianbao.model.rules.RuleEngine;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.CellDefinition;
import org.nianbao.model.template.CellKind;
import org.nianbao.model.template.Column;
import org.nianbao.model.template.Row;
import org.nianbao.model.template.Table;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.TemplateYearCheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Makes the cells of an agency's reports: walks each template's tables as the catalog defines them and fills every
 * cell from the agency's {@link AgencyHistory}, so that a report without planted irregularities satisfies R1–R4
 * (and X1/X2 with the year before), then applies the plan's {@link Quirks}.
 * <p>
 * Table 三 is filled by flow: per applicant column, received + carried over is either carried forward or handled,
 * and the handled requests are spread over the template's outcome rows (GOV_2019's one （六）其他处理 row or
 * GOV_2021's three); the total column is the sum of the applicant columns. Table 四: each case lands in one
 * result column, the total counts them.
 */
public final class ReportGenerator {

    static final String ACTIVE = "activeDisclosure";
    static final String REQUESTS = "requests";
    static final String REVIEW = "reviewLitigation";
    static final String TOTAL = "total";
    static final String NEW_RECEIVED = "newReceived";
    static final String CARRIED_OVER = "carriedOver";
    static final String OUTCOME_TOTAL = "outcome.total";
    static final String CARRIED_FORWARD = "carriedForward";
    static final String OUTCOME_PREFIX = "outcome.";

    /** How often each outcome occurs (an unknown row gets 0.005); perturbed per agency. */
    private static final Map<String, Double> OUTCOME_WEIGHTS = Map.ofEntries(
            Map.entry("outcome.disclosed", 0.45), Map.entry("outcome.partiallyDisclosed", 0.08),
            Map.entry("outcome.withheld.stateSecret", 0.002), Map.entry("outcome.withheld.prohibitedByLaw", 0.006),
            Map.entry("outcome.withheld.securityStability", 0.003), Map.entry("outcome.withheld.thirdPartyRights", 0.012),
            Map.entry("outcome.withheld.internalAffairs", 0.01), Map.entry("outcome.withheld.processInformation", 0.012),
            Map.entry("outcome.withheld.enforcementFiles", 0.003), Map.entry("outcome.withheld.administrativeQuery", 0.006),
            Map.entry("outcome.unavailable.notHeld", 0.22), Map.entry("outcome.unavailable.needsCreation", 0.045),
            Map.entry("outcome.unavailable.unclearAfterCorrection", 0.02),
            Map.entry("outcome.notProcessed.petitionComplaint", 0.04), Map.entry("outcome.notProcessed.duplicate", 0.02),
            Map.entry("outcome.notProcessed.publication", 0.004), Map.entry("outcome.notProcessed.massRepeated", 0.004),
            Map.entry("outcome.notProcessed.confirmOrReissue", 0.01), Map.entry("outcome.other", 0.04),
            Map.entry("outcome.other.noCorrection", 0.022), Map.entry("outcome.other.feeUnpaid", 0.002),
            Map.entry("outcome.other.otherReason", 0.016));
    /** Cases per year by review row and level (province, city, county); an unknown row gets litigationDirect's. */
    private static final Map<String, double[]> REVIEW_RATES = Map.of(
            "reconsideration", new double[]{6, 2, 0.3},
            "litigationDirect", new double[]{3, 0.8, 0.1},
            "litigationAfterReconsideration", new double[]{1.2, 0.3, 0.04});
    private static final Map<String, Double> REVIEW_RESULT_WEIGHTS = Map.of(
            "upheld", 0.55, "corrected", 0.12, "other", 0.18, "pending", 0.15);

    /**
     * One report as generated. Cells are in the template's order; a null value is a blank cell (sent as JSON null).
     *
     * @param firstVersion the cells of the first, mistaken version when the report is submitted twice, else null
     */
    public record GeneratedReport(AgencyPlan agency, ReportPlan plan, Template template,
                                 Map<String, BigDecimal> cells, Map<String, BigDecimal> firstVersion,
                                 Map<String, String> texts) {

        public int year() {
            return plan.year();
        }

        /** The filled cells (blank ones left out), as the rule engine and the service see them. */
        public Map<String, BigDecimal> filled() {
            return filled(cells);
        }

        static Map<String, BigDecimal> filled(Map<String, BigDecimal> cells) {
            Map<String, BigDecimal> filled = new TreeMap<>();
            cells.forEach((code, value) -> {
                if (value != null) filled.put(code, value);
            });
            return filled;
        }
    }

    private final long seed;
    private final TemplateCatalog catalog;
    private final RuleEngine rules;
    private final List<String> applicants;

    public ReportGenerator(long seed, TemplateCatalog catalog) {
        this.seed = seed;
        this.catalog = catalog;
        this.rules = new RuleEngine(catalog);
        Table requests = catalog.templates().stream().flatMap(t -> t.table(REQUESTS).stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no template has a " + REQUESTS + " table"));
        this.applicants = requests.columns().stream().map(Column::code).filter(c -> !c.equals(TOTAL)).toList();
    }

    public TemplateCatalog catalog() {
        return catalog;
    }

    /** The agency's reports of every year, in year order; the plan tells which are submitted. */
    public List<GeneratedReport> generate(AgencyPlan agency) {
        Set<Integer> x1 = yearsWith(agency, Violation.X1);
        Set<Integer> x2 = yearsWith(agency, Violation.X2);
        AgencyHistory history = AgencyHistory.of(seed, agency.id(), agency.level(), applicants, x1, x2);
        List<GeneratedReport> reports = new ArrayList<>();
        for (ReportPlan plan : agency.years()) {
            Template template = catalog.find(plan.template()).orElseThrow();
            AgencyHistory.Year year = history.year(plan.year());
            Map<String, BigDecimal> cells = render(agency, template, year);
            Quirks.blank(template, cells, plan.blank());
            Quirks.violate(template, cells, plan.violation(), Rand.of(seed, agency.id(), plan.year(), "violation"));
            Map<String, BigDecimal> first = null;
            if (plan.revised()) {
                first = new LinkedHashMap<>(cells);
                Quirks.violate(template, first, plan.firstVersionMistake(), Rand.of(seed, agency.id(), plan.year(), "mistake"));
            }
            reports.add(new GeneratedReport(agency, plan, template, Collections.unmodifiableMap(cells),
                    first == null ? null : Collections.unmodifiableMap(first), texts(agency, year)));
        }
        return reports;
    }

    /**
     * The warnings the service will store with the report's final version: the template/year check (T1) and the
     * rules, the cross-year ones against the previous year's report when that was submitted.
     */
    public List<RuleWarning> expectedWarnings(GeneratedReport report, GeneratedReport previous) {
        return warnings(report, report.filled(), previous);
    }

    /** The warnings of the first (mistaken) version of a revised report. */
    public List<RuleWarning> firstVersionWarnings(GeneratedReport report, GeneratedReport previous) {
        return warnings(report, GeneratedReport.filled(report.firstVersion()), previous);
    }

    private List<RuleWarning> warnings(GeneratedReport report, Map<String, BigDecimal> filled, GeneratedReport previous) {
        List<RuleWarning> warnings = new ArrayList<>(TemplateYearCheck.templateYearWarnings(report.template(), report.year()));
        PreviousYear prev = previous == null || !previous.plan().submitted() || previous.year() != report.year() - 1
                ? null : new PreviousYear(previous.template(), previous.filled());
        warnings.addAll(rules.check(report.template(), filled, prev));
        return warnings;
    }

    private static Set<Integer> yearsWith(AgencyPlan agency, Violation violation) {
        return agency.years().stream().filter(r -> r.violation() == violation).map(ReportPlan::year)
                .collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- cells

    private Map<String, BigDecimal> render(AgencyPlan agency, Template template, AgencyHistory.Year year) {
        Map<String, BigDecimal> values = new HashMap<>();
        template.table(ACTIVE).ifPresent(t -> active(t, year, values, Rand.of(seed, agency.id(), year.year, "other")));
        template.table(REQUESTS).ifPresent(t -> requests(agency, t, year, values));
        template.table(REVIEW).ifPresent(t -> review(agency, t, year, values));
        Rand other = Rand.of(seed, agency.id(), year.year, "unknown");
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (CellDefinition cell : template.cells()) {
            BigDecimal value = values.get(cell.code());
            // a section the generator does not know (a future catalog's): small plausible numbers
            cells.put(cell.code(), value != null ? value : fallback(cell.kind(), other));
        }
        return cells;
    }

    private static void active(Table table, AgencyHistory.Year y, Map<String, BigDecimal> values, Rand other) {
        for (Row row : table.rows()) {
            for (Column column : row.columns()) {
                BigDecimal v = activeValue(y, row.code(), column.code());
                values.put(ACTIVE + "." + row.code() + "." + column.code(), v != null ? v : fallback(column.kind(), other));
            }
        }
    }

    /** Table 二 from the history, for both templates' columns; null for a cell the history does not know. */
    private static BigDecimal activeValue(AgencyHistory.Year y, String row, String column) {
        AgencyHistory.Documents d = y.documents.get(row);
        if (d != null) {
            return switch (column) {
                case "issued", "newlyMade" -> BigDecimal.valueOf(d.issued());
                case "repealed" -> BigDecimal.valueOf(d.repealed());
                case "inForce" -> BigDecimal.valueOf(d.inForce());
                case "newlyPublished" -> BigDecimal.valueOf(d.published());
                case "totalPublished" -> BigDecimal.valueOf(d.totalPublished());
                default -> null;
            };
        }
        AgencyHistory.Items items = y.items.get(row);
        if (items != null) {
            return switch (column) {
                case "previousItems" -> BigDecimal.valueOf(items.previousItems());
                case "change" -> BigDecimal.valueOf(items.change());
                case "decisions" -> BigDecimal.valueOf(items.decisions());
                case "amount" -> row.equals("fees") ? y.feeAmount : null;
                default -> null;
            };
        }
        if (row.equals("procurement")) {
            return switch (column) {
                case "items" -> BigDecimal.valueOf(y.procurementItems);
                case "amount" -> y.procurementAmount;
                default -> null;
            };
        }
        return null;
    }

    private void requests(AgencyPlan agency, Table table, AgencyHistory.Year y, Map<String, BigDecimal> values) {
        List<String> leaves = table.rows().stream().map(Row::code)
                .filter(code -> code.startsWith(OUTCOME_PREFIX) && !code.equals(OUTCOME_TOTAL)).toList();
        double[] weights = new double[leaves.size()];
        for (int i = 0; i < weights.length; i++) {
            String leaf = leaves.get(i);
            weights[i] = OUTCOME_WEIGHTS.getOrDefault(leaf, 0.005) * Rand.of(seed, agency.id(), "weight", leaf).logNormal(1, 0.35);
        }
        Rand outcomes = Rand.of(seed, agency.id(), y.year, "outcome");
        Map<String, Map<String, Long>> byRow = new LinkedHashMap<>();
        for (String column : applicants) {
            long[] split = outcomes.multinomial(y.handled.get(column), weights);
            for (int i = 0; i < leaves.size(); i++) {
                byRow.computeIfAbsent(leaves.get(i), k -> new LinkedHashMap<>()).put(column, split[i]);
            }
        }
        byRow.put(NEW_RECEIVED, y.newReceived);
        byRow.put(CARRIED_OVER, y.carriedOver);
        byRow.put(OUTCOME_TOTAL, y.handled);
        byRow.put(CARRIED_FORWARD, y.carriedForward);
        for (Row row : table.rows()) {
            Map<String, Long> counts = byRow.getOrDefault(row.code(), Map.of());
            long total = 0;
            for (String column : applicants) {
                long v = counts.getOrDefault(column, 0L);
                total += v;
                values.put(REQUESTS + "." + row.code() + "." + column, BigDecimal.valueOf(v));
            }
            values.put(REQUESTS + "." + row.code() + "." + TOTAL, BigDecimal.valueOf(total));
        }
    }

    private void review(AgencyPlan agency, Table table, AgencyHistory.Year y, Map<String, BigDecimal> values) {
        List<String> results = table.columns().stream().map(Column::code).filter(c -> !c.equals(TOTAL)).toList();
        double[] weights = results.stream().mapToDouble(c -> REVIEW_RESULT_WEIGHTS.getOrDefault(c, 0.1)).toArray();
        double agencyFactor = Rand.of(seed, agency.id(), "review").logNormal(1, 0.6);
        Rand r = Rand.of(seed, agency.id(), y.year, "review");
        int li = agency.level().ordinal();
        for (Row row : table.rows()) {
            double rate = REVIEW_RATES.getOrDefault(row.code(), REVIEW_RATES.get("litigationDirect"))[li];
            long cases = r.poisson(rate * agencyFactor);
            long[] split = r.multinomial(cases, weights);
            for (int i = 0; i < results.size(); i++) {
                values.put(REVIEW + "." + row.code() + "." + results.get(i), BigDecimal.valueOf(split[i]));
            }
            values.put(REVIEW + "." + row.code() + "." + TOTAL, BigDecimal.valueOf(cases));
        }
    }

    private static BigDecimal fallback(CellKind kind, Rand r) {
        return switch (kind) {
            case COUNT -> BigDecimal.valueOf(r.poisson(2));
            case CHANGE, AMOUNT -> BigDecimal.ZERO;
        };
    }

    // ---------------------------------------------------------------- texts

    private static final String[] OVERVIEWS = {
            "%d年，%s深入贯彻落实《中华人民共和国政府信息公开条例》，围绕教育中心工作，持续加大政府信息公开力度。全年制发行政规范性文件%d件，收到政府信息公开申请%d件，均在法定期限内予以答复。",
            "%d年，%s坚持以公开为常态、不公开为例外，做好招生考试、教育经费、学校安全等重点领域信息公开。本年度制发行政规范性文件%d件，受理政府信息公开申请%d件。",
            "%d年，%s认真落实政府信息公开工作要求，完善主动公开目录，规范依申请公开办理流程。全年制发行政规范性文件%d件，新收政府信息公开申请%d件。"};
    private static final String[] PROBLEMS = {
            "政府信息公开工作人员力量较为薄弱，公开内容的及时性有待提高。下一步将加强业务培训，规范公开流程。",
            "主动公开的深度和广度还需拓展，政策解读形式较为单一。下一步将丰富解读形式，提升公开质量。",
            "依申请公开办理的规范化水平有待提升。下一步将完善办理流程，严格落实答复时限。"};
    private static final String[] OTHER_MATTERS = {"无。", "本年度未收取信息处理费。", "本机关本年度无其他需要报告的事项。"};

    private Map<String, String> texts(AgencyPlan agency, AgencyHistory.Year y) {
        Rand r = Rand.of(seed, agency.id(), y.year, "text");
        Map<String, String> texts = new LinkedHashMap<>();
        long documents = y.documents.values().stream().mapToLong(AgencyHistory.Documents::issued).sum();
        texts.put("overview", r.pick(List.of(OVERVIEWS)).formatted(y.year, agency.name(), documents, y.newReceivedTotal()));
        texts.put("problems", r.pick(List.of(PROBLEMS)));
        texts.put("otherMatters", r.pick(List.of(OTHER_MATTERS)));
        return texts;
    }
}
