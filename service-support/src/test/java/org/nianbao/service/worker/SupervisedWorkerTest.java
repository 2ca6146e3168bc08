package org.nianbao.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SupervisedWorkerTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(10), Duration.ofMillis(80), Duration.ofSeconds(30), 3);

    private final List<SupervisedWorker> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(w -> w.stop(Duration.ofSeconds(5)));
    }

    @Test
    void anErrorInTheLoopRestartsItOnAFreshThreadAfterTheWorkersRecovery() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<Throwable> recovered = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch healthy = new CountDownLatch(1);
        SupervisedWorker w = start(SupervisedWorker.named("test-worker", ctx -> {
            threads.add(Thread.currentThread());
            if (attempts.incrementAndGet() <= 2) {
                throw new OutOfMemoryError("Java heap space (attempt " + attempts.get() + ")");
            }
            ctx.healthy();
            healthy.countDown();
            while (ctx.running()) {
                Thread.sleep(5);
            }
        }).onFailure(failure -> recovered.add(failure)).backoff(QUICK));

        assertThat(healthy.await(5, TimeUnit.SECONDS)).as("the third attempt ran").isTrue();
        SupervisedWorker.Status s = w.status();
        assertThat(s.state()).isEqualTo(SupervisedWorker.State.RUNNING);
        assertThat(s.restarts()).isEqualTo(2);
        assertThat(s.lastError()).contains("OutOfMemoryError", "attempt 2");
        assertThat(s.lastFailureAt()).isNotNull();
        assertThat(recovered).hasSize(2).allMatch(e -> e instanceof OutOfMemoryError);
        assertThat(threads).hasSize(3).doesNotHaveDuplicates().allMatch(t -> t.getName().equals("test-worker"));
        assertThat(threads.get(0).isAlive()).isFalse();
    }

    @Test
    void theWaitDoublesFromFailureToFailureUpToItsCap() throws Exception {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 20).stream().map(n -> Backoff.DEFAULT.delay(n).toMillis()))
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L);

        List<Long> startedAt = new CopyOnWriteArrayList<>();
        Backoff b = new Backoff(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(30), 100);
        start(SupervisedWorker.named("growing", ctx -> {
            startedAt.add(System.nanoTime());
            throw new IllegalStateException("Kafka is down");
        }).backoff(b));
        await(() -> startedAt.size() >= 6);
        for (int i = 1; i < 6; i++) {
            long gapMs = TimeUnit.NANOSECONDS.toMillis(startedAt.get(i) - startedAt.get(i - 1));
            assertThat(gapMs).as("wait before attempt %d", i + 1).isGreaterThanOrEqualTo(b.delay(i).toMillis());
        }
    }

    @Test
    void errorsThatKeepComingBackMakeItCannotBeRevivedAndItStopsTrying() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        SupervisedWorker w = start(SupervisedWorker.named("broken", ctx -> {
            attempts.incrementAndGet();
            throw new StackOverflowError("deep");
        }).backoff(QUICK));
        await(() -> w.status().state() == SupervisedWorker.State.CANNOT_BE_REVIVED);
        Thread.sleep(200);
        assertThat(attempts.get()).as("no attempt after giving up").isEqualTo(QUICK.giveUpAfterErrors());
        assertThat(w.status().lastError()).contains("StackOverflowError");
        assertThat(w.status().restarts()).isEqualTo(QUICK.giveUpAfterErrors() - 1);
    }

    @Test
    void exceptionsFromOutsideNeverMakeItGiveUp() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch healthy = new CountDownLatch(1);
        SupervisedWorker w = start(SupervisedWorker.named("outage", ctx -> {
            if (attempts.incrementAndGet() <= 8) {
                throw new java.sql.SQLException("connection refused", "08001");
            }
            ctx.healthy();
            healthy.countDown();
            while (ctx.running()) {
                Thread.sleep(5);
            }
        }).backoff(QUICK));
        await(() -> attempts.get() >= 3);
        assertThat(w.status().state()).isIn(SupervisedWorker.State.FAILING, SupervisedWorker.State.RUNNING);
        assertThat(healthy.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(w.status().state()).isEqualTo(SupervisedWorker.State.RUNNING);
        assertThat(w.status().restarts()).isEqualTo(8);
    }

    @Test
    void aWorkerIsFailingFromItsFailureUntilTheNextAttemptDoesItsWork() throws Exception {
        CountDownLatch failedOnce = new CountDownLatch(1);
        CountDownLatch mayWork = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        SupervisedWorker w = start(SupervisedWorker.named("slow-to-heal", ctx -> {
            if (attempts.incrementAndGet() == 1) {
                failedOnce.countDown();
                throw new IllegalStateException("first attempt fails");
            }
            mayWork.await();
            ctx.healthy();
            while (ctx.running()) {
                Thread.sleep(5);
            }
        }).backoff(QUICK));
        failedOnce.await();
        await(() -> attempts.get() == 2);
        assertThat(w.status().state()).as("restarted but not yet healthy").isEqualTo(SupervisedWorker.State.FAILING);
        mayWork.countDown();
        await(() -> w.status().state() == SupervisedWorker.State.RUNNING);
    }

    @Test
    void aThreadThatCannotBeStartedIsRetriedThenReportedAsCannotBeRevived() throws Exception {
        AtomicInteger refused = new AtomicInteger();
        SupervisedWorker w = start(SupervisedWorker.named("no-threads", ctx -> { }).backoff(QUICK).threads(r -> {
            refused.incrementAndGet();
            throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached");
        }));
        await(() -> w.status().state() == SupervisedWorker.State.CANNOT_BE_REVIVED);
        assertThat(refused.get()).isEqualTo(QUICK.giveUpAfterErrors());
        assertThat(w.status().lastError()).contains("could not be started", "unable to create native thread");
    }

    @Test
    void anInterruptedLoopThatEndsIsRestarted() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        SupervisedWorker w = start(SupervisedWorker.named("interrupted", ctx -> {
            attempts.incrementAndGet();
            try {
                while (ctx.running()) {
                    ctx.healthy();
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                // as a loop that treats an interrupt as "stop" does: it returns
            }
        }).backoff(QUICK));
        await(() -> w.currentThread() != null && attempts.get() == 1);
        w.currentThread().interrupt();
        await(() -> attempts.get() == 2);
        assertThat(w.status().restarts()).isEqualTo(1);
        assertThat(w.status().lastError()).contains("returned while it should keep running");
    }

    @Test
    void aLongHealthyRunStartsTheCountAfresh() throws Exception {
        Backoff b = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofMillis(50), 2);
        AtomicInteger attempts = new AtomicInteger();
        SupervisedWorker w = start(SupervisedWorker.named("now-and-then", ctx -> {
            attempts.incrementAndGet();
            ctx.healthy();
            Thread.sleep(60);
            throw new AssertionError("fails after a healthy while");
        }).backoff(b));
        await(() -> attempts.get() >= 5);
        assertThat(w.status().state()).as("never gives up: each Error came after a healthy period")
                .isIn(SupervisedWorker.State.RUNNING, SupervisedWorker.State.FAILING);
        assertThat(w.status().failuresInARow()).isEqualTo(1);
    }

    @Test
    void stopEndsABackoffWaitAtOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        SupervisedWorker w = start(SupervisedWorker.named("stopped", ctx -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("down");
        }).backoff(new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30), 5)));
        await(() -> w.status().state() == SupervisedWorker.State.FAILING);
        assertThat(w.stop(Duration.ofSeconds(1))).isTrue();
        assertThat(w.status().state()).isEqualTo(SupervisedWorker.State.STOPPED);
        assertThat(attempts.get()).isEqualTo(1);
    }

    private SupervisedWorker start(SupervisedWorker.Builder b) {
        SupervisedWorker w = b.build();
        started.add(w);
        w.start();
        return w;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
