package org.nianbao.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.nianbao.model.event.EventJson;
import org.nianbao.testsupport.KafkaResource;

/** Reads a topic from the beginning, as an independent consumer would. */
public final class TopicReader {

    /** @param contentType the record's {@code content-type} header, null when it has none */
    public record Event(String key, int partition, long offset, String contentType, JsonNode value) {
    }

    private TopicReader() {
    }

    /** Waits until at least {@code count} events with the key are on the topic, then returns all of them in order. */
    public static List<Event> await(String topic, String key, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> found = read(topic, e -> e.key().equals(key));
        while (found.size() < count && System.nanoTime() < deadline) {
            sleep(100);
            found = read(topic, e -> e.key().equals(key));
        }
        return found;
    }

    public static List<Event> read(String topic, Predicate<Event> filter) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the relay sends in Kafka transactions; a failed one stays in the log, aborted, and no consumer reads it
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Event e = new Event(r.key(), r.partition(), r.offset(), contentType(r), tree(r.value()));
                    if (filter.test(e)) {
                        events.add(e);
                    }
                }
            }
        }
        return events;
    }

    private static String contentType(ConsumerRecord<String, byte[]> r) {
        Header h = r.headers().lastHeader("content-type");
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
