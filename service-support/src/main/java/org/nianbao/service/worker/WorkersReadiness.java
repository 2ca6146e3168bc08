package org.nianbao.service.worker;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Part of {@code GET /q/health/ready}: DOWN while a supervised worker is failing (its last attempt failed and the
 * next has not yet done its work) or cannot be revived, with the worker, its error and its restarts in the data.
 * An instance whose relay or consumer is stuck then stops getting traffic, and an operator sees why.
 */
@Readiness
@ApplicationScoped
public class WorkersReadiness implements HealthCheck {

    private final Workers workers;

    WorkersReadiness(Workers workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        return WorkerHealth.response(workers.statuses(),
                state -> state == SupervisedWorker.State.FAILING || state == SupervisedWorker.State.CANNOT_BE_REVIVED);
    }
}
