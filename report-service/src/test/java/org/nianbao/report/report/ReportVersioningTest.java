package org.nianbao.report.report;

import static org.nianbao.report.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.Fixtures;
import org.nianbao.report.support.TopicReader;
import org.nianbao.report.support.TopicReader.Event;

/** Revisions, withdrawals, the history, concurrency guards and the events they publish. */
@QuarkusTest
class ReportVersioningTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @Test
    void revisionMakesVersionTwoAndItsEventNamesVersionOne() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        put(agency, 2020, report, null).then().statusCode(201);

        ((ObjectNode) report.at("/activeDisclosure/licensing")).put("decisions", 230);
        put(agency, 2020, report, "\"v1\"").then().statusCode(200).header("ETag", "\"v2\"")
                .body("version", equalTo(2)).body("previousVersion", equalTo(1))
                .body("activeDisclosure.licensing.decisions", equalTo(230));

        given().get("/api/v1/agencies/{a}/reports/2020/versions", agency).then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("activeDisclosure.licensing.decisions", equalTo(List.of(228, 230)));
        given().get("/api/v1/agencies/{a}/reports/2020/versions/1", agency).then().statusCode(200)
                .body("activeDisclosure.licensing.decisions", equalTo(228));

        List<Event> events = TopicReader.await(Topics.REPORTS, agency + "/2020", 2, EVENT_WAIT);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).value().at("/data/version").asInt()).isEqualTo(2);
        assertThat(events.get(1).value().at("/data/previousVersion").asInt()).isEqualTo(1);
        assertThat(events.get(1).value().at("/data/cells/activeDisclosure.licensing.decisions").asInt()).isEqualTo(230);
        assertThat(events.get(0).value().at("/data/previousVersion").isNull()).isTrue();
    }

    @Test
    void withdrawalAddsAVersionKeepsTheHistoryAndPublishesItsEvent() {
        String agency = Fixtures.newAgency("610600");
        put(agency, 2019, Fixtures.report("seed-000-yanan-2019.json"), null).then().statusCode(201);

        given().delete("/api/v1/agencies/{a}/reports/2019", agency).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("version", equalTo(2));
        given().get("/api/v1/agencies/{a}/reports/2019", agency).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().get("/api/v1/agencies/{a}/reports/2019/versions", agency).then()
                .body("status", equalTo(List.of("ACTIVE", "WITHDRAWN")));
        given().delete("/api/v1/agencies/{a}/reports/2019", agency).then().statusCode(409);

        List<Event> events = TopicReader.await(Topics.REPORTS, agency + "/2019", 2, EVENT_WAIT);
        assertThat(events).hasSize(2);
        Event withdrawal = events.get(1);
        assertThat(withdrawal.value().get("type").asText()).isEqualTo(Topics.REPORT_WITHDRAWN_TYPE);
        assertThat(withdrawal.value().at("/data/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawal.value().at("/data/previousVersion").asInt()).isEqualTo(1);
        assertThat(withdrawal.value().at("/data/cells").size()).isZero();
    }

    @Test
    void staleIfMatchIsRefusedWith412AndChangesNothing() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        put(agency, 2020, report, null).then().statusCode(201);
        put(agency, 2020, report, "\"v1\"").then().statusCode(200);

        put(agency, 2020, report, "\"v1\"").then().statusCode(412)
                .contentType("application/problem+json").body("status", equalTo(412));
        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().header("ETag", "\"v2\"");
        given().header("If-None-Match", "*").contentType("application/json").body(report.toString())
                .put("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(412);
    }

    @Test
    void aConsumerReadsExactlyOneEventPerAcceptedChangeInOrder() {
        String agency = Fixtures.newAgency("430602");
        ObjectNode report = Fixtures.report("seed-002-yueyanglou-2023.json");
        for (int i = 0; i < 5; i++) {
            ((ObjectNode) report.at("/activeDisclosure/rules")).put("newlyMade", i);
            put(agency, 2023, report, null).then().statusCode(i == 0 ? 201 : 200);
        }
        given().delete("/api/v1/agencies/{a}/reports/2023", agency).then().statusCode(200);
        put(agency, 2023, report, null).then().statusCode(200).body("version", equalTo(7));
        put(agency, 2023, report.deepCopy().put("template", "NO_SUCH"), null).then().statusCode(422);

        List<Event> events = TopicReader.await(Topics.REPORTS, agency + "/2023", 7, EVENT_WAIT);
        assertThat(events).extracting(e -> e.value().at("/data/version").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(events).extracting(e -> e.value().at("/data/status").asText())
                .containsExactly("ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "WITHDRAWN", "ACTIVE");
        assertThat(events).extracting(Event::partition).containsOnly(events.get(0).partition());
        assertThat(events).extracting(e -> e.value().get("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void eventCarriesTheAgencyRegionPathAndCloudEventsEnvelope() {
        String agency = Fixtures.newAgency("430602");
        given().contentType("application/json").body(Fixtures.report("seed-002-yueyanglou-2023.json").toString())
                .put("/api/v1/agencies/{a}/reports/2023", agency).then().statusCode(201);

        Event event = TopicReader.await(Topics.REPORTS, agency + "/2023", 1, EVENT_WAIT).get(0);
        var v = event.value();
        assertThat(event.contentType()).as("structured mode of the CloudEvents Kafka binding")
                .isEqualTo("application/cloudevents+json; charset=UTF-8");
        assertThat(v.get("specversion").asText()).isEqualTo("1.0");
        assertThat(v.get("dataschema").asText())
                .isEqualTo("http://localhost:8080/api/v1/schemas/events/org.nianbao.report.version.v1.json");
        assertThat(v.get("source").asText()).isEqualTo(Topics.SOURCE);
        assertThat(v.get("type").asText()).isEqualTo(Topics.REPORT_VERSION_TYPE);
        assertThat(v.get("id").asText()).isEqualTo(agency + "/2023/v1");
        assertThat(v.at("/data/regionPath").findValuesAsText("code")).containsExactly("430602", "430600", "430000", "000000");
        assertThat(v.at("/data/level").asText()).isEqualTo("COUNTY");
        assertThat(v.at("/data/sector").asText()).isEqualTo("EDUCATION");
        assertThat(v.at("/data/template").asText()).isEqualTo("GOV_2019");
        assertThat(v.at("/data/publishedOn").asText()).isEqualTo("2024-01-02");
        assertThat(v.at("/data/cells").has("requests.newReceived.total")).isTrue();
        assertThat(v.at("/data/cells").has("requests.newReceived.naturalPerson")).as("blank is absent").isFalse();
        assertThat(v.at("/data/warnings").findValuesAsText("rule")).contains("T1");
    }

    @Test
    void listingFiltersByRegionSubtreeYearAndStatus() {
        String agency = Fixtures.newAgency("640323");
        put(agency, 2020, Fixtures.report("seed-004-yanchi-2020.json"), null).then().statusCode(201);

        given().get("/api/v1/reports?region=640000&year=2020&status=ACTIVE&size=1000").then().statusCode(200)
                .body("items.agencyId", hasItems(agency));
        given().get("/api/v1/reports?region=610000&year=2020").then().statusCode(200)
                .body("items.findAll { it.agencyId == '" + agency + "' }.size()", equalTo(0));
        given().get("/api/v1/reports?level=DISTRICT&sector=SPORTS").then().statusCode(400)
                .body("errors.field", hasItems("level", "sector"));
    }

    private static io.restassured.response.Response put(String agency, int year, ObjectNode body, String ifMatch) {
        var request = given().contentType("application/json").body(body.toString());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/agencies/{a}/reports/{y}", agency, year);
    }
}
