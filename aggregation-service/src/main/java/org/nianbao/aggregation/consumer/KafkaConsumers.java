package org.nianbao.aggregation.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nianbao.service.kafka.NativeLz4;

/** Creates the consumers: the group member that keeps the roll-ups fresh, and the free reader of a rebuild. */
@ApplicationScoped
public class KafkaConsumers {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static final Logger LOG = Logger.getLogger(KafkaConsumers.class);

    private final ConsumerSettings settings;
    private final String instanceId;

    KafkaConsumers(ConsumerSettings settings) {
        this.settings = settings;
        this.instanceId = settings.instanceId().filter(id -> !id.isBlank()).orElseGet(KafkaConsumers::hostName);
        NativeLz4.load(); // before the first consumer: Kafka picks its lz4 decompressor once, when its class loads
    }

    /**
     * Member {@code member} of this instance in the consumer group: more instances split the partitions. Offsets are
     * committed by hand.
     * <p>
     * Failover, and why these settings:
     * <ul>
     * <li>Static membership ({@code group.instance.id} = instance id + member): a member that restarts (its
     * supervisor restarting it, or the process restarted in the same pod) rejoins as itself and gets its partitions
     * back without a rebalance, so the other members never pause for it. The price: a member that crashes is not
     * replaced until its session times out, even if it never comes back, and two processes with one id fence each
     * other; hence the short session below and a distinct {@code nianbao.consumer.instance-id} per instance.</li>
     * <li>{@code session.timeout.ms} 6 s (the broker's minimum by default; the client's default is 45 s): after a
     * kill -9, the other instances take over its partitions about 6 s later, not 45 s. Shorter would let a member
     * that misses heartbeats for a few seconds (a long GC pause, a starved CPU) be thrown out, rebalancing the group
     * for nothing. Heartbeats every 2 s, a third of it, as Kafka recommends, so two may be lost before it expires.</li>
     * <li>Cooperative-sticky assignment: a rebalance moves only the partitions that change owner; the others keep
     * being consumed meanwhile, instead of every member stopping and giving everything back (the eager default).</li>
     * </ul>
     */
    public KafkaConsumer<String, byte[]> groupMember(int member) {
        Properties p = base();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "-" + member);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "aggregation-" + instanceId + "-" + member);
        // the report service creates the topics; notice them within seconds rather than the default 5 minutes
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
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

    /** This instance's id in the group, for its members' static ids and the logs. */
    public String instanceId() {
        return instanceId;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME"); // set in containers and pods; a shell variable only, elsewhere
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String id = "aggregation-" + ProcessHandle.current().pid();
            LOG.warnf("no host name (%s): the consumer group knows this instance as %s until it restarts; "
                    + "set nianbao.consumer.instance-id to a stable name", e.getMessage(), id);
            return id;
        }
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
