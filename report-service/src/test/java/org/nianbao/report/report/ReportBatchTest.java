package org.nianbao.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.nianbao.report.support.Api.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.Fixtures;
import org.nianbao.report.support.TopicReader;
import org.nianbao.report.support.TopicReader.Event;
import org.nianbao.testsupport.TestTokens;

/**
 * POST /api/v1/reports:batch stores every report of a batch, each as the version and event a PUT of it would make,
 * or none of them: a refusal lists the problems of every report at once.
 */
@QuarkusTest
class ReportBatchTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyReportBecomesItsOwnVersionAndEventInTheOrderSent() {
        String a = Fixtures.newAgency("640323");
        String b = Fixtures.newAgency("640323");
        ObjectNode revised = item(b, 2019);
        given().contentType("application/json").body(item(b, 2019).toString())
                .put("/api/v1/agencies/{a}/reports/2019", b).then().statusCode(201);
        ((ObjectNode) revised.at("/activeDisclosure/licensing")).put("decisions", 231);

        given().contentType("application/json").body(batch(item(a, 2020), revised, item(b, 2020)).toString())
                .post("/api/v1/reports:batch")
                .then().statusCode(200)
                .body("reports.agencyId", equalTo(List.of(a, b, b)))
                .body("reports.year", equalTo(List.of(2020, 2019, 2020)))
                .body("reports.version", equalTo(List.of(1, 2, 1)))
                .body("reports.warnings", equalTo(List.of(0, 0, 0)));

        given().get("/api/v1/agencies/{a}/reports/2019/versions", b).then().statusCode(200)
                .body("activeDisclosure.licensing.decisions", equalTo(List.of(228, 231)));
        given().get("/api/v1/agencies/{a}/reports/2020", a).then().statusCode(200)
                .body("requests.newReceived.total", equalTo(Fixtures.report("seed-004-yanchi-2020.json")
                        .at("/requests/newReceived/total").asInt()));

