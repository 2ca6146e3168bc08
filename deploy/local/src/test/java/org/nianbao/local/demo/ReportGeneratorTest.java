package org.nianbao.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nianbao.local.demo.DemoPlan.AgencyPlan;
import org.nianbao.local.demo.DemoPlan.Blank;
import org.nianbao.local.demo.DemoPlan.Violation;
import org.nianbao.local.demo.ReportGenerator.GeneratedReport;
import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.rules.PreviousYear;
import org.nianbao.model.rules.RuleEngine;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.ParseResult;
import org.nianbao.model.validation.SubmissionParser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Generates the whole country once (about 19,000 reports) and checks them with the model's parser and rules. */
class ReportGeneratorTest {

    static final TemplateCatalog CATALOG = TemplateCatalog.standard();
    static final RuleEngine RULES = new RuleEngine(CATALOG);
    static final ObjectMapper JSON = new ObjectMapper();
    static final long SEED = DemoOptions.DEFAULT_SEED;
    static ReportGenerator generator;
    static List<List<GeneratedReport>> country;

    @BeforeAll
    static void generateTheCountry() {
        generator = new ReportGenerator(SEED, CATALOG);
        country = new ArrayList<>();
        for (AgencyPlan agency : DemoPlanTest.COUNTRY.agencies()) {
            country.add(generator.generate(agency));
        }
    }

    static List<GeneratedReport> submitted() {
        return country.stream().flatMap(List::stream).filter(r -> r.plan().submitted()).toList();
    }

    @Test
    void theSameSeedMakesTheSameJsonAndAnotherSeedOther() {
        DemoPlan plan = DemoPlan.create(DemoPlan.Settings.of(SEED, DemoPlan.Size.count(40)));
        ReportGenerator again = new ReportGenerator(SEED, CATALOG);
        ReportGenerator other = new ReportGenerator(SEED + 1, CATALOG);
        int differs = 0;
        for (AgencyPlan agency : plan.agencies()) {
            List<GeneratedReport> a = generator.generate(agency);
            List<GeneratedReport> b = again.generate(agency);
            List<GeneratedReport> c = other.generate(agency);
            for (int i = 0; i < a.size(); i++) {
                assertThat(SubmissionJson.write(CATALOG, b.get(i), false)).isEqualTo(SubmissionJson.write(CATALOG, a.get(i), false));
                if (a.get(i).plan().revised()) {
                    assertThat(SubmissionJson.write(CATALOG, b.get(i), true)).isEqualTo(SubmissionJson.write(CATALOG, a.get(i), true));
                }
                if (!SubmissionJson.write(CATALOG, c.get(i), false).equals(SubmissionJson.write(CATALOG, a.get(i), false))) {
                    differs++;
                }
            }
        }
        assertThat(differs).isGreaterThan(200);
    }

    @Test
    void everyReportAndFirstVersionParsesWithoutProblemsAndKeepsItsCells() throws Exception {
        SubmissionParser parser = new SubmissionParser(CATALOG);
        for (GeneratedReport r : submitted()) {
            for (boolean first : r.plan().revised() ? new boolean[]{false, true} : new boolean[]{false}) {
                String json = SubmissionJson.write(CATALOG, r, first);
                ParseResult parsed = parser.parse(JSON.readTree(json));
                assertThat(parsed.problems()).as("%s/%d", r.agency().id(), r.year()).isEmpty();
                Map<String, BigDecimal> cells = first ? r.firstVersion() : r.cells();
                assertThat(parsed.report().template()).isEqualTo(r.template().id());
                assertThat(parsed.report().publishedOn()).isEqualTo(r.plan().publishedOn());
                assertThat(parsed.report().cells()).isEqualTo(GeneratedReport.filled(cells));
                Set<String> blanks = cells.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(parsed.report().blankCells()).isEqualTo(blanks);
                assertThat(parsed.report().texts()).containsKeys("overview", "problems", "otherMatters");
            }
        }
    }

