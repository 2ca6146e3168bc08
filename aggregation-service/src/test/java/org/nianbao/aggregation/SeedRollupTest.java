package org.nianbao.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.ReportEvents;

/**
 * The five seed agencies' reports (numbers entered from the published texts) roll up into their city,
 * province and the country with the right sums. Seeds 001 and 003 have no tables: they count as reports
 * with no filled cells.
 */
@QuarkusTest
class SeedRollupTest {

    private static final String SECTOR = "EDUCATION";

    @BeforeAll
    static void publishTheSeeds() {
        try (ReportEvents events = ReportEvents.connect()) {
            events.agency("edu-610600", "延安市教育局", "610600", SECTOR, true, 1);
            events.agency("edu-620000", "甘肃省教育厅", "620000", SECTOR, true, 1);
            events.agency("edu-430602", "岳阳楼区教育局", "430602", SECTOR, true, 1);
            events.agency("edu-140700", "晋中市教育局", "140700", SECTOR, true, 1);
            events.agency("edu-640323", "盐池县教育体育局", "640323", SECTOR, true, 1);
            events.version("edu-610600", "延安市教育局", "610600", SECTOR, 2019, "GOV_2019", 1, null,
                    ReportEvents.fixtureCells("seed-000-yanan-2019.json"), List.of());
            events.version("edu-620000", "甘肃省教育厅", "620000", SECTOR, 2019, "GOV_2019", 1, LocalDate.of(2020, 2, 4),
                    Map.of(), List.of());
            events.version("edu-430602", "岳阳楼区教育局", "430602", SECTOR, 2023, "GOV_2019", 1, LocalDate.of(2024, 1, 2),
                    ReportEvents.fixtureCells("seed-002-yueyanglou-2023.json"), List.of());
            events.version("edu-140700", "晋中市教育局", "140700", SECTOR, 2014, "LEGACY", 1, LocalDate.of(2017, 12, 6),
                    Map.of(), List.of());
            events.version("edu-640323", "盐池县教育体育局", "640323", SECTOR, 2020, "GOV_2019", 1, null,
                    ReportEvents.fixtureCells("seed-004-yanchi-2020.json"), List.of());
        }

    }

    private static boolean applied;

    /** rest-assured knows the test port only per test, so the wait for the events is done here, once. */
    @BeforeEach
    void awaitPublished() {
        if (!applied) {
            Totals.awaitReports("000000", SECTOR, 2019, 2);
            Totals.awaitReports("640000", SECTOR, 2020, 1);
            Totals.awaitReports("430000", SECTOR, 2023, 1);
            Totals.awaitReports("140000", SECTOR, 2014, 1);
            applied = true;
        }
    }

    @Test
    void yananRollsUpIntoShaanxiAndTheCountry() {
        for (String region : List.of("610600", "610000")) {
            Totals t = Totals.of(region, SECTOR, 2019);
            assertThat(t.reports()).isEqualTo(1);
            assertThat(t.sum("activeDisclosure.rules.newlyMade")).isEqualByComparingTo("6");
            assertThat(t.sum("activeDisclosure.normativeDocuments.newlyMade")).isEqualByComparingTo("577");
            assertThat(t.sum("activeDisclosure.normativeDocuments.totalPublished")).isEqualByComparingTo("176");
            assertThat(t.sum("activeDisclosure.otherServices.previousItems")).isEqualByComparingTo("5");
            assertThat(t.sum("requests.outcome.total.total")).isEqualByComparingTo("0");
        }
        Totals country = Totals.of("000000", SECTOR, 2019);
        assertThat(country.reports()).as("延安 and 甘肃省教育厅").isEqualTo(2);
        assertThat(country.sum("activeDisclosure.normativeDocuments.newlyMade")).isEqualByComparingTo("577");
        assertThat(country.filled("activeDisclosure.normativeDocuments.newlyMade")).as("甘肃 has no table").isEqualTo(1);
        assertThat(Totals.of("000000", SECTOR, 2019, "CITY").reports()).isEqualTo(1);
        assertThat(Totals.of("000000", SECTOR, 2019, "PROVINCE").reports()).isEqualTo(1);
    }

    @Test
    void gansuProvincialBureauCountsAsAReportWithoutCells() {
        Totals gansu = Totals.of("620000", SECTOR, 2019);
        assertThat(gansu.reports()).isEqualTo(1);
        assertThat(gansu.sum("requests.newReceived.total")).isNull();
        assertThat(Totals.of("620000", SECTOR, 2019, "PROVINCE").reports()).isEqualTo(1);
        assertThat(Totals.of("620000", SECTOR, 2019, "COUNTY").reports()).isZero();
    }

    @Test
    void yanchiRollsUpThroughWuzhongIntoNingxia() {
        for (String region : List.of("640323", "640300", "640000", "000000")) {
            Totals t = Totals.of(region, SECTOR, 2020);
            assertThat(t.reports()).as(region).isEqualTo(1);
            assertThat(t.sum("activeDisclosure.licensing.previousItems")).isEqualByComparingTo("3");
            assertThat(t.sum("activeDisclosure.licensing.decisions")).as("comparable across templates").isEqualByComparingTo("228");
            assertThat(t.sum("activeDisclosure.otherServices.previousItems")).isEqualByComparingTo("32");
            assertThat(t.sum("activeDisclosure.otherServices.decisions")).isEqualByComparingTo("19");
            assertThat(t.sum("activeDisclosure.penalty.previousItems")).isEqualByComparingTo("13");
            assertThat(t.sum("activeDisclosure.coercion.previousItems")).isEqualByComparingTo("1");
            assertThat(t.sum("activeDisclosure.fees.previousItems")).isEqualByComparingTo("4");
            assertThat(t.sum("requests.outcome.withheld.total")).as("a group sum").isEqualByComparingTo("0");
        }
        assertThat(Totals.of("640000", SECTOR, 2020, "COUNTY").reports()).isEqualTo(1);
        assertThat(Totals.of("640000", SECTOR, 2020, "CITY").reports()).isZero();
    }

    @Test
    void yueyangBlankApplicantColumnsAreUnfilledNotZero() {
        for (String region : List.of("430602", "430600", "430000")) {
            Totals t = Totals.of(region, SECTOR, 2023);
            assertThat(t.sum("requests.newReceived.total")).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(t.filled("requests.newReceived.total")).isEqualTo(1);
            assertThat(t.sum("requests.newReceived.naturalPerson")).as("blank is not zero").isNull();
            assertThat(t.sum("activeDisclosure.licensing.decisions")).isNull();
            assertThat(t.sum("activeDisclosure.rules.newlyMade")).isEqualByComparingTo("0");
        }
    }

    @Test
    void aRateWithAZeroDenominatorIsNull() {
        Totals t = Totals.of("430000", SECTOR, 2023);
        assertThat(t.sum("requests.outcome.total.total")).isEqualByComparingTo("0");
        assertThat(t.indicator("disclosureRate")).isNull();
        assertThat(t.indicator("carryForwardRate")).isNull();
    }

    @Test
    void jinzhongLegacyReportCountsInShanxi() {
        assertThat(Totals.of("140000", SECTOR, 2014).reports()).isEqualTo(1);
        assertThat(Totals.of("000000", SECTOR, 2014).reports()).isEqualTo(1);
    }
}
