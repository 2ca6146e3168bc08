package org.nianbao.report.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the first answer to an Idempotency-Key is kept ({@code nianbao.idempotency.*}). */
@ConfigMapping(prefix = "nianbao.idempotency")
public interface IdempotencySettings {

    /** A retry within this time of the first request is answered with the first answer; afterwards the key is new again. */
    @WithDefault("24h")
    Duration keep();

    /** How often a write also deletes the answers kept longer than {@link #keep()}. */
    @WithDefault("10m")
    Duration pruneEvery();
}
