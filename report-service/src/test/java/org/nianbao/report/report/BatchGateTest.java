package org.nianbao.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nianbao.service.problem.ApiProblem;

/** At most max-concurrent batches run at once; one that waits longer than max-wait is told to come back. */
class BatchGateTest {

    @Test
    void aBatchPastTheLimitWaitsThenIsToldToComeBackAndTheNextOneRunsOnceThereIsRoom() throws Exception {
        BatchGate gate = new BatchGate(1, Duration.ofMillis(200));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            running.countDown();
            await(finish);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        assertThatThrownBy(() -> gate.run(() -> "second")).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.problem().status()).isEqualTo(503);
            assertThat(p.retryAfterSeconds()).isEqualTo(5);
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(gate.run(() -> "third")).isEqualTo("third");
    }

    @Test
    void aFailedBatchGivesItsPermitBack() {
        BatchGate gate = new BatchGate(1, Duration.ofMillis(50));
        assertThatThrownBy(() -> gate.run(() -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(gate.run(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
