package org.nianbao.aggregation.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.service.kafka.NativeLz4;

/** Creates the consumers: the group member that keeps the roll-ups fresh, and the free reader of a rebuild. */
@ApplicationScoped
public class KafkaConsumers {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ConsumerSettings settings;

    KafkaConsumers(ConsumerSettings settings) {
        this.settings = settings;
        NativeLz4.load(); // before the first consumer: Kafka picks its lz4 decompressor once, when its class loads
    }

    /** A member of the consumer group: more instances split the partitions. Offsets are committed by hand. */
    public KafkaConsumer<String, byte[]> groupMember() {
        Properties p = base();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "aggregation-" + ProcessHandle.current().pid());
        // the report service creates the topics; notice them within seconds rather than the default 5 minutes
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        // a crashed member keeps its partitions until its session expires: 10 s, not the default 45 s, of stale totals
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        // each member prefetches while it applies; the default 50 MB per member would not fit beside two more in a
        // 256 MB heap when the consumer lags
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 << 20);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A reader outside any group, for a bulk replay from the start of the topics: larger polls and fetches than the live consumer's, since the whole topic is read
     * as fast as it can be turned into rows (the default of 1 MB per partition and fetch made thousands of round trips).
     */
    public KafkaConsumer<String, byte[]> bulkReader() {
        Properties p = base();
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 << 20);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private Properties base() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }
}
