package org.nianbao.report.outbox;

import io.agroal.api.AgroalDataSource;
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
import org.eclipse.microprofile.health.Readiness;
import org.nianbao.service.worker.SupervisedWorker;

/**
 * Part of {@code GET /q/health/ready}: whether this instance's events are leaving for Kafka, with the backlog and
 * this instance's part in the data. When this instance relays and its relay is stuck (the oldest unsent event is
 * older than {@code nianbao.outbox.max-unsent-age} and no batch went out for as long; a relay that is catching up
 * after an outage is not stuck), the data says {@code stuck: true} with the reason. The check stays UP all the same:
 * submissions are still stored and their events wait in the outbox, so the instance should keep taking them. It is
 * DOWN only when the outbox cannot be read, which means the database is away. A relay that fails shows in the
 * "workers" check beside this one; one that cannot be revived turns liveness DOWN, so the process is restarted.
 */
@Readiness
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
        SupervisedWorker.Status worker = relay.status();
        boolean leading = relay.leading();
        long quietSeconds = Duration.ofNanos(System.nanoTime() - relay.lastRelayedAt()).toSeconds();
        HealthCheckResponseBuilder health = HealthCheckResponse.named("outbox")
                .withData("thisInstanceRelays", leading)
                .withData("relay", worker == null ? "STOPPED" : worker.state().name())
                .withData("relayedSinceStart", relay.relayed())
                .withData("secondsSinceLastBatch", quietSeconds);
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), min(created_at) FROM outbox_event")) {
            rs.next();
            long unsent = rs.getLong(1);
            Timestamp oldest = rs.getTimestamp(2);
            long ageSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toSeconds());
            long maxAge = settings.outbox().maxUnsentAge().toSeconds();
            boolean stuck = leading && ageSeconds > maxAge && quietSeconds > maxAge;
            health.withData("unsent", unsent)
                    .withData("oldestUnsentSeconds", ageSeconds)
                    .withData("maxUnsentSeconds", maxAge)
                    .withData("stuck", stuck);
            if (stuck) {
                health.withData("error", "this instance relays, but nothing went out for " + quietSeconds
                        + " s while events wait; see the relay's log and the workers check");
            }
            return health.up().build();
        } catch (SQLException e) {
            return health.down().withData("error", "the outbox could not be read: " + e.getMessage()).build();
        }
    }
}
