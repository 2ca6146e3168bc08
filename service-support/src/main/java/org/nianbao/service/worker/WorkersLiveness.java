package org.nianbao.service.worker;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Part of {@code GET /q/health/live}: DOWN only when a supervised worker cannot be revived, the one case where
 * restarting the process helps. A worker that fails because Kafka or the database is down is restarted by its
 * supervisor and shows in readiness instead: restarting the process would not bring Kafka back.
 */
@Liveness
@ApplicationScoped
public class WorkersLiveness implements HealthCheck {

    private final Workers workers;

    WorkersLiveness(Workers workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        return WorkerHealth.response(workers.statuses(), s -> s.state() == SupervisedWorker.State.CANNOT_BE_REVIVED);
    }
}
