package org.nianbao.report.report;

import static org.nianbao.report.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.Fixtures;
import org.nianbao.report.support.TopicReader;

/** Bad input gets one Problem Details listing every problem, and changes nothing. */
@QuarkusTest
class BadSubmissionTest {

    @Test
    void everyProblemIsListedAtOnceWithItsCellCode() {
        String agency = Fixtures.newAgency("610600");
        ObjectNode report = Fixtures.report("seed-000-yanan-2019.json");
        ((ObjectNode) report.at("/requests/newReceived")).put("naturalPerson", -3);
        ((ObjectNode) report.at("/requests/carriedOver")).put("total", "12");
        ((ObjectNode) report.at("/activeDisclosure/rules")).put("newlyMade", 1.5);
        ((ObjectNode) report.at("/requests/outcome")).putObject("bogus").put("total", 1);
        report.put("overview", "很".repeat(70_000));

        given().contentType("application/json").body(report.toString())
                .put("/api/v1/agencies/{a}/reports/2019", agency)
                .then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.field", hasItems("requests.newReceived.naturalPerson", "requests.carriedOver.total",
                        "activeDisclosure.rules.newlyMade", "overview"))
                .body("errors.type", hasItems("NEGATIVE_COUNT", "WRONG_TYPE", "NOT_WHOLE", "UNKNOWN_CELL", "TOO_LONG"))
                .body("errors.findAll { it.type == 'NEGATIVE_COUNT' }.rule", hasItem("R5"));

        assertNothingStored(agency, 2019);
    }

    @Test
    void malformedJsonIsA400ProblemThatSaysWhere() {
        String agency = Fixtures.newAgency("610600");
        given().contentType("application/json").body("{\"template\": \"GOV_2019\", \"requests\": {")
                .put("/api/v1/agencies/{a}/reports/2019", agency)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].type", equalTo("MALFORMED"));
        assertNothingStored(agency, 2019);
    }

    @Test
    void unknownAgencyIsA404() {
        given().contentType("application/json").body(Fixtures.report("seed-000-yanan-2019.json").toString())
                .put("/api/v1/agencies/no-such-agency/reports/2019")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("no-such-agency"));
    }

    @Test
    void yearOutOfRangeIsRefused() {
        String agency = Fixtures.newAgency("610600");
        int future = Year.now().getValue() + 1;
        for (int year : new int[] {1999, future}) {
            given().contentType("application/json").body(Fixtures.report("seed-000-yanan-2019.json").toString())
                    .put("/api/v1/agencies/{a}/reports/{y}", agency, year)
                    .then().statusCode(422).body("errors.field", hasItem("year"));
            assertNothingStored(agency, year);
        }
    }

    @Test
    void aCellOfTheOtherTemplateIsNamedAsSuch() {
        String agency = Fixtures.newAgency("610600");
        ObjectNode report = Fixtures.report("seed-000-yanan-2019.json");
        ((ObjectNode) report.at("/activeDisclosure/rules")).put("inForce", 3);
        given().contentType("application/json").body(report.toString())
                .put("/api/v1/agencies/{a}/reports/2019", agency)
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("activeDisclosure.rules.inForce"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("GOV_2021"));
    }

    @Test
    void validateOnlyReportsErrorsAndWarningsButStoresNothing() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json").put("agencyId", agency).put("year", 2020);
        ((ObjectNode) report.at("/requests/newReceived")).put("total", 5);
        given().contentType("application/json").body(report.toString()).post("/api/v1/reports:validate")
                .then().statusCode(200).body("valid", equalTo(true)).body("warnings.rule", hasItems("R1", "R3"));

        ((ObjectNode) report.at("/requests/newReceived")).put("total", -5);
        given().contentType("application/json").body(report.toString()).post("/api/v1/reports:validate")
                .then().statusCode(422).body("errors.type", hasItem("NEGATIVE_COUNT"));
        assertNothingStored(agency, 2020);
    }

    private static void assertNothingStored(String agency, int year) {
        given().get("/api/v1/agencies/{a}/reports/{y}", agency, year).then().statusCode(404);
        given().get("/api/v1/agencies/{a}/reports/{y}/versions", agency, year).then().statusCode(404);
        // The relay sends in commit order: once a later report's event is on the topic, an event for the
        // refused one would be there too if it existed.
        String marker = Fixtures.newAgency("640323");
        given().contentType("application/json").body(Fixtures.report("seed-004-yanchi-2020.json").toString())
                .put("/api/v1/agencies/{a}/reports/2020", marker).then().statusCode(201);
        assertThat(TopicReader.await(Topics.REPORTS, marker + "/2020", 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(TopicReader.read(Topics.REPORTS, e -> e.key().equals(agency + "/" + year))).isEmpty();
    }
}
