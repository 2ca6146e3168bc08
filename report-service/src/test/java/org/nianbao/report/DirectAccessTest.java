package org.nianbao.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

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
    void ruleWarningsAreForTheAgencyItsOverseersAndAdminsOnly() {
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body(Fixtures.report("seed-002-yueyanglou-2023.json").toString())
                .put("/api/v1/agencies/edu-430602/reports/2016").then().statusCode(201).body("warnings.rule", hasItem("T1"));
        String path = "/api/v1/agencies/edu-430602/reports/2016";
        given().get(path).then().statusCode(200).body("$", not(hasKey("warnings"))).body("requests", notNullValue());
        given().auth().oauth2(TestTokens.overseer("620000")).get(path).then().body("$", not(hasKey("warnings")));
        given().auth().oauth2(TestTokens.submitter("edu-610600")).get(path).then().body("$", not(hasKey("warnings")));
        given().auth().oauth2(TestTokens.overseer("430000")).get(path).then().body("warnings.rule", hasItem("T1"));
        given().auth().oauth2(TestTokens.submitter("edu-430602")).get(path + "/versions").then().body("[0].warnings.rule", hasItem("T1"));
        given().get("/api/v1/reports?region=430602&year=2016").then().statusCode(200)
                .body("items[0].agencyId", equalTo("edu-430602")).body("items[0]", not(hasKey("warnings")));
        given().auth().oauth2(TestTokens.overseer("430600")).get("/api/v1/reports?region=430602&year=2016")
                .then().statusCode(200).body("items[0].publishedOn", equalTo("2024-01-02")).body("items[0].warnings", equalTo(1));
    }

    @Test
    void publishedReportsAndTemplatesArePublicReads() {
        given().get("/api/v1/templates/GOV_2021").then().statusCode(200);
        given().get("/api/v1/agencies/edu-640323").then().statusCode(200).body("id", equalTo("edu-640323"));
        given().get("/api/v1/reports?region=640000").then().statusCode(200);
    }
}
