package org.nianbao.report.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.report.support.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.report.support.Fixtures;

/** An import that takes longer than nianbao.import.timeout stops itself and answers 503; nothing is stored. */
@QuarkusTest
@TestProfile(ImportTimeoutTest.OneMillisecond.class)
class ImportTimeoutTest {

    /** Every real report takes longer than this to read. */
    public static class OneMillisecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nianbao.import.timeout", "1ms");
        }
    }

    @Test
    void anImportPastTheTimeoutAnswers503WithRetryAfterAndStoresNothing() {
        String agency = Fixtures.newAgency("640323");
        String report = "盐池县教育体育局 2020 年 政府信息公开工作年度报告\n一、总体情况\n"
                + "本年度主动公开政府信息1106条，办理依申请公开事项19件。\n".repeat(5_000);

        Response r = given().contentType("text/plain; charset=UTF-8").body(report)
                .queryParam("submit", true).queryParam("agencyId", agency).queryParam("year", 2020)
                .post("/api/v1/reports:import");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isEqualTo("30");
        assertThat(r.jsonPath().getString("detail")).contains("The document took too long to read", "Try again later",
                "nianbao.import.timeout", "Nothing was stored");
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
