package org.nianbao.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "nianbao.gateway")
public interface GatewaySettings {

    @WithName("report-service")
    String reportService();

    @WithName("aggregation-service")
    String aggregationService();

    @WithName("connect-timeout")
    Duration connectTimeout();

    @WithName("request-timeout")
    Duration requestTimeout();

    @WithName("max-body-size")
    MemorySize maxBodySize();

    /** Paths that take whole documents (a report's PDF), with their own, larger limit. */
    @WithName("upload-paths")
    List<String> uploadPaths();

    @WithName("max-upload-size")
    MemorySize maxUploadSize();

    @WithName("rate-limit")
    RateLimit rateLimit();

    /**
     * The gateway's public address (e.g. https://nianbao.example.gov.cn), which the services' Location headers are
     * rewritten to; unset: the address the client called, from its Host (and X-Forwarded-* from a trusted proxy).
     */
    @WithName("public-url")
    Optional<String> publicUrl();

    Cors cors();

    /** Browser pages of these origins may call the API; their preflight answers may be cached for max-age. */
    interface Cors {
        List<String> origins();

        @WithName("max-age")
        Duration maxAge();
    }

    interface RateLimit {
        @WithName("requests-per-second")
        double requestsPerSecond();

        int burst();

        /** Every request's first bucket, by client address, before any token is verified. */
        @WithName("per-address")
        PerAddress perAddress();
    }

    interface PerAddress {
        @WithName("requests-per-second")
        double requestsPerSecond();

        int burst();

        /** What a token that fails verification takes from its address's bucket, in requests. */
        @WithName("invalid-token-cost")
        int invalidTokenCost();
    }
}
