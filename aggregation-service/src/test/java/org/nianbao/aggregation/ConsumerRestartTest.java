package org.nianbao.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.nianbao.aggregation.consumer.EventConsumer;
import org.nianbao.aggregation.rollup.EventApplier;
import org.nianbao.aggregation.rollup.Tables;
import org.nianbao.model.event.Topics;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.KafkaResource;
import org.nianbao.testsupport.ReportEvents;

/**
 * A consumer that dies after its database transaction but before committing its offsets leaves events that
 * the next consumer reads again. The totals must still come out exact.
 */
@QuarkusTest
class ConsumerRestartTest {

    private static final String SECTOR = "CIVIL_AFFAIRS";
    private static final int AGENCIES = 40;
    private static final int VERSIONS = 3;

    @Inject
    EventConsumer consumer;
    @Inject
    EventApplier applier;

    @Test
    void eventsAppliedBeforeACrashAreNotCountedTwice() throws Exception {
        consumer.stopConsuming();
        try {
            crashThenRestart();
        } finally {
            consumer.startConsuming(); // whatever happened, the tests after this one need a consuming service
        }
    }

    private void crashThenRestart() throws Exception {
        try (ReportEvents events = ReportEvents.connect()) {
            for (int v = 1; v <= VERSIONS; v++) {
                for (int a = 0; a < AGENCIES; a++) {
                    events.version("ca-" + a, "民政局 " + a, "620102", SECTOR, 2021, "GOV_2021", v, null,
                            Map.of("requests.newReceived.total", BigDecimal.valueOf(v * 10L + a)), List.of());
                }
            }
        }
        // The "crashed" consumer: it applied part of what it read in one transaction, and never committed offsets.
        List<ConsumerRecord<String, byte[]>> mine = readOurEvents();
        assertThat(mine).hasSize(AGENCIES * VERSIONS);
        applier.apply(mine.subList(0, mine.size() / 2), Tables.LIVE);

        consumer.startConsuming();
        long expected = 0;
        for (int a = 0; a < AGENCIES; a++) {
            expected += VERSIONS * 10L + a; // each agency's last version
        }
        long total = expected;
        Eventually.assertThat(Duration.ofSeconds(60), () -> {
            Totals t = Totals.of("620000", SECTOR, 2021);
            assertThat(t.reports()).isEqualTo(AGENCIES);
            assertThat(t.sum("requests.newReceived.total")).isEqualByComparingTo(BigDecimal.valueOf(total));
        });
        Totals city = Totals.of("620100", SECTOR, 2021);
        assertThat(city.filled("requests.newReceived.total")).isEqualTo(AGENCIES);
    }

    private static List<ConsumerRecord<String, byte[]>> readOurEvents() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(Topics.REPORTS).stream()
                    .map(i -> new TopicPartition(Topics.REPORTS, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().startsWith("ca-")) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
