package org.nianbao.report.importer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;
import org.nianbao.report.support.Fixtures;
import org.nianbao.testsupport.TestTokens;

/** Published report texts become structured reports, and with ?submit=true stored ones. */
@QuarkusTest
class ImportResourceTest {

    @Test
    void seed004ImportsAndSubmitsForTheRecognisedAgency() throws Exception {
        String text = seed("004_d0afa1047310c76e.txt");
        JsonNode parsed = EventJson.mapper().readTree(given().auth().oauth2(TestTokens.admin())
                .contentType("text/plain; charset=UTF-8").body(text).post("/api/v1/reports:import")
                .then().statusCode(200).body("template", equalTo("GOV_2019")).body("agencyName", equalTo("盐池县教育体育局"))
                .body("agencyId", equalTo("edu-640323")).body("year", equalTo(2020)).body("stored", nullValue())
                .extract().asString());
        assertThat(parsed.at("/submission/activeDisclosure/licensing/decisions").asInt()).isEqualTo(228);
        assertThat(parsed.at("/diagnostics/unplaced").size()).as("the mangled rows are reported, not guessed").isPositive();

        given().auth().oauth2(TestTokens.submitter("edu-640323")).contentType("text/plain; charset=UTF-8").body(text)
                .queryParam("submit", true).queryParam("year", 2015).post("/api/v1/reports:import")
                .then().statusCode(201).body("stored.version", equalTo(1)).body("stored.agencyId", equalTo("edu-640323"));
        var stored = given().get("/api/v1/agencies/edu-640323/reports/2015").then().statusCode(200).extract().jsonPath();
        assertThat(stored.getInt("activeDisclosure.otherServices.previousItems")).isEqualTo(32);
        assertThat(stored.getInt("activeDisclosure.otherServices.decisions")).isEqualTo(19);
        assertThat(Fixtures.flatten(EventJson.mapper().readTree(given().get("/api/v1/agencies/edu-640323/reports/2015").asString()),
                "requests").values()).containsOnly("0");
    }

    @Test
    void aReportWithoutTablesKeepsItsProseFiguresOutOfTheCells() {
        given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8").body(seed("003_b9f1dadb5d993288.txt"))
                .post("/api/v1/reports:import").then().statusCode(200)
                .body("template", equalTo("LEGACY")).body("year", equalTo(2014)).body("agencyId", equalTo("edu-140700"))
                .body("diagnostics.proseFigures.value", hasItem(1106))
                .body("submission.requests", nullValue()).body("diagnostics.cells.size()", equalTo(0));
    }

    @Test
    void htmlTablesAreRead() {
        String html = "<html><body><h1>盐池县教育体育局2021年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p>"
                + "<table><tr><td colspan=\"4\">第二十条第（一）项</td></tr>"
                + "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
                + "<tr><td>规章</td><td>2</td><td>0</td><td>5</td></tr>"
                + "<tr><td>行政规范性文件</td><td>7</td><td>1</td><td>30</td></tr></table></body></html>";
        given().auth().oauth2(TestTokens.admin()).contentType("text/html; charset=UTF-8").body(html)
                .post("/api/v1/reports:import").then().statusCode(200)
                .body("template", equalTo("GOV_2021"))
                .body("submission.activeDisclosure.rules.inForce", equalTo(5))
                .body("submission.activeDisclosure.normativeDocuments.issued", equalTo(7));
    }

    @Test
    void aGivenAgencyNameIsLookedUpOnlyWhenTheTitleNamesNone() {
        String tables = "<p>二、主动公开政府信息情况</p><table><tr><td colspan=\"4\">第二十条第（一）项</td></tr>"
                + "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
                + "<tr><td>规章</td><td>2</td><td>0</td><td>5</td></tr></table></body></html>";
        given().auth().oauth2(TestTokens.admin()).contentType("text/html; charset=UTF-8")
                .body("<html><body><h1>2021年政府信息公开工作年度报告</h1>" + tables)
                .queryParam("agencyName", "盐池县教育体育局").post("/api/v1/reports:import").then().statusCode(200)
                .body("agencyName", equalTo("盐池县教育体育局")).body("agencyId", equalTo("edu-640323")).body("year", equalTo(2021));
        given().auth().oauth2(TestTokens.admin()).contentType("text/html; charset=UTF-8")
                .body("<html><body><h1>盐池县教育体育局2021年政府信息公开工作年度报告</h1>" + tables)
                .queryParam("agencyName", "延安市教育局").post("/api/v1/reports:import").then().statusCode(200)
                .body("agencyName", equalTo("盐池县教育体育局")).body("agencyId", equalTo("edu-640323"));
        given().auth().oauth2(TestTokens.admin()).contentType("text/html; charset=UTF-8")
                .body("<html><body><h1>2021年政府信息公开工作年度报告</h1>" + tables)
                .queryParam("agencyName", "无此机构局").queryParam("submit", true).post("/api/v1/reports:import")
                .then().statusCode(422).body("errors.message", hasItem(containsString("no registered agency is named 无此机构局")));
    }

    @Test
    void garbageIsRefusedAndNothingIsStored() {
        for (String garbage : new String[] {"", "   ", "hello world, this is not a report at all 12345"}) {
            given().auth().oauth2(TestTokens.admin()).contentType("text/plain").body(garbage)
                    .queryParam("submit", true).queryParam("agencyId", "edu-610600").queryParam("year", 2012)
                    .post("/api/v1/reports:import").then().statusCode(422).contentType("application/problem+json");
        }
        given().get("/api/v1/agencies/edu-610600/reports/2012").then().statusCode(404);
    }

    @Test
    void onlyTheAgencyItselfMaySubmitItsImportedReport() {
        given().auth().oauth2(TestTokens.submitter("edu-610600")).contentType("text/plain; charset=UTF-8")
                .body(seed("004_d0afa1047310c76e.txt")).queryParam("submit", true).queryParam("year", 2013)
                .post("/api/v1/reports:import").then().statusCode(403).body("detail", containsString("edu-640323"));
        given().contentType("text/plain").body(seed("004_d0afa1047310c76e.txt")).post("/api/v1/reports:import")
                .then().statusCode(401);
    }

    private static String seed(String file) {
        try (InputStream in = ImportResourceTest.class.getResourceAsStream("/fixtures/seeds/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
