package org.nianbao.report.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.report.support.Api.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.Fixtures;
import org.nianbao.report.support.TopicReader;
import org.nianbao.service.worker.Workers;

/**
 * Two instances of the service, as in production: a second relay on the same database and Kafka waits while the
 * first relays, without either failing, and takes over when the first stops.
 */
@QuarkusTest
class TwoRelaysTest {

    @Inject
    OutboxRelay first;

    @Inject
    OutboxConnection database;

    @Inject
    KafkaClients kafka;

    @Inject
    KafkaSettings settings;

    @Inject
    Workers workers;

    @Test
    void aSecondRelayWaitsWithoutFencingTheFirstAndTakesOverWhenItStops() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        OutboxRelay second = new OutboxRelay(database, kafka, settings, workers);
        second.start(null);
        try {
            long failuresBefore = first.failures();
            submitVersions(agency, report, 1, 10, second);
            assertThat(versionsOnTheTopic(agency, 10)).as("each version once, in order")
                    .isEqualTo(IntStream.rangeClosed(1, 10).boxed().toList());
            assertThat(second.leading()).as("the second relay waits while the first holds the lock").isFalse();
            assertThat(second.relayed()).isZero();
            assertThat(first.failures() - failuresBefore + second.failures())
                    .as("no relay failed: they do not take turns fencing each other's Kafka producer").isZero();

            first.stop(null);
            submitVersions(agency, report, 11, 20, null);
            assertThat(versionsOnTheTopic(agency, 20)).isEqualTo(IntStream.rangeClosed(1, 20).boxed().toList());
            assertThat(second.leading()).as("the second relay took over").isTrue();
            assertThat(second.relayed()).isGreaterThanOrEqualTo(10);
        } finally {
            second.stop(null);
            first.start(null);
        }
    }

    /** Submits versions from..to, nudging the given relay too, as its own instance's submissions would. */
    private static void submitVersions(String agency, ObjectNode report, int from, int to, OutboxRelay alsoWake) {
        for (int v = from; v <= to; v++) {
            ((ObjectNode) report.at("/activeDisclosure/licensing")).put("decisions", v);
            given().contentType("application/json").body(report.toString())
                    .put("/api/v1/agencies/{a}/reports/2020", agency)
                    .then().statusCode(v == 1 ? 201 : 200);
            if (alsoWake != null) {
                alsoWake.wakeUp();
            }
        }
    }

    private static List<Integer> versionsOnTheTopic(String agency, int count) {
        return TopicReader.await(Topics.REPORTS, agency + "/2020", count, Duration.ofSeconds(30)).stream()
                .map(e -> e.value().at("/data/version").asInt()).toList();
    }
}
