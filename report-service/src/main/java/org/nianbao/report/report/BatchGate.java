package org.nianbao.report.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.service.problem.ApiProblem;

/**
 * Bounds how many batches are read and stored at once ({@code api.batch.max-concurrent}). A batch holds the JSON
 * tree of up to 500 reports, several MB, and a transaction for as long as it runs: 64 at once through the gateway
 * took a quarter less throughput than 8 and seconds per request (BENCHMARKS.md, section 1), and a few dozen of the
 * largest would not fit the service's heap. The others wait their turn, fairly, for up to
 * {@code api.batch.max-wait}; past that the caller is told to come back (503 with Retry-After).
 */
@ApplicationScoped
public class BatchGate {

    private final Semaphore permits;
    private final Duration maxWait;

    BatchGate(@ConfigProperty(name = "api.batch.max-concurrent", defaultValue = "4") int maxConcurrent,
              @ConfigProperty(name = "api.batch.max-wait", defaultValue = "30s") Duration maxWait) {
        this.permits = new Semaphore(maxConcurrent, true);
        this.maxWait = maxWait;
    }

    /** Runs {@code batch} once a permit is free; refuses with 503 when none is within the maximum wait. */
    public <T> T run(java.util.function.Supplier<T> batch) {
        try {
            if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ApiProblem.busy("more batches are being stored than the service takes at once, and this one waited "
                        + maxWait.toSeconds() + " s; nothing was stored: send it again, or send fewer batches at a time", 5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.busy("the service is stopping; nothing was stored: send the batch again", 5);
        }
        try {
            return batch.get();
        } finally {
            permits.release();
        }
    }
}
