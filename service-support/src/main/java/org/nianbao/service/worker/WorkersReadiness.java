package org.nianbao.service.worker;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Part of {@code GET /q/health/ready}: DOWN while a supervised worker is failing (its last attempt failed and the
 * next has not yet done its work) or cannot be revived, with the worker, its error and its restarts in the data.
 * An instance whose consumer fails then stops getting traffic, and an operator sees why. A worker built with
 * {@link SupervisedWorker.Builder#keepsInstanceReadyWhileFailing()} shows its failure in the data only.
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
                s -> s.state() == SupervisedWorker.State.CANNOT_BE_REVIVED
                        || s.state() == SupervisedWorker.State.FAILING && s.unreadyWhileFailing());
    }
}
