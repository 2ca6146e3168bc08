package org.nianbao.aggregation.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "nianbao.consumer")
public interface ConsumerSettings {

    @WithName("group-id")
    @WithDefault("nianbao-aggregation")
    String groupId();

    @WithName("max-poll-records")
    @WithDefault("250")
    int maxPollRecords();

    /** Group members in this process; each owns some of the partitions (at most as many as the topics have). */
    @WithDefault("3")
    int threads();

    @WithName("poll-timeout")
    @WithDefault("200ms")
    Duration pollTimeout();

    /**
     * This instance's name in the consumer group, stable across its restarts: each member joins as the static member
     * {@code <instance-id>-<n>}. The host name when not set (a Kubernetes pod's name, a container's id); two instances
     * on one host must each set their own, or they take turns fencing each other out of the group.
     */
    @WithName("instance-id")
    Optional<String> instanceId();

    /** False in tests that drive the applier themselves. */
    @WithDefault("true")
    boolean enabled();
}
