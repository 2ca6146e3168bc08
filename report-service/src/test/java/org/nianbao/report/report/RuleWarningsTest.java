package org.nianbao.report.report;

import static org.nianbao.report.support.Api.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.nianbao.report.support.Fixtures;

/**
 * Rule violations do not block a report: they are stored as warnings and returned. ?strict=true refuses
 * them. The rule engine's own cases are covered in the model module; here the service wiring is.
 */
@QuarkusTest
class RuleWarningsTest {

    @Test
    void aCleanReportHasNoWarnings() {
        String agency = Fixtures.newAgency("640323");
        submit(agency, 2020, Fixtures.report("seed-004-yanchi-2020.json"), false)
                .then().statusCode(201).body("warnings", empty());
    }

    @Test
    void brokenBalanceIsStoredAsR1R2R3WarningsWithExpectedAndActual() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        ((ObjectNode) report.at("/requests/newReceived")).put("naturalPerson", 4).put("total", 4);
        ((ObjectNode) report.at("/requests/outcome/disclosed")).put("naturalPerson", 3);

        submit(agency, 2020, report, false).then().statusCode(201)
                .body("warnings.rule", hasItems("R1", "R2", "R3"))
                .body("warnings.find { it.rule == 'R1' && it.cells.contains('requests.newReceived.total') }.actual", equalTo(4));
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then()
                .body("warnings.rule", hasItems("R1", "R2", "R3"));
    }

    @Test
    void reviewGroupTotalMismatchWarnsR4() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        ((ObjectNode) report.at("/reviewLitigation/reconsideration")).put("upheld", 2).put("total", 3);
        submit(agency, 2020, report, false).then().statusCode(201).body("warnings.rule", hasItem("R4"));
    }

    @Test
    void strictModeRefusesWarningsAndStoresNothing() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        ((ObjectNode) report.at("/reviewLitigation/reconsideration")).put("upheld", 2);
        submit(agency, 2020, report, true).then().statusCode(422).contentType("application/problem+json")
                .body("warnings.rule", hasItem("R4"));
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);
    }

    @Test
    void carryForwardMustMatchNextYearsCarriedOverX1() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode y2020 = Fixtures.report("seed-004-yanchi-2020.json");
        ((ObjectNode) y2020.at("/requests/newReceived")).put("naturalPerson", 2).put("total", 2);
        ((ObjectNode) y2020.at("/requests/carriedForward")).put("naturalPerson", 2).put("total", 2);
        submit(agency, 2020, y2020, false).then().statusCode(201).body("warnings", empty());

        ObjectNode y2021 = Fixtures.report("seed-004-yanchi-2020.json"); // carriedOver 0, but 2 were carried forward
        submit(agency, 2021, y2021, false).then().statusCode(201).body("warnings.rule", hasItem("X1"));

        ((ObjectNode) y2021.at("/requests/carriedOver")).put("naturalPerson", 2).put("total", 2);
        ((ObjectNode) y2021.at("/requests/carriedForward")).put("naturalPerson", 2).put("total", 2);
        submit(agency, 2021, y2021, false).then().statusCode(200).body("warnings.rule", not(hasItem("X1")));
    }

    @Test
    void documentsInForceFollowFromLastYearX2() {
        String agency = Fixtures.newAgency("640323");
        submit(agency, 2021, Fixtures.gov2021(12, 2, 10), false).then().statusCode(201).body("warnings.rule", not(hasItem("X2")));
        // 2022: 10 in force + 3 issued − 0 repealed should be 13, the report says 20
        submit(agency, 2022, Fixtures.gov2021(3, 0, 20), false).then().statusCode(201).body("warnings.rule", hasItem("X2"));
        submit(agency, 2022, Fixtures.gov2021(3, 0, 13), false).then().statusCode(200).body("warnings.rule", not(hasItem("X2")));
    }

    private static io.restassured.response.Response submit(String agency, int year, ObjectNode body, boolean strict) {
        return given().contentType("application/json").body(body.toString()).queryParam("strict", strict)
                .put("/api/v1/agencies/{a}/reports/{y}", agency, year);
    }
}
