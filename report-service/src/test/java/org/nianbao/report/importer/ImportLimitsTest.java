package org.nianbao.report.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.report.support.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.Fixtures;
import org.nianbao.report.support.TopicReader;

/**
 * Hostile documents sent to the import: each is refused with Problem Details that name the limit it met, or read
 * into a small answer; nothing is stored, and the service keeps answering and relaying afterwards.
 */
@QuarkusTest
class ImportLimitsTest {

    /** The table lines of the hostile-input review: 18,000 lines of 行政许可 and 50 numbers, 2,052,000 bytes. */
    private static final String TABLE_LINES = ("行政许可\t" + "1\t".repeat(50) + "\n").repeat(18_000);

    @Test
    void aBodyOverTheImportSizeIsRefusedWith413AndTheServiceStaysHealthy() {
        String agency = Fixtures.newAgency("640323");
        assertThat(TABLE_LINES.getBytes(StandardCharsets.UTF_8).length).as("under the service's general body limit")
                .isBetween(2_000_000, 2_097_152);

        Response r = given().contentType("text/plain; charset=UTF-8").body(TABLE_LINES)
                .queryParam("submit", true).queryParam("agencyId", agency).queryParam("year", 2020)
                .post("/api/v1/reports:import");

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("detail")).contains("2,052,000 bytes", "at most 1,048,576", "split the document",
                "nianbao.import.max-bytes", "Nothing was stored");
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);
        theServiceStillAnswersAndRelays();
    }

    @Test
    void tableLinesWithinTheSizeAreRefusedByTheCellLimitWith422() {
        String agency = Fixtures.newAgency("640323");
        String lines = "盐池县教育体育局 2020 年 政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                + ("行政许可\t" + "1\t".repeat(50) + "\n").repeat(8_000);

        Response r = given().contentType("text/plain; charset=UTF-8").body(lines)
                .queryParam("submit", true).queryParam("agencyId", agency).queryParam("year", 2020)
                .post("/api/v1/reports:import");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("detail")).contains("more than 10,000 cells", "at most 10,000 are read",
                "split the document", "nianbao.import.max-cells-per-table");
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);
        theServiceStillAnswersAndRelays();
    }

    @Test
    void hugeRowAndColumnSpansAreRefusedWithASmallAnswer() {
        String page = "<html><body><h1>盐池县教育体育局2020年政府信息公开工作年度报告</h1><table>"
                + "<tr><td rowspan=500 colspan=100>1</td></tr>".repeat(16) + "</table></body></html>";

        Response r = given().contentType("text/html; charset=UTF-8").body(page).post("/api/v1/reports:import");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("detail")).contains("spans 16 rows × 100 columns", "at most 1,000",
                "nianbao.import.max-span-cells");
        assertThat(r.asByteArray().length).isLessThan(2_000);
        theServiceStillAnswersAndRelays();
    }

    @Test
    void thousandsOfNumbersWithoutRowsGiveABoundedAnswerThatCountsWhatItLeftOut() {
        String text = "盐池县教育体育局 2020 年 政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + "7\n".repeat(9_000);

        Response r = given().contentType("text/plain; charset=UTF-8").body(text).post("/api/v1/reports:import");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.jsonPath().getList("diagnostics.unplaced")).hasSize(200);
        assertThat(r.jsonPath().getInt("diagnostics.leftOut.unplaced")).isEqualTo(9_000 - 200);
        assertThat(r.asByteArray().length).as("200 numbers listed, not 9,000").isLessThan(64 * 1024);
    }

    @Test
    void submittingWithoutAKnownAgencyOrYearListsEveryProblemAt422() {
        String noTitle = "政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息12条。\n";
        Response both = given().contentType("text/plain; charset=UTF-8").body(noTitle)
                .queryParam("submit", true).post("/api/v1/reports:import");
        assertThat(both.statusCode()).isEqualTo(422);
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(both.jsonPath().getList("errors.field")).containsExactly("agencyId", "year");

        String unregistered = "某某未登记局2020年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息12条。\n";
        Response named = given().contentType("text/plain; charset=UTF-8").body(unregistered)
                .queryParam("submit", true).post("/api/v1/reports:import");
        assertThat(named.statusCode()).isEqualTo(422);
        assertThat(named.jsonPath().getList("errors", Map.class)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("field", "agencyId").containsEntry("type", "REQUIRED")
                        .containsEntry("rejectedValue", "某某未登记局"));

        Response unknownId = given().contentType("text/plain; charset=UTF-8").body(noTitle)
                .queryParam("submit", true).queryParam("agencyId", "no-such-agency").post("/api/v1/reports:import");
        assertThat(unknownId.statusCode()).isEqualTo(422);
        List<String> types = unknownId.jsonPath().getList("errors.type");
        assertThat(types).containsExactly("UNKNOWN_AGENCY", "REQUIRED");
        given().get("/api/v1/agencies/no-such-agency/reports/2020").then().statusCode(404);
    }

    /** Health is UP, and a report stored now is published: the relay was not held up by the import. */
    private static void theServiceStillAnswersAndRelays() {
        given().get("/q/health/ready").then().statusCode(200);
        String marker = Fixtures.newAgency("640323");
        given().contentType("application/json").body(Fixtures.report("seed-004-yanchi-2020.json").toString())
                .put("/api/v1/agencies/{a}/reports/2020", marker).then().statusCode(201);
        assertThat(TopicReader.await(Topics.REPORTS, marker + "/2020", 1, Duration.ofSeconds(30))).hasSize(1);
    }
}
