package org.nianbao.model.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.model.rules.CleanReports.CATALOG;
import static org.nianbao.model.rules.CleanReports.GOV_2019;
import static org.nianbao.model.rules.CleanReports.GOV_2021;
import static org.nianbao.model.rules.CleanReports.LEGACY;
import static org.nianbao.model.rules.CleanReports.add;
import static org.nianbao.model.rules.CleanReports.set;

class RuleEngineTest {

    private final RuleEngine engine = new RuleEngine(CATALOG);

    @Test
    void previousYearCellsAreExactlyThoseTheCrossYearRulesRead() {
        List<String> cells = engine.previousYearCells();
        // X1: prev:carriedForward per applicant column; X2: prev:inForce of rules and normative documents
        assertThat(cells).contains("requests.carriedForward.total", "requests.carriedForward.naturalPerson",
                "activeDisclosure.rules.inForce", "activeDisclosure.normativeDocuments.inForce");
        assertThat(cells).allMatch(c -> c.startsWith("requests.carriedForward.") || c.endsWith(".inForce"));
        assertThat(cells).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void cleanReportsGiveNoWarning() {
        assertThat(engine.check(GOV_2019, CleanReports.gov2019(), null)).isEmpty();
        assertThat(engine.check(GOV_2021, CleanReports.gov2021(2022),
                new PreviousYear(GOV_2021, CleanReports.gov2021(2021)))).isEmpty();
        assertThat(engine.check(GOV_2021, CleanReports.gov2021(2021),
                new PreviousYear(GOV_2019, CleanReports.gov2019()))).isEmpty();
    }

    @Test
    void r1ComparesWhatCameInWithWhatWasHandledPerColumn() {
        Map<String, BigDecimal> cells = CleanReports.gov2019();
        int handled = cells.get("requests.outcome.total.naturalPerson").intValue();
        add(cells, "requests.newReceived.naturalPerson", 2);
        add(cells, "requests.newReceived.total", 2);

        List<RuleWarning> warnings = engine.check(GOV_2019, cells, null);

        assertThat(warnings).extracting(RuleWarning::message).containsExactlyInAnyOrder(
                "R1 (naturalPerson): newReceived + carriedOver = %d but outcome.total + carriedForward = %d"
                        .formatted(handled + 3, handled + 1),
                "R1 (total): newReceived + carriedOver = %d but outcome.total + carriedForward = %d"
                        .formatted(cells.get("requests.newReceived.total").intValue() + 21,
                                cells.get("requests.outcome.total.total").intValue() + 21));
        RuleWarning naturalPerson = warnings.get(0);
        assertThat(naturalPerson.actual()).isEqualByComparingTo(BigDecimal.valueOf(handled + 3));
        assertThat(naturalPerson.expected()).isEqualByComparingTo(BigDecimal.valueOf(handled + 1));
        assertThat(naturalPerson.cells()).containsExactly("requests.newReceived.naturalPerson",
                "requests.carriedOver.naturalPerson", "requests.outcome.total.naturalPerson",
                "requests.carriedForward.naturalPerson");
        assertThat(naturalPerson.blankCellsCountedAsZero()).isEmpty();
    }

    @Test
    void r2SumsTheOutcomeRowsThroughTheGroupsInBothTemplates() {
        Map<String, BigDecimal> cells2019 = CleanReports.gov2019();
        add(cells2019, "requests.outcome.other.researchInstitution", 1);
        add(cells2019, "requests.outcome.other.total", 1);
        assertThat(engine.check(GOV_2019, cells2019, null))
                .extracting(RuleWarning::message)
                .anySatisfy(m -> assertThat(m).startsWith("R2 (researchInstitution): outcome.total = "))
                .anySatisfy(m -> assertThat(m).startsWith("R2 (total): "));

        Map<String, BigDecimal> cells2021 = CleanReports.gov2021(2021);
        add(cells2021, "requests.outcome.other.feeUnpaid.naturalPerson", 1);
        add(cells2021, "requests.outcome.other.feeUnpaid.total", 1);
        List<RuleWarning> warnings = engine.check(GOV_2021, cells2021, null);
        assertThat(warnings).extracting(RuleWarning::rule).containsOnly("R2");
        RuleWarning r2 = warnings.get(0);
        assertThat(r2.message()).contains("outcome.withheld + outcome.unavailable + outcome.notProcessed + outcome.otherTotal");
        assertThat(r2.actual().subtract(r2.expected())).isEqualByComparingTo("-1");
        assertThat(r2.cells()).contains("requests.outcome.other.noCorrection.naturalPerson",
                "requests.outcome.other.feeUnpaid.naturalPerson", "requests.outcome.other.otherReason.naturalPerson");
    }

    @Test
    void r3ChecksTheTotalColumnOfEachRow() {
        Map<String, BigDecimal> cells = CleanReports.gov2019();
        add(cells, "requests.outcome.withheld.stateSecret.total", 1);
        add(cells, "requests.outcome.total.total", 1);
        add(cells, "requests.newReceived.total", 1);

        assertThat(engine.check(GOV_2019, cells, null))
                .extracting(RuleWarning::message)
                .anySatisfy(m -> assertThat(m).startsWith("R3 (outcome.withheld.stateSecret): total = "))
                .anySatisfy(m -> assertThat(m).startsWith("R3 (outcome.total): "))
                .anySatisfy(m -> assertThat(m).startsWith("R3 (newReceived): "))
                .allSatisfy(m -> assertThat(m).startsWith("R3"));
    }

    @Test
    void r4ChecksEachGroupOfReviewAndLitigation() {
        Map<String, BigDecimal> cells = CleanReports.gov2021(2021);
        set(cells, "reviewLitigation.reconsideration.total", 5);

        List<RuleWarning> warnings = engine.check(GOV_2021, cells, null);

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.rule()).isEqualTo("R4");
            assertThat(w.message()).isEqualTo(
                    "R4 (reconsideration): total = 5 but upheld + corrected + other + pending = 4");
        });
    }

    @Test
    void x1ComparesCarriedForwardWithNextYearsCarriedOver() {
        Map<String, BigDecimal> previous = CleanReports.gov2019();
        add(previous, "requests.carriedForward.naturalPerson", 1);
        add(previous, "requests.outcome.total.naturalPerson", -1);
        add(previous, "requests.outcome.disclosed.naturalPerson", -1);
        add(previous, "requests.carriedForward.total", 1);
        add(previous, "requests.outcome.total.total", -1);
        add(previous, "requests.outcome.disclosed.total", -1);
        assertThat(engine.check(GOV_2019, previous, null)).isEmpty();

        List<RuleWarning> warnings = engine.check(GOV_2021, CleanReports.gov2021(2021),
                new PreviousYear(GOV_2019, previous));

        assertThat(warnings).extracting(RuleWarning::message).containsExactlyInAnyOrder(
                "X1 (naturalPerson): carriedOver = 1 but prev:carriedForward = 2",
                "X1 (total): carriedOver = 21 but prev:carriedForward = 22");
        assertThat(warnings.get(0).cells())
                .containsExactly("requests.carriedOver.naturalPerson", "prev:requests.carriedForward.naturalPerson");
    }

    @Test
    void x2FollowsDocumentsInForceAcrossGov2021Years() {
        Map<String, BigDecimal> current = CleanReports.gov2021(2022);
        set(current, "activeDisclosure.normativeDocuments.inForce", 50);

        List<RuleWarning> warnings = engine.check(GOV_2021, current,
                new PreviousYear(GOV_2021, CleanReports.gov2021(2021)));

        assertThat(warnings).singleElement().extracting(RuleWarning::message).isEqualTo(
                "X2 (normativeDocuments): inForce = 50 but prev:inForce + issued - repealed = 43");
    }

    @Test
    void crossYearRulesNeedThePreviousReportAndItsCells() {
        Map<String, BigDecimal> current = CleanReports.gov2021(2021);
        set(current, "requests.carriedOver.total", 999);
        set(current, "activeDisclosure.rules.inForce", 999);

        assertThat(engine.check(GOV_2021, current, null)).extracting(RuleWarning::rule).doesNotContain("X1", "X2");
        // 2019 has no inForce: X2 cannot compare; X1 can.
        assertThat(engine.check(GOV_2021, current, new PreviousYear(GOV_2019, CleanReports.gov2019())))
                .extracting(RuleWarning::rule).contains("X1").doesNotContain("X2");
        assertThat(engine.check(GOV_2021, current, new PreviousYear(LEGACY, Map.of())))
                .extracting(RuleWarning::rule).doesNotContain("X1", "X2");
    }

    @Test
    void blankCellsCountAsZeroAndAreNamed() {
        Map<String, BigDecimal> cells = CleanReports.gov2019();
        cells.remove("requests.carriedOver.naturalPerson");

        List<RuleWarning> warnings = engine.check(GOV_2019, cells, null);

        assertThat(warnings).extracting(RuleWarning::rule).containsExactlyInAnyOrder("R1", "R3");
        assertThat(warnings).allSatisfy(w -> {
            assertThat(w.blankCellsCountedAsZero()).containsExactly("requests.carriedOver.naturalPerson");
            assertThat(w.message()).endsWith("; blank counted as 0: requests.carriedOver.naturalPerson");
        });
    }

    @Test
    void anEquationWithEveryCellBlankIsSkipped() {
        Map<String, BigDecimal> cells = CleanReports.gov2019();
        cells.keySet().removeIf(code -> code.startsWith("reviewLitigation.litigationDirect."));
        assertThat(engine.check(GOV_2019, cells, null)).isEmpty();
        assertThat(engine.check(GOV_2021, Map.of(), null)).isEmpty();
    }

    @Test
    void seed002ShapeWithOnlyTotalsGivesNoWarning() {
        assertThat(engine.check(GOV_2019, CleanReports.seed002Shape(), null)).isEmpty();
    }

    @Test
    void onlyTheTotalFilledWhileApplicantsAreBlankIsFlaggedWhenNotZero() {
        Map<String, BigDecimal> cells = CleanReports.seed002Shape();
        set(cells, "requests.newReceived.total", 3);
        set(cells, "requests.outcome.disclosed.total", 3);
        set(cells, "requests.outcome.total.total", 3);

        List<RuleWarning> r3 = engine.check(GOV_2019, cells, null).stream()
                .filter(w -> w.rule().equals("R3")).toList();

        assertThat(r3).hasSize(3);
        assertThat(r3.get(0).blankCellsCountedAsZero()).hasSize(6);
    }

    @Test
    void legacyReportsHaveNothingToCheck() {
        assertThat(engine.check(LEGACY, Map.of(), new PreviousYear(LEGACY, Map.of()))).isEmpty();
    }

    @Test
    void valuesCompareByAmountNotScale() {
        Map<String, BigDecimal> cells = CleanReports.gov2019();
        cells.put("reviewLitigation.reconsideration.total", new BigDecimal("4.00"));
        assertThat(engine.check(GOV_2019, cells, null)).isEmpty();
    }
}
