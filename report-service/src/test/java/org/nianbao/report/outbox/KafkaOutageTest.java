package org.nianbao.report.outbox;

import static org.nianbao.report.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.Fixtures;
import org.nianbao.report.support.TopicReader;
import org.nianbao.testsupport.KafkaResource;

/** While Kafka is down, submissions still succeed; once it is back, every event goes out once, in order per key. */
@QuarkusTest
class KafkaOutageTest {

    private static final int AGENCIES = 3;
    private static final int VERSIONS = 5;

    @Test
    void submissionsSucceedDuringTheOutageAndEventsFollowInOrderAfterIt() {
        Assumptions.assumeTrue(KafkaResource.cluster() != null, "stops the in-process broker");
        List<String> agencies = new ArrayList<>();
        for (int i = 0; i < AGENCIES; i++) {
            agencies.add(Fixtures.newAgency("640323"));
        }
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");

        KafkaResource.stopBroker();
        try {
            for (int v = 1; v <= VERSIONS; v++) {
                ((ObjectNode) report.at("/activeDisclosure/licensing")).put("decisions", v);
                for (String agency : agencies) {
                    given().contentType("application/json").body(report.toString())
                            .put("/api/v1/agencies/{a}/reports/2020", agency)
                            .then().statusCode(v == 1 ? 201 : 200);
                }
            }
        } finally {
            KafkaResource.startBroker();
        }

        for (String agency : agencies) {
            var events = TopicReader.await(Topics.REPORTS, agency + "/2020", VERSIONS, Duration.ofSeconds(60));
            assertThat(events).extracting(e -> e.value().at("/data/version").asInt())
                    .as("each version once, in order").containsExactly(1, 2, 3, 4, 5);
            assertThat(events).extracting(e -> e.value().at("/data/cells/activeDisclosure.licensing.decisions").asInt())
                    .containsExactly(1, 2, 3, 4, 5);
        }
        // the agencies registered before the outage were published too, keyed by id
        assertThat(TopicReader.await(Topics.AGENCIES, agencies.get(0), 1, Duration.ofSeconds(30))).hasSize(1);
    }
}
