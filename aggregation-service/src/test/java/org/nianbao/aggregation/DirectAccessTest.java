package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.TestTokens;

/** Defence in depth: quality detail and rebuilds are checked here too, not only at the gateway. */
@QuarkusTest
class DirectAccessTest {

    @Test
    void rebuildNeedsAnAdmin() {
        given().post("/api/v1/admin/rebuild").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.overseer("000000")).post("/api/v1/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.forged()).get("/api/v1/admin/rebuild").then().statusCode(401);
    }

    @Test
    void qualityIsForOverseersWithinTheirRegion() {
        given().queryParam("year", 2023).get("/api/v1/regions/640300/quality").then().statusCode(401);
        given().auth().oauth2(TestTokens.overseer("620000")).queryParam("year", 2023)
                .get("/api/v1/regions/640300/quality").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.overseer("640000")).queryParam("year", 2023)
                .get("/api/v1/regions/640300/quality").then().statusCode(200);
        given().auth().oauth2(TestTokens.submitter("edu-640323")).queryParam("year", 2023)
                .get("/api/v1/regions/640300/quality").then().statusCode(403);
    }

    @Test
    void aggregatesArePublic() {
        given().queryParam("year", 2023).get("/api/v1/regions/640000/totals").then().statusCode(200);
        given().queryParam("year", 2023).get("/api/v1/regions/640000/completeness").then().statusCode(200);
    }
}
