package org.nianbao.service.worker;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The supervised workers running in this process, started and stopped through here so that health sees them. */
@ApplicationScoped
public class Workers {

    private final Set<SupervisedWorker> running = ConcurrentHashMap.newKeySet();

    /** Starts {@code worker} and reports it in health until it is stopped here. */
    public SupervisedWorker start(SupervisedWorker worker) {
        running.add(worker);
        worker.start();
        return worker;
    }

    /** Stops {@code worker} (see {@link SupervisedWorker#stop}); true if its loop ended within the time. */
    public boolean stop(SupervisedWorker worker, Duration timeout) {
        try {
            return worker.stop(timeout);
        } finally {
            running.remove(worker);
        }
    }

    /** Stops several workers at once (a consumer's members, say), within {@code timeout} together; true if all ended. */
    public boolean stopAll(Collection<SupervisedWorker> stopping, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        stopping.forEach(SupervisedWorker::requestStop);
        boolean all = true;
        for (SupervisedWorker w : stopping) {
            all &= w.awaitStopped(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            running.remove(w);
        }
        return all;
    }

    /** Every running worker's status, by name. */
    public List<SupervisedWorker.Status> statuses() {
        return running.stream().map(SupervisedWorker::status).sorted(Comparator.comparing(SupervisedWorker.Status::name)).toList();
    }
}
