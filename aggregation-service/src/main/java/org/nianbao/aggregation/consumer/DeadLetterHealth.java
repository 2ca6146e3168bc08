package org.nianbao.aggregation.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows in the readiness data how many events were set aside ({@code deadLetters}), for alerting. Always UP: an event
 * set aside does not stop the service from serving the others, and the database check says when it cannot.
 */
@Readiness
@ApplicationScoped
public class DeadLetterHealth implements HealthCheck {

    private final DeadLetters deadLetters;

    DeadLetterHealth(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("dead-letters").up()
                .withData("setAsideSinceStart", deadLetters.setAsideSinceStart());
        try {
            return health.withData("deadLetters", deadLetters.count()).build();
        } catch (SQLException e) {
            return health.withData("error", "dead letters could not be counted: " + e.getMessage()).build();
        }
    }
}
