package org.nianbao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.report.support.Api.given;
import static org.nianbao.testsupport.ProblemAnswers.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.nianbao.report.support.Fixtures;
import org.nianbao.testsupport.ProblemAnswers;
import org.nianbao.testsupport.ProblemAnswers.RawAnswer;
import org.nianbao.testsupport.TestTokens;

/**
 * One request per kind of error, each answered as Problem Details that say in the client's terms what is wrong,
 * whether the REST layer, the JSON reader or the HTTP layer refused it.
 */
@QuarkusTest
class ProblemAnswersTest {

    private static final String AGENCY = "{\"name\":\"测试局\",\"regionCode\":\"640323\",\"sector\":\"EDUCATION\"";

    @Test
    void malformedJsonSaysWhere() {
        JsonNode p = problem(400, given().contentType("application/json").body(AGENCY + ",\n\"active\":tru}")
                .post("/api/v1/agencies"));
        assertThat(p.path("detail").asText()).startsWith("the body is not valid JSON at line 2 column");
        JsonNode q = problem(400, given().contentType("application/json").body("{\"template\":\"GOV_2021\",")
                .put("/api/v1/agencies/{a}/reports/2021", Fixtures.newAgency("640323")));
        assertThat(q.path("detail").asText()).startsWith("the body is not valid JSON at line 1 column");
    }

    @Test
    void aWrongTypeNamesTheFieldAndWhatItMustBe() {
        JsonNode p = problem(400, given().contentType("application/json").body(AGENCY + ",\"active\":\"yes\"}")
                .post("/api/v1/agencies"));
        assertThat(p.path("detail").asText()).startsWith("`active` must be true or false");
        assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("active");
        JsonNode q = problem(400, given().contentType("application/json").body("[]").put("/api/v1/agencies/edu-640323"));
        assertThat(q.path("detail").asText()).startsWith("the body must be a JSON object");
    }

    @Test
    void tooDeepNestingSaysTheLimit() {
        String deep = "{\"template\":\"GOV_2021\",\"requests\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "}";
        JsonNode p = problem(400, given().contentType("application/json").body(deep)
                .put("/api/v1/agencies/{a}/reports/2021", Fixtures.newAgency("640323")));
        assertThat(p.path("detail").asText()).startsWith("the body nests deeper than 32 levels");
        String deeper = "{\"deep\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
        JsonNode q = problem(400, given().contentType("application/json").body(deeper).post("/api/v1/agencies"));
        assertThat(q.path("detail").asText()).startsWith("the body nests deeper than");
    }

    @Test
    void anEmptyBodyIsRefused() {
        problem(400, given().contentType("application/json").post("/api/v1/agencies"));
        problem(400, given().contentType("application/json").body("")
                .put("/api/v1/agencies/{a}/reports/2021", Fixtures.newAgency("640323")));
    }

    @Test
    void unknownPathsInsideAndOutsideTheApi() {
        assertThat(problem(404, given().get("/api/v1/nothing-here")).path("detail").asText()).contains("/api/v1/nothing-here");
        problem(404, given().get("/nothing-here"));
        problem(404, given().accept("text/html").get("/nothing/here.html"));
    }

    @Test
    void aWrongMethodIsNamed() {
        assertThat(problem(405, given().delete("/api/v1/agencies")).path("detail").asText())
                .startsWith("DELETE is not allowed at /api/v1/agencies");
    }

    @Test
    void unsupportedAndUnacceptableMediaTypes() {
        assertThat(problem(415, given().contentType("text/plain").body("hello")
                .put("/api/v1/agencies/{a}/reports/2021", Fixtures.newAgency("640323"))).path("detail").asText())
                .contains("send application/json");
        problem(406, given().accept("application/xml").get("/api/v1/agencies/edu-640323/reports/2020"));
    }

    @Test
    void aTooLongUriAndTooLargeHeadersAreRefusedWithProblems() {
        problem(414, given().get("/api/v1/agencies?region=" + "6".repeat(5000)));
        problem(431, given().header("X-Padding", "x".repeat(25_000)).get("/api/v1/agencies/edu-640323"));
        // the service keeps serving
        given().get("/api/v1/agencies/edu-640323").then().statusCode(200);
    }

    @Test
    void brokenPercentEncodingInThePathOrTheQueryIsAProblem() {
        ProblemAnswers.assertProblem(400, ProblemAnswers.exchange("localhost", RestAssured.port,
                "GET /api/v1/agencies/edu-%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        ProblemAnswers.assertProblem(400, ProblemAnswers.exchange("localhost", RestAssured.port,
                "GET /api/v1/agencies?region=%E6%9 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        given().get("/api/v1/agencies/edu-640323").then().statusCode(200);
    }

    @Test
    void aMalformedRequestLineIsRefusedAndTheConnectionClosed() {
        RawAnswer answer = ProblemAnswers.exchange("localhost", RestAssured.port,
                "GET /api/v1/agencies HTTP/1.1 trailing\r\nHost: localhost\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.closed()).as("the connection is closed after the refusal").isTrue();
        given().get("/api/v1/agencies/edu-640323").then().statusCode(200);
    }

    @Test
    void aTooLargeBodyIsRefusedBeforeItIsRead() {
        problem(413, given().contentType("application/json").body("{\"overview\":\"" + "x".repeat(2_200_000) + "\"}")
                .put("/api/v1/agencies/{a}/reports/2021", Fixtures.newAgency("640323")));
    }

    @Test
    void missingOrInvalidTokensAndWrongRoles() {
        problem(401, RestAssured.given().contentType("application/json").body(AGENCY + "}").post("/api/v1/agencies"));
        problem(401, RestAssured.given().auth().oauth2("not-a-token").contentType("application/json").body(AGENCY + "}")
                .post("/api/v1/agencies"));
        problem(403, RestAssured.given().auth().oauth2(TestTokens.submitter("edu-640323")).contentType("application/json")
                .body(AGENCY + "}").post("/api/v1/agencies"));
    }

    private static JsonNode problem(int status, Response r) {
        return assertProblem(status, r.statusCode(), r.contentType(), r.asString());
    }
}
