package org.nianbao.report.outbox;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code GET /q/health/group/outbox}: whether events are leaving for Kafka. DOWN when the oldest unsent event is older
 * than {@code nianbao.outbox.max-unsent-age} (Kafka down, or no relay running), with the backlog and this instance's
 * part in the data.
 * <p>
 * A group of its own, not readiness: while Kafka is down submissions still succeed and their events wait in the
 * outbox, so the service must stay in the load balancer. This check is for alerting.
 */
@HealthGroup("outbox")
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final AgroalDataSource dataSource;
    private final OutboxRelay relay;
    private final KafkaSettings settings;

    OutboxHealth(AgroalDataSource dataSource, OutboxRelay relay, KafkaSettings settings) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("outbox")
                .withData("thisInstanceRelays", relay.leading())
                .withData("lastAttemptSucceeded", relay.healthy())
                .withData("relayedSinceStart", relay.relayed());
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), min(created_at) FROM outbox_event")) {
            rs.next();
            long unsent = rs.getLong(1);
            Timestamp oldest = rs.getTimestamp(2);
            long ageSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toSeconds());
            Duration maxAge = settings.outbox().maxUnsentAge();
            return health.withData("unsent", unsent)
                    .withData("oldestUnsentSeconds", ageSeconds)
                    .withData("maxUnsentSeconds", maxAge.toSeconds())
                    .status(ageSeconds <= maxAge.toSeconds())
                    .build();
        } catch (SQLException e) {
            return health.down().withData("error", "the outbox could not be read: " + e.getMessage()).build();
        }
    }
}
