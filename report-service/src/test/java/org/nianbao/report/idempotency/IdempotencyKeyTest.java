package org.nianbao.report.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.nianbao.report.support.Api.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nianbao.report.support.Fixtures;
import org.nianbao.testsupport.TestTokens;

/** Writes retried with an Idempotency-Key: the first answer again and nothing stored twice. */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRetriedSubmissionGetsTheFirstAnswerAndStoresNoSecondVersion() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        String key = "\"" + UUID.randomUUID() + "\"";

        Response first = put(agency, report, key);
        Response again = put(agency, report, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"v1\"");
        assertThat(again.header("Location")).isEqualTo(first.header("Location")).endsWith("/api/v1/agencies/" + agency + "/reports/2020");
        assertThat(again.header("Content-Location")).isEqualTo(first.header("Content-Location"));
        assertThat(again.contentType()).startsWith("application/json");
        assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
        given().get("/api/v1/agencies/{a}/reports/2020/versions", agency).then().statusCode(200).body("$", hasSize(1));

        // a new key is a new write
        put(agency, report, UUID.randomUUID().toString()).then().statusCode(200).header("ETag", "\"v2\"");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndStoresNothing() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        String key = UUID.randomUUID().toString();
        put(agency, report, key).then().statusCode(201);

        ((ObjectNode) report.at("/activeDisclosure/licensing")).put("decisions", 229);
        put(agency, report, key).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://nianbao.org/problems/idempotency-key-reused"));
        given().get("/api/v1/agencies/{a}/reports/2020/versions", agency).then().body("$", hasSize(1))
                .body("[0].activeDisclosure.licensing.decisions", equalTo(228));
    }

    @Test
    void keysBelongToTheirCaller() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        String key = UUID.randomUUID().toString();
        put(agency, report, key).then().statusCode(201);
        RestAssured.given().auth().oauth2(TestTokens.submitter(agency)).header("Idempotency-Key", key)
                .contentType("application/json").body(report.toString())
                .put("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(200).header("ETag", "\"v2\"");
    }

    @Test
    void aKeyOverTheLimitIsABadRequest() {
        String agency = Fixtures.newAgency("640323");
        put(agency, Fixtures.report("seed-004-yanchi-2020.json"), "k".repeat(256)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        put(agency, Fixtures.report("seed-004-yanchi-2020.json"), "\"unterminated\\\"").then().statusCode(400);
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);
        put(agency, Fixtures.report("seed-004-yanchi-2020.json"), "k".repeat(255)).then().statusCode(201);
    }

    @Test
    void aRepeatWhileTheFirstIsInProgressIsAConflict() throws Exception {
        String agency = Fixtures.newAgency("640323");
        String key = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // the lock the first request's transaction holds until it commits
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                ps.setString(1, "idempotency-key\nadmin-1\n" + key);
                ps.execute();
            }
            put(agency, Fixtures.report("seed-004-yanchi-2020.json"), key).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://nianbao.org/problems/idempotency-key-in-flight"));
            c.rollback();
        }
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);
        put(agency, Fixtures.report("seed-004-yanchi-2020.json"), key).then().statusCode(201);
    }

    @Test
    void batchesWithdrawalsAndAgenciesAreAnsweredOnceToo() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json").put("agencyId", agency).put("year", 2020);
        String batch = "{\"reports\":[" + report + "]}";
        String batchKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().header("Idempotency-Key", batchKey).contentType("application/json").body(batch)
                    .post("/api/v1/reports:batch").then().statusCode(200).body("reports[0].version", equalTo(1));
        }
        given().header("Idempotency-Key", batchKey).contentType("application/json").body(batch.replace("228", "227"))
                .post("/api/v1/reports:batch").then().statusCode(422);

        String withdrawKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().header("Idempotency-Key", withdrawKey).delete("/api/v1/agencies/{a}/reports/2020", agency)
                    .then().statusCode(200).header("ETag", "\"v2\"").body("status", equalTo("WITHDRAWN"));
        }
        given().get("/api/v1/agencies/{a}/reports/2020/versions", agency).then().body("$", hasSize(2));

        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String agencyKey = UUID.randomUUID().toString();
        Map<String, String> input = Map.of("id", id, "name", "测试教育局 " + id, "regionCode", "640300", "sector", "EDUCATION");
        for (int i = 0; i < 2; i++) { // without the key, the second would be a 409: the agency exists
            given().header("Idempotency-Key", agencyKey).contentType("application/json").body(input)
                    .post("/api/v1/agencies").then().statusCode(201).body("id", equalTo(id));
        }
    }

    private static Response put(String agency, ObjectNode report, String key) {
        return given().header("Idempotency-Key", key).contentType("application/json").body(report.toString())
                .put("/api/v1/agencies/{a}/reports/2020", agency);
    }

}
