package org.nianbao.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.report.support.Fixtures;
import org.nianbao.testsupport.TestTokens;

/** Defence in depth: a request sent straight to the service, around the gateway, is checked here too. */
@QuarkusTest
class DirectAccessTest {

    private static final String REPORT = Fixtures.report("seed-004-yanchi-2020.json").toString();

    @Test
    void aWriteWithoutATokenIsRefusedAndStoresNothing() {
        given().contentType("application/json").body(REPORT).put("/api/v1/agencies/edu-640323/reports/2018")
                .then().statusCode(401).contentType("application/problem+json");
        given().delete("/api/v1/agencies/edu-640323/reports/2018").then().statusCode(401);
        given().contentType("application/json").body(Map.of("name", "x", "regionCode", "640323", "sector", "EDUCATION"))
                .post("/api/v1/agencies").then().statusCode(401);
        given().get("/api/v1/agencies/edu-640323/reports/2018").then().statusCode(404);
    }

    @Test
    void forgedExpiredAndWrongAudienceTokensAreRefused() {
        for (String token : new String[] {TestTokens.forged(), TestTokens.expired(), TestTokens.wrongAudience()}) {
            given().auth().oauth2(token).contentType("application/json").body(REPORT)
                    .put("/api/v1/agencies/edu-640323/reports/2018").then().statusCode(401);
        }
    }

    @Test
    void aSubmitterWritesOnlyItsOwnAgencysReports() {
        given().auth().oauth2(TestTokens.submitter("edu-610600")).contentType("application/json").body(REPORT)
                .put("/api/v1/agencies/edu-640323/reports/2017").then().statusCode(403)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("edu-640323"));
        given().auth().oauth2(TestTokens.submitter("edu-640323")).contentType("application/json").body(REPORT)
                .put("/api/v1/agencies/edu-640323/reports/2017").then().statusCode(201);
        given().auth().oauth2(TestTokens.submitter("edu-640323")).contentType("application/json")
                .body(Map.of("name", "x", "regionCode", "640323", "sector", "EDUCATION"))
                .post("/api/v1/agencies").then().statusCode(403);
        given().auth().oauth2(TestTokens.overseer("640000")).delete("/api/v1/agencies/edu-640323/reports/2017")
                .then().statusCode(403);
    }

    @Test
    void publishedReportsAndTemplatesArePublicReads() {
        given().get("/api/v1/templates/GOV_2021").then().statusCode(200);
        given().get("/api/v1/agencies/edu-640323").then().statusCode(200).body("id", equalTo("edu-640323"));
        given().get("/api/v1/reports?region=640000").then().statusCode(200);
    }
}
