package org.nianbao.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Apache Kafka broker in the test JVM (KRaft, one combined broker and controller), started once per JVM.
 * Steps aside when {@code KAFKA_BOOTSTRAP} points at an external cluster.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    @Override
    public synchronized Map<String, String> start() {
        var external = EnvOverride.get("KAFKA_BOOTSTRAP");
        if (external.isPresent()) {
            return Map.of("kafka.bootstrap.servers", external.get());
        }
        if (cluster == null) {
            cluster = startCluster();
        }
        return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
    }

    @Override
    public void stop() {
        // Kept for the whole JVM, like the database; closed by the shutdown hook.
    }

    /** The in-process cluster, or null when the tests use an external one. */
    public static KafkaClusterTestKit cluster() {
        return cluster;
    }

    /** Stops the in-process broker (the controller stays up), as an outage would. */
    public static void stopBroker() {
        requireInProcess().brokers().values().forEach(broker -> {
            broker.shutdown();
            broker.awaitShutdown();
        });
    }

    /** Starts the broker again on the same port and waits until it serves. */
    public static void startBroker() {
        KafkaClusterTestKit kit = requireInProcess();
        kit.brokers().values().forEach(broker -> broker.startup());
        try {
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not come back: " + e.getMessage(), e);
        }
    }

    private static KafkaClusterTestKit requireInProcess() {
        if (cluster == null) {
            throw new IllegalStateException("this test stops and starts the in-process broker; unset KAFKA_BOOTSTRAP to run it");
        }
        return cluster;
    }

    public static String bootstrapServers() {
        return EnvOverride.get("KAFKA_BOOTSTRAP").orElseGet(() -> cluster.bootstrapServers());
    }

    private static KafkaClusterTestKit startCluster() {
        try {
            Path base = Files.createDirectories(Path.of("target", "kafka"));
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(base, "cluster"))
                    .build())
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    kit.close();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }, "kafka-test-cluster-stop"));
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-process Kafka broker: " + e.getMessage(), e);
        }
    }
}
