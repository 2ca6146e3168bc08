package org.nianbao.report.report;

import static org.nianbao.report.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nianbao.model.event.EventJson;
import org.nianbao.report.support.Fixtures;

/** The numbers of seeds 000, 002 and 004, entered by hand from the published texts, survive a round trip. */
@QuarkusTest
class SeedReportsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "seed-000-yanan-2019.json, 610600, 2019, 198",
            "seed-002-yueyanglou-2023.json, 430602, 2023, 44",
            "seed-004-yanchi-2020.json, 640323, 2020, 198"})
    void submittedSeedReadsBackCellByCell(String file, String region, int year, int filled) throws Exception {
        String agency = Fixtures.newAgency(region);
        ObjectNode sent = Fixtures.report(file);

        given().contentType("application/json").body(sent.toString())
                .put("/api/v1/agencies/{a}/reports/{y}", agency, year)
                .then().statusCode(201).header("ETag", "\"v1\"").body("filledCells", equalTo(filled));

        String body = given().get("/api/v1/agencies/{a}/reports/{y}", agency, year)
                .then().statusCode(200).header("ETag", "\"v1\"").extract().asString();
        JsonNode read = EventJson.mapper().readTree(body);

        String[] sections = {"activeDisclosure", "requests", "reviewLitigation"};
        Map<String, String> expected = Fixtures.flatten(sent, sections);
        assertThat(Fixtures.flatten(read, sections)).isEqualTo(expected);
        assertThat(expected).hasSize(filled);
        assertThat(read.get("template").asText()).isEqualTo("GOV_2019");
        assertThat(read.get("overview").asText()).isEqualTo(sent.get("overview").asText());
    }

    @org.junit.jupiter.api.Test
    void blankCellsStayBlankAndAreNotZero() throws Exception {
        String agency = Fixtures.newAgency("430602");
        given().contentType("application/json").body(Fixtures.report("seed-002-yueyanglou-2023.json").toString())
                .put("/api/v1/agencies/{a}/reports/2023", agency).then().statusCode(201);

        JsonNode read = EventJson.mapper().readTree(given().get("/api/v1/agencies/{a}/reports/2023", agency).asString());
        JsonNode newReceived = read.at("/requests/newReceived");
        assertThat(newReceived.get("total").asInt()).isZero();
        assertThat(newReceived.has("naturalPerson")).as("a blank applicant column is absent, not 0").isFalse();
        assertThat(read.at("/activeDisclosure/licensing").isMissingNode()).isTrue();
        assertThat(read.get("blankCells").toString()).contains("requests.newReceived.naturalPerson",
                "activeDisclosure.licensing.decisions");
        // GOV_2019 used for a 2023 report is accepted, with a warning that says so
        assertThat(read.get("warnings").findValuesAsText("rule")).contains("T1");
    }
}
