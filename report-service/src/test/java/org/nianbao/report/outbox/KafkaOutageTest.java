package org.nianbao.report.outbox;

import static org.nianbao.report.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.Fixtures;
import org.nianbao.report.support.TopicReader;
import org.nianbao.testsupport.KafkaResource;

/**
 * While Kafka is down, submissions still succeed and readiness says why this instance is not well (its relay fails,
 * events wait) while liveness stays UP; once Kafka is back, every event goes out once, in order per key.
 */
@QuarkusTest
class KafkaOutageTest {

    private static final int AGENCIES = 3;
    private static final int VERSIONS = 5;
    private static final String OUTBOX = "checks.find { it.name == 'outbox' }";
    private static final String WORKERS = "checks.find { it.name == 'workers' }";

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
            // readiness stays UP (submissions are still stored) while its data tell an operator that events wait (the
            // %test limit is 2 s) and that the relay fails (its first attempt fails after max.block.ms)
            JsonPath waiting = awaitReadiness(200, health -> "FAILING".equals(health.getString(WORKERS + ".data.'outbox-relay.state'"))
                    && health.getBoolean(OUTBOX + ".data.stuck"));
            assertThat(waiting.getLong(OUTBOX + ".data.unsent")).isGreaterThanOrEqualTo(AGENCIES * VERSIONS);
            assertThat(waiting.getLong(OUTBOX + ".data.oldestUnsentSeconds")).isGreaterThan(2);
            assertThat(waiting.getString(OUTBOX + ".data.error")).contains("nothing went out");
            assertThat(waiting.getString(WORKERS + ".data.'outbox-relay.lastError'")).isNotBlank();
            assertThat(RestAssured.get("/q/health/live").statusCode()).as("an outage of Kafka is no reason to restart").isEqualTo(200);
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
        assertThat(awaitReadiness(200, health -> true).getLong(OUTBOX + ".data.unsent")).isZero();
    }

    private static JsonPath awaitReadiness(int status, Predicate<JsonPath> andThen) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var response = RestAssured.get("/q/health/ready");
            if (response.statusCode() == status && andThen.test(response.jsonPath()) || System.nanoTime() > deadline) {
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
                return response.jsonPath();
            }
            sleep(200);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
