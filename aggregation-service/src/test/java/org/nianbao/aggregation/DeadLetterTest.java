package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.KafkaResource;
import org.nianbao.testsupport.ReportEvents;
import org.nianbao.testsupport.TestTokens;

/**
 * An event that cannot be applied (a payload no one can read, a date PostgreSQL refuses) is set aside with its place on
 * the topic and its error; the events after it on its partition are applied, the readiness data counts it, and a
 * rebuild leaves it aside as well.
 */
@QuarkusTest
class DeadLetterTest {

    private static final String SECTOR = "HUMAN_RESOURCES";
    private static final String REGION = "640323";
    private static final int YEAR = 2021;

    @Test
    void aPoisonEventIsSetAsideAndTheEventsAfterItAreApplied() throws Exception {
        try (ReportEvents events = ReportEvents.connect(); KafkaProducer<String, byte[]> raw = rawProducer()) {
            int partitions = raw.partitionsFor(Topics.REPORTS).size();
            String poison = "hr-poison-" + System.nanoTime();
            int partition = partitionOf(Topics.reportKey(poison, YEAR), partitions);
            String good = sameReportPartition(poison, partitions);

            RecordMetadata garbage = raw.send(new ProducerRecord<>(Topics.REPORTS, Topics.reportKey(poison, YEAR),
                    "{\"not\": \"an event\u0000\"".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            assertThat(garbage.partition()).isEqualTo(partition);
            // a date Java writes and reads, but PostgreSQL cannot store
            events.version(poison, "盐池县人力资源和社会保障局", REGION, SECTOR, YEAR, "GOV_2021", 1, LocalDate.MAX,
                    cells(7), List.of());
            events.version(good, "盐池县人社局", REGION, SECTOR, YEAR, "GOV_2021", 1, LocalDate.of(2022, 1, 20),
                    cells(11), List.of());

            Eventually.assertThat(Totals.WAIT, () -> {
                Totals county = Totals.of(REGION, SECTOR, YEAR);
                assertThat(county.reports()).as("the good event after the poison one is applied").isEqualTo(1);
                assertThat(county.sum("requests.newReceived.total")).isEqualByComparingTo("11");
            });
            Eventually.assertThat(Totals.WAIT, () -> {
                JsonPath letters = given().auth().oauth2(TestTokens.admin()).queryParam("limit", 1000)
                        .get("/api/v1/admin/dead-letters").then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> mine = letters.getList("items.findAll { it.key == '" + Topics.reportKey(poison, YEAR) + "' }");
                assertThat(mine).extracting(m -> m.get("partition")).containsOnly(partition);
                assertThat(mine).extracting(m -> ((Number) m.get("offset")).longValue()).hasSize(2).contains(garbage.offset());
                assertThat(mine).extracting(m -> (String) m.get("error")).anySatisfy(e -> assertThat(e).contains("not a Nianbao event"))
                        .anySatisfy(e -> assertThat(e).contains("out of range"));
                assertThat(mine).extracting(m -> (String) m.get("payload")).anySatisfy(p -> assertThat(p).contains(poison));
                assertThat(letters.getLong("total")).isGreaterThanOrEqualTo(2);
            });
            JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
            assertThat(ready.getString("status")).isEqualTo("UP");
            assertThat(ready.getInt("checks.find { it.name == 'dead-letters' }.data.deadLetters")).isGreaterThanOrEqualTo(2);

            // a rebuild leaves them aside too, and serves the same totals
            given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/rebuild").then().statusCode(202);
            Eventually.assertThat(Duration.ofSeconds(120), () -> given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/rebuild")
                    .then().body("state", equalTo("DONE")));
            Totals county = Totals.of(REGION, SECTOR, YEAR);
            assertThat(county.reports()).isEqualTo(1);
            assertThat(county.sum("requests.newReceived.total")).isEqualByComparingTo("11");
        }
    }

    @Test
    void onlyAnAdminListsThem() {
        given().get("/api/v1/admin/dead-letters").then().statusCode(401);
        given().auth().oauth2(TestTokens.overseer("000000")).get("/api/v1/admin/dead-letters").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).queryParam("limit", 0).get("/api/v1/admin/dead-letters").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static Map<String, BigDecimal> cells(int received) {
        return Map.of("requests.newReceived.total", BigDecimal.valueOf(received),
                "requests.newReceived.naturalPerson", BigDecimal.valueOf(received));
    }

    /** Another agency whose report of {@link #YEAR} is on the same partition as the given agency's. */
    private static String sameReportPartition(String agency, int partitions) {
        int target = partitionOf(Topics.reportKey(agency, YEAR), partitions);
        for (int i = 0; ; i++) {
            String candidate = "hr-good-" + i + "-" + agency.substring(agency.lastIndexOf('-') + 1);
            if (partitionOf(Topics.reportKey(candidate, YEAR), partitions) == target) {
                return candidate;
            }
        }
    }

    /** The partition Kafka's default partitioner gives a key. */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
