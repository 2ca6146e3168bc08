package org.nianbao.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.report.support.Api.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.Concurrently;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.Fixtures;
import org.nianbao.report.support.TopicReader;

/** Twenty clients revise one report at once: versions stay strictly sequential and one write wins per ETag. */
@QuarkusTest
class ConcurrentRevisionsTest {

    private static final int CLIENTS = 20;

    @Test
    void exactlyOneWriteWinsPerEtag() throws Exception {
        String agency = Fixtures.newAgency("640323");
        put(agency, 0, null);
        List<Integer> statuses = Concurrently.run(CLIENTS, i -> put(agency, i + 1, "\"v1\""));
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(CLIENTS - 1);
        given().get("/api/v1/agencies/{a}/reports/2020/versions", agency).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(List.of(1, 2)));
    }

    @Test
    void unguardedWritesAllGetTheirOwnSequentialVersionAndTheLastEventIsTheLastVersion() throws Exception {
        String agency = Fixtures.newAgency("640323");
        List<Integer> statuses = Concurrently.run(CLIENTS, i -> put(agency, i + 1, null));
        assertThat(statuses).allMatch(s -> s == 200 || s == 201);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        List<Integer> versions = given().get("/api/v1/agencies/{a}/reports/2020/versions", agency).then().statusCode(200)
                .extract().jsonPath().getList("version", Integer.class);
        List<Integer> expected = new ArrayList<>();
        for (int v = 1; v <= CLIENTS; v++) {
            expected.add(v);
        }
        assertThat(versions).isEqualTo(expected);
        var events = TopicReader.await(Topics.REPORTS, agency + "/2020", CLIENTS, Duration.ofSeconds(30));
        assertThat(events).extracting(e -> e.value().at("/data/version").asInt()).isEqualTo(expected);
        int lastDecisions = given().get("/api/v1/agencies/{a}/reports/2020", agency).then().extract().jsonPath()
                .getInt("activeDisclosure.licensing.decisions");
        assertThat(events.get(events.size() - 1).value().at("/data/cells/activeDisclosure.licensing.decisions").asInt())
                .isEqualTo(lastDecisions);
    }

    private static int put(String agency, int client, String ifMatch) {
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        ((ObjectNode) report.at("/activeDisclosure/licensing")).put("decisions", 1000 + client);
        var request = given().contentType("application/json").body(report.toString());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/agencies/{a}/reports/2020", agency).statusCode();
    }
}