        List<Event> events = TopicReader.await(Topics.REPORTS, b + "/2019", 2, EVENT_WAIT);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).value().at("/data/version").asInt()).isEqualTo(2);
        assertThat(events.get(1).value().at("/data/previousVersion").asInt()).isEqualTo(1);
        assertThat(events.get(1).value().at("/data/cells/activeDisclosure.licensing.decisions").asInt()).isEqualTo(231);
        assertThat(TopicReader.await(Topics.REPORTS, a + "/2020", 1, EVENT_WAIT)).hasSize(1);
    }

    @Test
    void oneBadReportRefusesTheWholeBatchListingEveryProblem() {
        String a = Fixtures.newAgency("640323");
        ObjectNode negative = item(a, 2019);
        ((ObjectNode) negative.at("/requests/newReceived")).put("naturalPerson", -1);
        ObjectNode noYear = item(a, 2018);
        noYear.remove("year");
        ObjectNode unknownAgency = item("no-such-agency", 2020);

        given().contentType("application/json").body(batch(item(a, 2020), negative, noYear, unknownAgency).toString())
                .post("/api/v1/reports:batch")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("reports[1].requests.newReceived.naturalPerson", "reports[2].year",
                        "reports[3].agencyId"))
                .body("errors.field", not(hasItem(org.hamcrest.Matchers.startsWith("reports[0]"))))
                .body("errors.type", hasItems("NEGATIVE_COUNT", "REQUIRED", "UNKNOWN_AGENCY"));

        given().get("/api/v1/agencies/{a}/reports/2020", a).then().statusCode(404); // the good one was not stored either
    }

    @Test
    void theSameReportTwiceInOneBatchIsRefused() {
        String a = Fixtures.newAgency("640323");
        given().contentType("application/json").body(batch(item(a, 2020), item(a, 2020)).toString())
                .post("/api/v1/reports:batch")
                .then().statusCode(422).body("errors.type", equalTo(List.of("DUPLICATE")))
                .body("errors.field", equalTo(List.of("reports[1]")));
        given().get("/api/v1/agencies/{a}/reports/2020", a).then().statusCode(404);
    }

    @Test
    void aSubmitterSendsOnlyItsOwnAgencysReports() {
        String own = Fixtures.newAgency("640323");
        String other = Fixtures.newAgency("640323");
        String token = TestTokens.submitter(own);

        RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(batch(item(own, 2020), item(other, 2020)).toString()).post("/api/v1/reports:batch")
                .then().statusCode(403).body("errors.field", equalTo(List.of("reports[1].agencyId")));
        given().get("/api/v1/agencies/{a}/reports/2020", own).then().statusCode(404);

        RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(batch(item(own, 2020), item(own, 2019)).toString()).post("/api/v1/reports:batch")
                .then().statusCode(200).body("reports.version", equalTo(List.of(1, 1)));
        RestAssured.given().contentType("application/json").body(batch(item(own, 2020)).toString())
                .post("/api/v1/reports:batch").then().statusCode(401);
    }

    @Test
    void theCrossYearRulesReadTheYearBeforeWhenItIsInTheSameBatch() {
        String a = Fixtures.newAgency("640323");
        // 2021 leaves 10 rules in force; 2022 says 20 with 3 issued and none repealed: X2 breaks (10 + 3 - 0 ≠ 20)
        given().contentType("application/json").body(batch(gov2021(a, 2021, 12, 2, 10), gov2021(a, 2022, 3, 0, 20),
                        gov2021(a, 2023, 1, 0, 21)).toString())
                .post("/api/v1/reports:batch").then().statusCode(200);
        given().get("/api/v1/agencies/{a}/reports/2022", a).then().body("warnings.rule", hasItem("X2"));
        given().get("/api/v1/agencies/{a}/reports/2023", a).then().body("warnings.rule", not(hasItem("X2")));

        // a later batch reads the year before from what is stored: 21 in force in 2023, 5 in 2024 with nothing repealed
        given().contentType("application/json").body(batch(gov2021(a, 2024, 0, 0, 5)).toString())
                .post("/api/v1/reports:batch").then().statusCode(200).body("reports[0].warnings", org.hamcrest.Matchers.greaterThan(0));
        given().get("/api/v1/agencies/{a}/reports/2024", a).then().body("warnings.rule", hasItem("X2"));
    }

    @Test
    void strictRefusesTheBatchWhenAnyReportBreaksARule() {
        String a = Fixtures.newAgency("640323");
        ObjectNode broken = item(a, 2019);
        ((ObjectNode) broken.at("/reviewLitigation/reconsideration")).put("upheld", 2).put("total", 3); // breaks R4
        given().contentType("application/json").queryParam("strict", true).body(batch(item(a, 2020), broken).toString())
                .post("/api/v1/reports:batch")
                .then().statusCode(422).body("errors.rule", hasItem("R4")).body("errors.field", hasItem("reports[1]"));
        given().get("/api/v1/agencies/{a}/reports/2020", a).then().statusCode(404);
    }

    @Test
    void aBodyThatIsNotABatchIsABadRequest() {
        for (String body : new String[] {"{}", "{\"reports\": []}", "[]", "{\"reports\": {}}"}) {
            given().contentType("application/json").body(body).post("/api/v1/reports:batch")
                    .then().statusCode(400).body("errors.field", hasItem("reports"));
        }
        given().contentType("application/json").body("").post("/api/v1/reports:batch")
                .then().statusCode(400).body("detail", containsString("no body"));
        given().contentType("application/json").body("{\"reports\": [").post("/api/v1/reports:batch")
                .then().statusCode(400).body("detail", containsString("not valid JSON at line 1"));
        ArrayNode tooMany = JSON.createArrayNode();
        for (int i = 0; i <= ReportBatch.MAX_REPORTS; i++) {
            tooMany.addObject().put("template", "GOV_2019");
        }
        given().contentType("application/json").body(JSON.createObjectNode().set("reports", tooMany).toString())
                .post("/api/v1/reports:batch").then().statusCode(400);
    }

    /** The 盐池县 2020 seed report (GOV_2019, no rule warnings) as agency's report of year. */
    private static ObjectNode item(String agency, int year) {
        return Fixtures.report("seed-004-yanchi-2020.json").put("agencyId", agency).put("year", year);
    }

    /** A GOV_2021 report whose only activity is in 规章, as agency's report of year. */
    private static ObjectNode gov2021(String agency, int year, int issued, int repealed, int inForce) {
        return Fixtures.gov2021(issued, repealed, inForce).put("agencyId", agency).put("year", year);
    }

    private static ObjectNode batch(ObjectNode... reports) {
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("reports").addAll(List.of(reports));
        return batch;
    }
}
