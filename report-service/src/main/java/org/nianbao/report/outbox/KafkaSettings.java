package org.nianbao.report.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Where and how the outbox is relayed. */
@ConfigMapping(prefix = "nianbao")
public interface KafkaSettings {

    Topics topics();

    OutboxSettings outbox();

    interface Topics {
        Partitions reports();

        Partitions agencies();

        @WithName("replication-factor")
        @WithDefault("1")
        short replicationFactor();
    }

    interface Partitions {
        @WithDefault("6")
        int partitions();
    }

    interface OutboxSettings {
        @WithName("batch-size")
        @WithDefault("500")
        int batchSize();

        /**
         * The relay's Kafka transactional id. Every instance of the report service shares it: only the instance
         * holding the outbox lock sends, and a new holder fences the producer of the previous one.
         */
        @WithName("transactional-id")
        @WithDefault("nianbao-report-outbox")
        String transactionalId();

        /** The age of the oldest unsent event past which the outbox health check says DOWN. */
        @WithName("max-unsent-age")
        @WithDefault("60s")
        Duration maxUnsentAge();

        /**
         * How long the log of sends ({@code outbox_sent}: each sent event's id, topic, key and times) keeps a row before
         * the relay deletes it: Kafka and the report versions hold everything the events say, so the log serves only to
         * look into recent relaying.
         */
        @WithName("keep-sent")
        @WithDefault("7d")
        Duration keepSent();

        /** How often the relay looks for sent rows past {@link #keepSent()}. */
        @WithName("prune-every")
        @WithDefault("10m")
        Duration pruneEvery();

        @WithName("idle-poll")
        @WithDefault("250ms")
        Duration idlePoll();
    }
}
