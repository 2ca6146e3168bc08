package org.nianbao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.testsupport.ProblemAnswers.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.ProblemAnswers;
import org.nianbao.testsupport.ProblemAnswers.RawAnswer;
import org.nianbao.testsupport.TestTokens;

/**
 * One request per kind of error through the gateway, each answered as Problem Details in the client's terms:
 * the gateway's own refusals, the services' passed through, and what the HTTP layer refuses before any route.
 */
@QuarkusTest
class ProblemAnswersTest {

    private static final String AGENCY = "{\"name\":\"测试局\",\"regionCode\":\"640323\",\"sector\":\"EDUCATION\"";

    @Test
    void malformedJson() {
        JsonNode p = problem(400, admin().contentType("application/json").body(AGENCY + ",\"active\":tru}").post("/api/v1/agencies"));
        assertThat(p.path("detail").asText()).startsWith("the body is not valid JSON at line 1 column");
    }

    @Test
    void wrongJsonTypeForAField() {
        JsonNode p = problem(400, admin().contentType("application/json").body(AGENCY + ",\"active\":\"yes\"}").post("/api/v1/agencies"));
        assertThat(p.path("detail").asText()).startsWith("`active` must be true or false");
        problem(400, admin().contentType("application/json").body("[]").post("/api/v1/agencies"));
    }

    @Test
    void tooDeepNesting() {
        String deep = "{\"template\":\"GOV_2021\",\"requests\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "}";
        JsonNode p = problem(400, admin().contentType("application/json").body(deep).put("/api/v1/agencies/edu-640323/reports/2021"));
        assertThat(p.path("detail").asText()).startsWith("the body nests deeper than 32 levels");
    }

    @Test
    void emptyBody() {
        problem(400, admin().contentType("application/json").body("").put("/api/v1/agencies/edu-640323/reports/2021"));
    }

    @Test
    void unknownPathInsideAndOutsideTheApi() {
        problem(404, given().get("/api/v1/nothing-here"));
        problem(404, given().accept("text/html").get("/nothing-here"));
        problem(404, given().get("/api/v2/templates"));
    }

    @Test
    void wrongMethod() {
        problem(405, admin().delete("/api/v1/agencies"));
        problem(405, given().post("/api/openapi.json"));
    }

    @Test
    void unsupportedMediaTypeAndNotAcceptable() {
        problem(415, admin().contentType("text/plain").body("hello").put("/api/v1/agencies/edu-640323/reports/2021"));
        problem(406, given().accept("application/xml").get("/api/v1/agencies/edu-640323/reports/2020"));
    }

    @Test
    void uriTooLongAndHeadersTooLarge() {
        problem(414, given().get("/api/v1/agencies?region=" + "6".repeat(5000)));
        problem(431, given().header("X-Padding", "x".repeat(25_000)).get("/api/v1/agencies/edu-640323"));
        given().get("/api/v1/agencies/edu-640323").then().statusCode(200);
    }

    @Test
    void brokenPercentEncoding() {
        ProblemAnswers.assertProblem(400, ProblemAnswers.exchange("localhost", RestAssured.port,
                "GET /api/v1/agencies/edu-%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        ProblemAnswers.assertProblem(400, ProblemAnswers.exchange("localhost", RestAssured.port,
                "GET /api/v1/regions/620000/totals?year=%E6%9 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void malformedRequestLine() {
        RawAnswer answer = ProblemAnswers.exchange("localhost", RestAssured.port,
                "GET /api/v1/templates HTTP/1.1 trailing\r\nHost: localhost\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.closed()).as("the connection is closed after the refusal").isTrue();
    }

    @Test
    void bodyTooLargeAndLengthMissing() {
        problem(413, admin().contentType("application/json").body("{\"overview\":\"" + "x".repeat(2_200_000) + "\"}")
                .put("/api/v1/agencies/edu-640323/reports/2021"));
        RawAnswer chunked = ProblemAnswers.exchange("localhost", RestAssured.port,
                "POST /api/v1/agencies HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestTokens.admin()
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        assertProblem(411, chunked);
    }

    @Test
    void invalidTokenAndWrongRole() {
        problem(401, given().auth().oauth2(TestTokens.forged()).get("/api/v1/templates"));
        problem(401, given().auth().oauth2("not-a-token").get("/api/v1/templates"));
        problem(403, given().auth().oauth2(TestTokens.submitter("edu-640323")).contentType("application/json")
                .body(AGENCY + "}").post("/api/v1/agencies"));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin());
    }

    private static JsonNode problem(int status, Response r) {
        return assertProblem(status, r.statusCode(), r.contentType(), r.asString());
    }
}