    @Test
    void everyCellOfTheTemplateIsSentFilledOrBlank() {
        for (GeneratedReport r : submitted()) {
            assertThat(r.cells().keySet()).isEqualTo(r.template().cellCodes());
        }
    }

    @Test
    void cleanReportsPassTheRuleEngineWithNoWarningAtAll() {
        int checked = 0;
        for (List<GeneratedReport> agency : country) {
            GeneratedReport previous = null;
            for (GeneratedReport r : agency) {
                if (r.plan().submitted() && r.plan().clean()) {
                    // with the year before when that is clean too: then X1 (and X2 for GOV_2021 after GOV_2021) also hold
                    boolean withPrevious = previous != null && previous.plan().submitted() && previous.plan().clean();
                    PreviousYear prev = withPrevious ? new PreviousYear(previous.template(), previous.filled()) : null;
                    assertThat(RULES.check(r.template(), r.filled(), prev)).as("%s/%d", r.agency().id(), r.year()).isEmpty();
                    checked++;
                }
                previous = r;
            }
        }
        assertThat(checked).isGreaterThan(13_000);
    }

    @Test
    void everyPlantedViolationProducesItsWarning() {
        Map<Violation, Integer> produced = new EnumMap<>(Violation.class);
        int reports = 0;
        int withViolation = 0;
        for (List<GeneratedReport> agency : country) {
            GeneratedReport previous = null;
            for (GeneratedReport r : agency) {
                if (r.plan().submitted()) {
                    reports++;
                    Violation v = r.plan().violation();
                    if (v != null) {
                        withViolation++;
                        Set<String> rules = rules(generator.expectedWarnings(r, previous));
                        assertThat(rules).as("%s/%d planted %s", r.agency().id(), r.year(), v).contains(v.name());
                        produced.merge(v, 1, Integer::sum);
                    }
                }
                previous = r;
            }
        }
        assertThat(produced).containsOnlyKeys(Violation.values());
        assertThat((double) withViolation / reports).isBetween(0.05, 0.10);
    }

    @Test
    void theFirstVersionOfARevisedReportHasItsMistakeAndTheSecondCorrectsIt() {
        int revised = 0;
        for (List<GeneratedReport> agency : country) {
            GeneratedReport previous = null;
            for (GeneratedReport r : agency) {
                if (r.plan().revised()) {
                    revised++;
                    assertThat(r.firstVersion()).isNotEqualTo(r.cells());
                    Set<String> first = rules(generator.firstVersionWarnings(r, previous));
                    assertThat(first).contains(r.plan().firstVersionMistake().name());
                    if (r.plan().clean()) {
                        assertThat(rules(RULES.check(r.template(), r.filled(), null))).isEmpty();
                    }
                } else {
                    assertThat(r.firstVersion()).isNull();
                }
                previous = r;
            }
        }
        assertThat(revised).isGreaterThan(500);
    }

    @Test
    void blankCellsAreNullWhereThePlanSays() {
        for (GeneratedReport r : submitted()) {
            Blank blank = r.plan().blank();
            Map<String, BigDecimal> cells = r.cells();
            if (blank == Blank.TOTALS_ONLY) {
                cells.forEach((code, v) -> {
                    if (code.startsWith("requests.")) {
                        assertThat(v == null).as(code).isEqualTo(!code.endsWith(".total"));
                    }
                });
            } else if (blank == Blank.REVIEW_BLANK) {
                assertThat(cells.entrySet()).filteredOn(e -> e.getKey().startsWith("reviewLitigation."))
                        .isNotEmpty().allMatch(e -> e.getValue() == null);
            } else if (blank == Blank.ACTIVE_ROWS_BLANK) {
                assertThat(cells.get("activeDisclosure.penalty.decisions")).isNull();
                assertThat(cells.get("activeDisclosure.licensing.decisions")).isNotNull();
            } else {
                assertThat(cells.values()).doesNotContainNull();
            }
        }
    }

