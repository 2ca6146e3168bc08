package org.nianbao.report.report;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.nianbao.report.support.Api.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.nianbao.report.support.Fixtures;

/**
 * Prefer: return=minimal (RFC 7240) answers a submission with the version's summary; the whole report is stored
 * all the same, and a client that does not ask gets the whole report back as before.
 */
@QuarkusTest
class MinimalAnswerTest {

    @Test
    void aMinimalAnswerIsTheSummaryAndTheReportIsStoredWhole() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        given().contentType("application/json").header("Prefer", "return=minimal").body(report.toString())
                .put("/api/v1/agencies/{a}/reports/2020", agency)
                .then().statusCode(201)
                .header("Preference-Applied", "return=minimal")
                .header("ETag", "\"v1\"")
                .body("agencyId", equalTo(agency)).body("version", equalTo(1)).body("warnings", equalTo(0))
                .body("requests", nullValue());

        ((ObjectNode) report.at("/reviewLitigation/reconsideration")).put("upheld", 2).put("total", 3); // breaks R4
        given().contentType("application/json").header("Prefer", "respond-async, RETURN=minimal; x=1")
                .body(report.toString()).put("/api/v1/agencies/{a}/reports/2020", agency)
                .then().statusCode(200).header("Preference-Applied", "return=minimal")
                .body("version", equalTo(2)).body("warnings", greaterThan(0));

        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(200)
                .body("version", equalTo(2))
                .body("reviewLitigation.reconsideration.total", equalTo(3))
                .body("warnings.rule", org.hamcrest.Matchers.hasItem("R4"));
    }

    @Test
    void withoutThePreferenceTheAnswerIsTheWholeReport() {
        String agency = Fixtures.newAgency("640323");
        given().contentType("application/json").body(Fixtures.report("seed-004-yanchi-2020.json").toString())
                .put("/api/v1/agencies/{a}/reports/2020", agency)
                .then().statusCode(201)
                .header("Preference-Applied", nullValue())
                .body("requests.newReceived.total", notNullValue())
                .body("warnings.size()", equalTo(0));
    }
}
