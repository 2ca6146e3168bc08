package org.nianbao.report.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.report.support.Api.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.Fixtures;
import org.nianbao.report.support.TopicReader;

/**
 * The relay under its supervisor, during a stream of submissions: its thread is interrupted, and later its loop throws
 * an OutOfMemoryError in the middle of a batch three times running. Each time the relay is restarted, the events flow
 * again within seconds, and in the end every version is on the topic once, in order per report. Meanwhile liveness
 * stays UP, and readiness says DOWN, naming the relay and its error, while it fails.
 */
@QuarkusTest
class RelaySupervisionTest {

    private static final int AGENCIES = 4;
    private static final int VERSIONS = 40;
    private static final Duration FLOWS_AGAIN_WITHIN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxRelay relay;

    @Test
    void aKilledOrBrokenRelayIsRestartedAndNoEventIsLostDuplicatedOrReordered() throws Exception {
        List<String> agencies = new ArrayList<>();
        for (int i = 0; i < AGENCIES; i++) {
            agencies.add(Fixtures.newAgency("640323"));
        }
        AtomicInteger submittedRounds = new AtomicInteger();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> submitStream(agencies, submittedRounds));

        // (a) the relay's thread is interrupted from outside, as a stray interrupt or a dying thread would end it
        awaitTrue(() -> submittedRounds.get() >= 5, Duration.ofSeconds(30), "the first submissions");
        long restartsBefore = relayRestarts();
        Thread relayThread = relayThread();
        relayThread.interrupt();
        awaitTrue(() -> relayRestarts() > restartsBefore, Duration.ofSeconds(5), "the relay restarted after the interrupt");
        assertThat(relayThread.isAlive()).as("the interrupted thread ended; a fresh one relays").isFalse();
        assertThat(relayThread()).isNotSameAs(relayThread);
        awaitFlowing(agencies.get(0), submittedRounds.get());

        // (b) its loop throws an Error in the middle of a batch (records sent, Kafka transaction not committed), 3 times
        long restartsBeforeErrors = relayRestarts();
        relay.injectFault(3, new OutOfMemoryError("Java heap space (injected by the test)"));
        JsonNode failing = awaitReadiness(h -> "FAILING".equals(check(h, "workers").at("/data/outbox-relay.state").asText()),
                Duration.ofSeconds(10));
        JsonNode workers = check(failing, "workers");
        assertThat(workers.path("status").asText()).as("submissions are still stored: the instance stays ready").isEqualTo("UP");
        assertThat(workers.at("/data/outbox-relay.lastError").asText()).contains("OutOfMemoryError", "injected by the test");
        Response live = RestAssured.get("/q/health/live");
        assertThat(live.statusCode()).as("liveness while the relay fails: " + live.asString()).isEqualTo(200);

        JsonNode recovered = awaitReadiness(h -> "RUNNING".equals(check(h, "workers").at("/data/outbox-relay.state").asText()),
                FLOWS_AGAIN_WITHIN);
        assertThat(check(recovered, "workers").at("/data/outbox-relay.state").asText()).isEqualTo("RUNNING");
        assertThat(relayRestarts()).as("each Error counted as a restart").isGreaterThanOrEqualTo(restartsBeforeErrors + 3);
        awaitFlowing(agencies.get(1), submittedRounds.get());

        stream.get(120, TimeUnit.SECONDS);
        List<Integer> expected = IntStream.rangeClosed(1, VERSIONS).boxed().toList();
        for (String agency : agencies) {
            List<Integer> versions = TopicReader.await(Topics.REPORTS, agency + "/2020", VERSIONS, Duration.ofSeconds(30)).stream()
                    .map(e -> e.value().at("/data/version").asInt()).toList();
            assertThat(versions).as("versions of " + agency + " on the topic: each once, in order").isEqualTo(expected);
        }
        assertThat(RestAssured.get("/q/health/live").statusCode()).isEqualTo(200);
    }

    /** Submits versions 1..VERSIONS of each agency's 2020 report, round by round, a little apart. */
    private static void submitStream(List<String> agencies, AtomicInteger rounds) {
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        for (int v = 1; v <= VERSIONS; v++) {
            ((ObjectNode) report.at("/activeDisclosure/licensing")).put("decisions", v);
            for (String agency : agencies) {
                given().contentType("application/json").body(report.toString())
                        .put("/api/v1/agencies/{a}/reports/2020", agency)
                        .then().statusCode(v == 1 ? 201 : 200);
            }
            rounds.set(v);
            sleep(40);
        }
    }

    /** Waits until the events of the rounds submitted so far are on the topic: the relay relays again. */
    private static void awaitFlowing(String agency, int rounds) {
        long start = System.nanoTime();
        int onTopic = TopicReader.await(Topics.REPORTS, agency + "/2020", rounds, FLOWS_AGAIN_WITHIN).size();
        assertThat(onTopic).as("events of " + agency + " on the topic " + Duration.ofNanos(System.nanoTime() - start).toMillis()
                + " ms after the relay's restart").isGreaterThanOrEqualTo(rounds);
    }

    /** The relay's current thread (between two attempts there is none for a moment). */
    private static Thread relayThread() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            var found = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals(OutboxRelay.WORKER) && t.isAlive()).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep(10);
        }
        throw new AssertionError("no thread " + OutboxRelay.WORKER);
    }

    /** The relay's restarts, as liveness reports them. */
    private static long relayRestarts() {
        return check(health("/q/health/live"), "workers").at("/data/outbox-relay.restarts").asLong(-1);
    }

    /** Polls readiness, which must stay 200 throughout, until {@code until} holds for its answer. */
    private static JsonNode awaitReadiness(java.util.function.Predicate<JsonNode> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response r = RestAssured.get("/q/health/ready");
            assertThat(r.statusCode()).as("readiness while the relay fails: " + r.asString()).isEqualTo(200);
            JsonNode health = tree(r.asString());
            if (until.test(health)) {
                return health;
            }
            assertThat(System.nanoTime()).as("readiness never showed the expected state: " + r.asString()).isLessThan(deadline);
            sleep(20);
        }
    }

    private static JsonNode health(String path) {
        return tree(RestAssured.get(path).asString());
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            sleep(20);
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