    @Test
    void x1AndX2HoldAcrossTheYearsOfCleanAgencies() {
        int pairs = 0;
        int x2Pairs = 0;
        for (List<GeneratedReport> agency : country) {
            if (!agency.get(0).agency().clean()) continue;
            for (int i = 1; i < agency.size(); i++) {
                GeneratedReport before = agency.get(i - 1);
                GeneratedReport after = agency.get(i);
                for (String column : List.of("naturalPerson", "commercialEnterprise", "researchInstitution",
                        "publicInterestOrg", "legalServiceOrg", "otherOrg", "total")) {
                    assertThat(after.cells().get("requests.carriedOver." + column))
                            .as("%s %d→%d %s", after.agency().id(), before.year(), after.year(), column)
                            .isEqualTo(before.cells().get("requests.carriedForward." + column));
                }
                if (before.template().id().equals("GOV_2021") && after.template().id().equals("GOV_2021")) {
                    for (String row : List.of("rules", "normativeDocuments")) {
                        String p = "activeDisclosure." + row + ".";
                        BigDecimal expected = before.cells().get(p + "inForce").add(after.cells().get(p + "issued"))
                                .subtract(after.cells().get(p + "repealed"));
                        assertThat(after.cells().get(p + "inForce")).isEqualTo(expected);
                    }
                    x2Pairs++;
                }
                assertThat(rules(RULES.check(after.template(), after.filled(), new PreviousYear(before.template(), before.filled()))))
                        .doesNotContain("X1", "X2");
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThan(4000);
        assertThat(x2Pairs).isGreaterThan(2000);
    }

    @Test
    void numbersScaleWithTheLevel() {
        Map<AgencyLevel, double[]> sums = new EnumMap<>(AgencyLevel.class); // {sum, n}
        for (GeneratedReport r : submitted()) {
            BigDecimal received = r.cells().get("requests.newReceived.total");
            if (received == null || r.plan().violation() != null) continue;
            double[] s = sums.computeIfAbsent(r.agency().level(), k -> new double[2]);
            s[0] += received.doubleValue();
            s[1]++;
        }
        double province = sums.get(AgencyLevel.PROVINCE)[0] / sums.get(AgencyLevel.PROVINCE)[1];
        double city = sums.get(AgencyLevel.CITY)[0] / sums.get(AgencyLevel.CITY)[1];
        double county = sums.get(AgencyLevel.COUNTY)[0] / sums.get(AgencyLevel.COUNTY)[1];
        assertThat(province).isGreaterThan(2.5 * city);
        assertThat(city).isGreaterThan(2.5 * county);
        assertThat(county).isBetween(3.0, 20.0);
        assertThat(province).isBetween(80.0, 500.0);
    }

    @Test
    void requestsGrowOverTheYears() {
        double first = 0;
        double last = 0;
        for (GeneratedReport r : submitted()) {
            BigDecimal received = r.cells().get("requests.newReceived.total");
            if (received == null) continue;
            if (r.year() == DemoPlan.FIRST_YEAR) first += received.doubleValue();
            if (r.year() == DemoPlan.LAST_YEAR) last += received.doubleValue();
        }
        assertThat(last / first).isBetween(1.2, 2.5);
    }

    @Test
    void amountsAreDecimalsAndChangesMayBeNegative() {
        List<GeneratedReport> all = submitted();
        assertThat(all).anyMatch(r -> {
            BigDecimal fee = r.cells().get("activeDisclosure.fees.amount");
            return fee != null && fee.scale() > 0 && fee.signum() > 0;
        });
        assertThat(all).anyMatch(r -> {
            BigDecimal change = r.cells().get("activeDisclosure.licensing.change");
            return change != null && change.signum() < 0;
        });
    }

    static Set<String> rules(List<RuleWarning> warnings) {
        return warnings.stream().map(RuleWarning::rule).collect(Collectors.toCollection(TreeSet::new));
    }
}
