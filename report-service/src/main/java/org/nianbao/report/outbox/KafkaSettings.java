package org.nianbao.report.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import org.apache.kafka.common.record.CompressionType;

/** Where and how the outbox is relayed. */
@ConfigMapping(prefix = "nianbao")
public interface KafkaSettings {

    Topics topics();

    OutboxSettings outbox();

    EventSettings events();

    interface EventSettings {
        /**
         * The gateway's public URL, under which it publishes the event schemas: each event's {@code dataschema} is
         * {@code <public-url>/api/v1/schemas/events/<type>.json}, an absolute URI as CloudEvents requires.
         */
        @WithName("public-url")
        String publicUrl();
    }

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

        /**
         * The relay's Kafka record compression. gzip by default, since every stock client reads it without a plugin
         * (kafkajs has no lz4, snappy or zstd of its own); lz4, snappy or zstd cost less CPU but shut such consumers out.
         */
        @WithDefault("gzip")
        CompressionType compression();

        @WithName("idle-poll")
        @WithDefault("250ms")
        Duration idlePoll();
    }
}
