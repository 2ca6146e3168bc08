package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
                    .body("items.findAll { it.status == 'MISSING' }.agencyId", equalTo(List.of("ps-tx")))); // not only a count reached on the way
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
                .body("missing", equalTo(1)).body("late", equalTo(1))
                .body("items.status", equalTo(List.of("MISSING", "LATE")))
                .body("items.agencyId", equalTo(List.of("ps-tx", "ps-wz")))
                .body("items[1].daysLate", equalTo(30))
                .body("page", equalTo(0)).body("size", equalTo(100)).body("total", equalTo(2));
        given().queryParam("year", 2023).queryParam("sector", SECTOR).get("/api/v1/regions/640300/completeness")
                .then().statusCode(200).body("expected", equalTo(3)).body("items.agencyId", equalTo(List.of("ps-tx", "ps-wz")));
        given().queryParam("year", 2023).queryParam("sector", SECTOR).queryParam("status", "LATE").get("/api/v1/regions/640000/completeness")
                .then().statusCode(200).body("items.agencyId", equalTo(List.of("ps-wz"))).body("total", equalTo(1))
                .body("missing", equalTo(1));
    }

    @Test
    void completenessPagesItsAgenciesWithLinksAndKeepsTheFiguresWhole() {
        String path = "/api/v1/regions/640000/completeness";
        Response first = given().queryParam("year", 2023).queryParam("sector", SECTOR).queryParam("size", 1).get(path);
        first.then().statusCode(200).body("items.agencyId", equalTo(List.of("ps-tx"))).body("total", equalTo(2))
                .body("expected", equalTo(4)).body("missing", equalTo(1)).body("late", equalTo(1));
        assertThat(first.header("Link")).isEqualTo(
                "</api/v1/regions/640000/completeness?year=2023&sector=" + SECTOR + "&page=0&size=1>; rel=\"first\", "
                        + "</api/v1/regions/640000/completeness?year=2023&sector=" + SECTOR + "&page=1&size=1>; rel=\"next\", "
                        + "</api/v1/regions/640000/completeness?year=2023&sector=" + SECTOR + "&page=1&size=1>; rel=\"last\"");
        given().queryParam("year", 2023).queryParam("sector", SECTOR).queryParam("size", 1).queryParam("page", 1).get(path)
                .then().statusCode(200).body("items.agencyId", equalTo(List.of("ps-wz"))).body("page", equalTo(1))
                .header("Link", not(containsString("rel=\"next\"")));
        Response past = given().queryParam("year", 2023).queryParam("sector", SECTOR).queryParam("size", 1).queryParam("page", 7).get(path);
        past.then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(2)).body("submitted", equalTo(3));
        assertThat(past.header("Link")).contains("page=1&size=1>; rel=\"prev\"").contains("page=1&size=1>; rel=\"last\"").doesNotContain("rel=\"next\"");
        // the CSV is the same page
        String csv = given().accept("text/csv").queryParam("year", 2023).queryParam("sector", SECTOR).queryParam("size", 1).get(path)
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("MISSING,ps-tx").doesNotContain("ps-wz");
        assertThat(csv.lines().count()).isEqualTo(2);
    }

    @Test
    void completenessAsASpreadsheetHasDatesAndDaysAsNumbersAndLeavesTheMissingOnesBlank() throws java.io.IOException {
        byte[] body = given().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").queryParam("year", 2023)
                .queryParam("sector", SECTOR).get("/api/v1/regions/640000/completeness").then().statusCode(200)
                .header("Link", containsString("rel=\"last\"")).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("状态");
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("逾期天数");
            Row missing = sheet.getRow(1);
            assertThat(missing.getCell(1).getStringCellValue()).isEqualTo("ps-tx");
            assertThat(missing.getCell(5)).as("no publication date: blank").isNull();
            Row late = sheet.getRow(2);
            assertThat(late.getCell(1).getStringCellValue()).isEqualTo("ps-wz");
            assertThat(late.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 1));
            assertThat(late.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(late.getCell(6).getNumericCellValue()).isEqualTo(30.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void aPageOutOfBoundsOrAnUnknownStatusIsAProblemNamingEach() {
        given().queryParam("year", 2023).queryParam("sector", SECTOR).queryParam("size", 0).queryParam("page", "x")
                .queryParam("status", "GONE").get("/api/v1/regions/640000/completeness")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("size", "page", "status"));
    }

    @Test
    void qualityCountsWarningsByRuleAndListsCrossYearMismatches() {
        given().auth().oauth2(TestTokens.overseer("640000")).queryParam("year", 2023).queryParam("sector", SECTOR).get("/api/v1/regions/640000/quality")
                .then().statusCode(200)
                .body("reports", equalTo(3)).body("reportsWithWarnings", equalTo(2))
                .body("warningsByRule.R1", equalTo(2)).body("warningsByRule.X1", equalTo(1))
                .body("items.agencyId", equalTo(List.of("ps-yc", "ps-wz"))).body("items[0].count", equalTo(2))
                .body("total", equalTo(2)).body("crossYearMismatches", equalTo(1));
        given().auth().oauth2(TestTokens.overseer("640000")).queryParam("year", 2023).queryParam("sector", SECTOR)
                .queryParam("rules", "X1,X2").get("/api/v1/regions/640000/quality")
                .then().statusCode(200)
                .body("items.agencyId", equalTo(List.of("ps-yc"))).body("items[0].warnings.rule", equalTo(List.of("X1")))
                .body("total", equalTo(1)).body("warningsByRule.R1", equalTo(2));
    }

    @Test
    void qualityPagesItsReportsWithLinks() {
        Response second = given().auth().oauth2(TestTokens.overseer("640000")).queryParam("year", 2023).queryParam("sector", SECTOR)
                .queryParam("page", 1).queryParam("size", 1).get("/api/v1/regions/640000/quality");
        second.then().statusCode(200).body("items.agencyId", equalTo(List.of("ps-wz"))).body("total", equalTo(2))
                .body("reportsWithWarnings", equalTo(2)).body("warningsByRule.R1", equalTo(2));
        assertThat(second.header("Link")).contains("page=0&size=1>; rel=\"prev\"").contains("page=1&size=1>; rel=\"last\"")
                .doesNotContain("rel=\"next\"");
        given().auth().oauth2(TestTokens.overseer("640000")).queryParam("year", 2023).queryParam("sector", SECTOR)
                .queryParam("page", 2).queryParam("size", 1).get("/api/v1/regions/640000/quality")
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(2));
    }
}
