package org.nianbao.service.worker;

import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** The "workers" check's answer: each worker's state and restarts, and its last error if it has had one. */
final class WorkerHealth {

    private WorkerHealth() {
    }

    static HealthCheckResponse response(List<SupervisedWorker.Status> statuses, Predicate<SupervisedWorker.Status> down) {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("workers").up();
        for (SupervisedWorker.Status s : statuses) {
            health.withData(s.name() + ".state", s.state().name())
                    .withData(s.name() + ".restarts", s.restarts());
            if (s.lastError() != null) {
                health.withData(s.name() + ".lastError", s.lastError())
                        .withData(s.name() + ".lastFailureAt", s.lastFailureAt().toString());
            }
            if (down.test(s)) {
                health.down();
            }
        }
        return health.build();
    }
}
