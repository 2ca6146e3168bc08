package org.nianbao.report.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.model.event.Topics;
import org.nianbao.service.kafka.NativeLz4;

/** Creates the producer and the topics from configuration. */
@ApplicationScoped
public class KafkaClients {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final KafkaSettings settings;

    KafkaClients(KafkaSettings settings) {
        this.settings = settings;
        NativeLz4.load();
    }

    /**
     * A transactional producer with acks=all, its transactions already initialised (which fences any older
     * producer of the same transactional id and aborts its open transaction).
     * <p>
     * The relay sends each batch in one Kafka transaction, and the consumers read committed records only. An
     * idempotent producer alone does not keep a key's order through an outage: when one batch of a partition
     * failed, it started a new epoch and sent the younger batches behind it, so versions 2–5 of a report reached
     * the topic without version 1 (KafkaOutageTest, twice, with and without a delivery timeout). In a
     * transaction a failed batch aborts the whole transaction, so no consumer ever sees the younger records,
     * and the relay sends the batch again from its first record.
     * <p>
     * Blocks for at most {@code max.block.ms} when Kafka is unreachable, then throws; the relay backs off and retries.
     */
    public KafkaProducer<String, byte[]> newProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "report-service-outbox");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.outbox().transactionalId());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.outbox().compression().name);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
            return producer;
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /** Creates the two compacted topics when they are missing; existing topics are left as they are. */
    public void ensureTopics() throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        short rf = settings.topics().replicationFactor();
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        try (Admin admin = Admin.create(config)) {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(
                            new NewTopic(Topics.REPORTS, settings.topics().reports().partitions(), rf).configs(compacted),
                            new NewTopic(Topics.AGENCIES, settings.topics().agencies().partitions(), rf).configs(compacted))
                    .stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
