package org.nianbao.faults.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.nianbao.model.event.Topics;
import org.nianbao.testsupport.KafkaResource;

/** Every report event on {@code nianbao.reports.v1}, read from the beginning by a plain consumer (no group). */
public final class TopicScan {

    public record Event(String key, int partition, long offset, String agencyId, int year, int version, String status) {
    }

    private TopicScan() {
    }

    /** All events now on the topic, in partition then offset order (so per key in topic order). */
    public static List<Event> reports() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the relay sends in Kafka transactions; a failed one stays in the log, aborted, and no consumer reads it
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REPORTS, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(Topics.REPORTS, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.REPORTS + " to its end within 120 s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode data = FaultSuite.json(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)).path("data");
                    events.add(new Event(r.key(), r.partition(), r.offset(), data.path("agencyId").asText(),
                            data.path("year").asInt(), data.path("version").asInt(), data.path("status").asText()));
                }
            }
        }
        events.sort(java.util.Comparator.comparingInt(Event::partition).thenComparingLong(Event::offset));
        return events;
    }

    /** The events grouped by key, each list in topic order. */
    public static Map<String, List<Event>> byKey(List<Event> events) {
        Map<String, List<Event>> byKey = new LinkedHashMap<>();
        events.forEach(e -> byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
        return byKey;
    }
}
