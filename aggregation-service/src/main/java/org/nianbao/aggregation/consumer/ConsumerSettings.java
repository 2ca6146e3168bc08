package org.nianbao.aggregation.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

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

    /** False in tests that drive the applier themselves. */
    @WithDefault("true")
    boolean enabled();
}
