package org.nianbao.report.template;

import static org.nianbao.report.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Dashboards and integrators build their forms from these documents. */
@QuarkusTest
class TemplateResourceTest {

    @Test
    void catalogListsTheThreeTemplatesRulesAndIndicators() {
        given().get("/api/v1/templates").then().statusCode(200)
                .body("templates.id", equalTo(java.util.List.of("GOV_2019", "GOV_2021", "LEGACY")))
                .body("rules.id", hasItems("R1", "R2", "R3", "R4", "R5", "X1", "X2"))
                .body("indicators.code", hasItems("disclosureRate", "carryForwardRate", "requestsYoY"))
                .body("sections", hasSize(6));
    }

    @Test
    void gov2021HasItsRowsColumnsLabelsAndGroups() {
        given().get("/api/v1/templates/GOV_2021").then().statusCode(200)
                .body("id", equalTo("GOV_2021"))
                .body("tables.find { it.section == 'requests' }.rows", hasSize(25))
                .body("tables.find { it.section == 'requests' }.columns.code", hasItems("naturalPerson", "total"))
                .body("tables.find { it.section == 'requests' }.rows.code", hasItems("outcome.other.feeUnpaid"))
                .body("tables.find { it.section == 'activeDisclosure' }.rows.find { it.code == 'rules' }.label", equalTo("规章"))
                .body("groups.code", hasItems("requests.outcome.withheld", "requests.outcome.otherTotal"))
                .body("rules.id", hasItems("X2"))
                .body("indicators.code", hasItems("disclosureRate"));
    }

    @Test
    void gov2019DoesNotCarryTheGov2021OnlyRule() {
        given().get("/api/v1/templates/GOV_2019").then().statusCode(200)
                .body("tables.find { it.section == 'requests' }.rows", hasSize(23))
                .body("rules.id", not(hasItems("X2")));
    }

    @Test
    void unknownTemplateIsA404ThatNamesTheValidOnes() {
        given().get("/api/v1/templates/GOV_2030").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("GOV_2021"));
    }
}
