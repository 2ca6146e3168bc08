package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.ReportEvents;
import org.nianbao.testsupport.TestTokens;

/** Completeness (who reported, on time) and quality (rule warnings) for a provincial oversight office. */
@QuarkusTest
class OversightTest {

    private static final String SECTOR = "PUBLIC_SECURITY";

    @BeforeAll
    static void publish() {
        RuleWarning r1 = new RuleWarning("R1", "R1 (total): 5 = 4", List.of("requests.newReceived.total"), BigDecimal.valueOf(4),
                BigDecimal.valueOf(5), List.of());
        RuleWarning x1 = new RuleWarning("X1", "X1 (total): 2 = 0", List.of("requests.carriedOver.total"), BigDecimal.ZERO,
                BigDecimal.valueOf(2), List.of());
        try (ReportEvents e = ReportEvents.connect()) {
            e.agency("ps-nx", "宁夏回族自治区公安厅", "640000", SECTOR, true, 1);
            e.agency("ps-wz", "吴忠市公安局", "640300", SECTOR, true, 1);
            e.agency("ps-yc", "盐池县公安局", "640323", SECTOR, true, 1);
            e.agency("ps-tx", "同心县公安局", "640324", SECTOR, true, 1);
            e.agency("ps-old", "已撤销的公安局", "640324", SECTOR, true, 1);
            e.agency("ps-old", "已撤销的公安局", "640324", SECTOR, false, 2); // retired: no longer expected
            Map<String, BigDecimal> cells = Map.of("requests.newReceived.total", BigDecimal.ONE);
            e.version("ps-nx", "宁夏回族自治区公安厅", "640000", SECTOR, 2023, "GOV_2021", 1, LocalDate.of(2024, 1, 20), cells, List.of());
            e.version("ps-wz", "吴忠市公安局", "640300", SECTOR, 2023, "GOV_2021", 1, LocalDate.of(2024, 3, 1), cells, List.of(r1));
            e.version("ps-yc", "盐池县公安局", "640323", SECTOR, 2023, "GOV_2021", 1, LocalDate.of(2024, 1, 31), cells, List.of(r1, x1));
        }

    }

    private static boolean applied;

    /** rest-assured knows the test port only per test, so the wait for the events is done here, once. */
    @BeforeEach
    void awaitPublished() {
        if (!applied) {
            Totals.awaitReports("640000", SECTOR, 2023, 3);
            Eventually.assertThat(Totals.WAIT, () -> given().queryParam("year", 2023).queryParam("sector", SECTOR)
                    .get("/api/v1/regions/640000/completeness").then().body("expected", equalTo(4))
                    .body("missing.agencyId", equalTo(List.of("ps-tx")))); // not only a count reached on the way
            applied = true;
        }
    }

    @Test
    void completenessListsTheRegisteredAgencyThatHasNotSubmittedAndTheLateOne() {
        given().queryParam("year", 2023).queryParam("sector", SECTOR).get("/api/v1/regions/640000/completeness")
                .then().statusCode(200)
                .body("deadline", equalTo("2024-01-31"))
                .body("expected", equalTo(4)).body("submitted", equalTo(3)).body("onTime", equalTo(2))
                .body("submissionRate", equalTo(0.75f)).body("onTimeRate", equalTo(0.5f))
                .body("missing.agencyId", equalTo(List.of("ps-tx")))
                .body("late.agencyId", equalTo(List.of("ps-wz")))
                .body("late[0].daysLate", equalTo(30));
        given().queryParam("year", 2023).queryParam("sector", SECTOR).get("/api/v1/regions/640300/completeness")
                .then().statusCode(200).body("expected", equalTo(3)).body("missing.agencyId", equalTo(List.of("ps-tx")));
    }

    @Test
    void qualityCountsWarningsByRuleAndListsCrossYearMismatches() {
        given().auth().oauth2(TestTokens.overseer("640000")).queryParam("year", 2023).queryParam("sector", SECTOR).get("/api/v1/regions/640000/quality")
                .then().statusCode(200)
                .body("reports", equalTo(3)).body("reportsWithWarnings", equalTo(2))
                .body("warningsByRule.R1", equalTo(2)).body("warningsByRule.X1", equalTo(1))
                .body("worstReports[0].agencyId", equalTo("ps-yc")).body("worstReports[0].count", equalTo(2))
                .body("crossYearMismatches.agencyId", equalTo(List.of("ps-yc")))
                .body("crossYearMismatches[0].warnings.rule", hasItems("X1"));
    }
}
