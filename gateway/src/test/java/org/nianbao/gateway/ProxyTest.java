package org.nianbao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.TestTokens;

/** The gateway passes the services' answers through unchanged and adds what every answer needs. */
@QuarkusTest
class ProxyTest {

    private static final String REPORT = "{\"template\":\"GOV_2021\",\"activeDisclosure\":{\"licensing\":{\"decisions\":7}}}";

    @Test
    void statusEtagLocationAndProblemDetailsPassThrough() {
        String token = TestTokens.submitter("edu-430602");
        given().auth().oauth2(token).contentType("application/json").body(REPORT)
                .put("/api/v1/agencies/edu-430602/reports/2022").then().statusCode(201)
                .header("ETag", "\"v1\"").header("Location", containsString("/api/v1/agencies/edu-430602/reports/2022"));
        given().auth().oauth2(token).header("If-Match", "\"v7\"").contentType("application/json").body(REPORT)
                .put("/api/v1/agencies/edu-430602/reports/2022").then().statusCode(412)
                .contentType("application/problem+json").body("status", equalTo(412));
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"template\":\"GOV_2021\",\"requests\":{\"newReceived\":{\"total\":-1}}}")
                .put("/api/v1/agencies/edu-430602/reports/2022").then().statusCode(422)
                .body("errors.type", hasItems("NEGATIVE_COUNT"));
        given().get("/api/v1/agencies/edu-430602/reports/2022").then().statusCode(200).header("ETag", "\"v1\"")
                .body("activeDisclosure.licensing.decisions", equalTo(7));
    }

    @Test
    void aSubmissionThroughTheGatewayReachesTheAggregates() {
        given().auth().oauth2(TestTokens.submitter("edu-140700")).contentType("application/json")
                .body("{\"template\":\"GOV_2021\",\"requests\":{\"newReceived\":{\"total\":41}}}")
                .put("/api/v1/agencies/edu-140700/reports/2022").then().statusCode(201);
        Eventually.assertThat(Duration.ofSeconds(30), () -> given().queryParam("year", 2022)
                .get("/api/v1/regions/140000/totals").then().statusCode(200)
                .body("cells.'requests.newReceived.total'.sum", equalTo(41)));
    }

    @Test
    void everyAnswerCarriesARequestIdAndAGivenOneIsKept() {
        given().get("/api/v1/templates").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        List<String> ids = given().header("X-Request-Id", "trace-42").get("/api/v1/agencies/edu-640323")
                .then().statusCode(200).extract().headers().getValues("X-Request-Id");
        assertThat(ids).as("the id, once: the service's echo of it is not passed on as a second one").containsExactly("trace-42");
        given().get("/api/v1/nothing-here").then().statusCode(404).header("X-Request-Id", notNullValue())
                .contentType("application/problem+json");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"template\":\"GOV_2021\",\"overview\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(huge)
                .put("/api/v1/agencies/edu-640323/reports/2022").then().statusCode(413)
                .contentType("application/problem+json");
    }

    /** A published report of several MB passes the body limit to the import, which reads it (here: refuses it). */
    @Test
    void aDocumentLargerThanTheBodyLimitReachesTheImport() {
        byte[] pdf = new byte[3 * 1024 * 1024];
        byte[] header = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, header.length);
        java.util.Arrays.fill(pdf, header.length, pdf.length, (byte) ' ');

        given().auth().oauth2(TestTokens.admin()).contentType("application/pdf").body(pdf)
                .post("/api/v1/reports:import").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsStringIgnoringCase("pdf"));
        given().auth().oauth2(TestTokens.admin()).contentType("application/pdf").body(new byte[21 * 1024 * 1024])
                .post("/api/v1/reports:import").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void corsAllowsTheDashboardOrigin() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,prefer")
                .options("/api/v1/agencies/edu-640323/reports/2022").then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsString("Prefer"))
                .header("Access-Control-Max-Age", "3600")
                .header("Vary", "Origin");
        given().header("Origin", "http://localhost:8080").get("/api/v1/templates").then()
                .statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:8080").header("Vary", "Origin")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("ETag"));
        // another origin's page gets the answer without CORS headers (its browser keeps it from the page) ...
        given().header("Origin", "https://evil.example").get("/api/v1/templates").then()
                .statusCode(200).header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        // ... and its preflight is refused, saying which origins may
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .options("/api/v1/agencies/edu-640323/reports/2022").then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("http://localhost:8080"));
    }

    @Test
    void directWritesToTheServicesWithoutATokenAreRefusedThere() {
        given().baseUri(SuiteResource.reportService.url()).contentType("application/json").body(REPORT)
                .put("/api/v1/agencies/edu-640323/reports/2022").then().statusCode(401);
        given().baseUri(SuiteResource.aggregationService.url()).post("/api/v1/admin/rebuild").then().statusCode(401);
        given().baseUri(SuiteResource.reportService.url()).auth().oauth2(TestTokens.submitter("edu-610600"))
                .contentType("application/json").body(REPORT).put("/api/v1/agencies/edu-640323/reports/2022")
                .then().statusCode(403);
    }
}
