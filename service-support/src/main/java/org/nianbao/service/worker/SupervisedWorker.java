package org.nianbao.service.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs a background worker's loop on a thread of its own and keeps it running: when the loop throws anything
 * (an {@link Error} included), returns while it should still run, or its thread dies, the supervisor logs why,
 * counts it, runs the worker's own recovery (close a producer, drop a lock) and starts the loop again on a fresh
 * thread after a {@link Backoff}. A worker is then "failing" until its loop reports itself {@linkplain
 * Context#healthy() healthy} again, which readiness shows; it "cannot be revived" only when Errors keep coming
 * back or no thread can be started, which liveness shows, so that the orchestrator restarts the process.
 * <p>
 * Each attempt runs on a new thread, watched by a supervisor thread that does nothing else: a fault in the loop
 * (an OutOfMemoryError thrown while handling a failure, say) cannot take the supervision down with it, and no
 * interrupt or broken thread state is carried into the next attempt. The recovery runs on the supervisor thread
 * after the failed thread has ended, so it never races the loop over the state they share.
 */
public final class SupervisedWorker {

    /** What health reports of a worker. */
    public enum State {
        /** Started, and healthy since its last failure (or never failed). */
        RUNNING,
        /** Its last attempt failed and the next one has not yet reported itself healthy. */
        FAILING,
        /** Given up: restarting it again would not help, only a new process would. */
        CANNOT_BE_REVIVED,
        /** Not started, or stopped on purpose. */
        STOPPED
    }

    /** The worker's loop: runs while {@link Context#running()}; any throw or early return is a failure. */
    @FunctionalInterface
    public interface Body {
        void run(Context context) throws Exception;
    }

    /** The worker's own clean-up after a failed attempt, before the next one starts. */
    @FunctionalInterface
    public interface Recovery {
        void afterFailure(Throwable failure);
    }

    /** What the loop sees of its supervisor. */
    public interface Context {
        /** False once the worker is being stopped: the loop should return. */
        boolean running();

        /** Says that the loop did its work (a batch relayed, a poll answered); ends the worker's "failing". */
        void healthy();
    }

    /**
     * A snapshot for health checks and metrics; {@code lastFailureAt} and {@code lastError} are null until one.
     * {@code unreadyWhileFailing} says whether the instance should stop taking traffic while this worker fails.
     */
    public record Status(String name, State state, long restarts, int failuresInARow, Instant lastFailureAt, String lastError,
                         boolean unreadyWhileFailing) {
    }

    private static final Logger LOG = Logger.getLogger(SupervisedWorker.class);
    private static final Duration STOP_AFTER_INTERRUPT = Duration.ofSeconds(2);

    private final String name;
    private final Body body;
    private final Recovery recovery;
    private final Runnable nudge;
    private final Backoff backoff;
    private final ThreadFactory threads;
    private final boolean unreadyWhileFailing;

    private final Object lock = new Object();
    private volatile boolean stopping = true;
    private volatile State state = State.STOPPED;
    private volatile Thread supervisor;
    private volatile Thread current;
    private final AtomicLong restarts = new AtomicLong();
    private volatile int failuresInARow;
    private volatile int errorsSinceHealthy;
    private volatile Instant lastFailureAt;
    private volatile String lastError;

    private SupervisedWorker(Builder b) {
        this.name = b.name;
        this.body = b.body;
        this.recovery = b.recovery;
        this.nudge = b.nudge != null ? b.nudge : this::interruptCurrent;
        this.backoff = b.backoff;
        this.unreadyWhileFailing = b.unreadyWhileFailing;
        ThreadFactory source = b.threads;
        this.threads = r -> {
            Thread t = source.newThread(r);
            t.setName(name); // every attempt's thread has the worker's name, as thread dumps and logs show it
            return t;
        };
    }

    /** A worker named {@code name} (also its thread's name) that runs {@code body}. */
    public static Builder named(String name, Body body) {
        return new Builder(name, body);
    }

    public String name() {
        return name;
    }

    /** Starts the loop on its own thread; does nothing if it runs already. */
    public void start() {
        synchronized (lock) {
            if (supervisor != null) {
                return;
            }
            stopping = false;
            state = State.RUNNING;
            Thread s = new Thread(this::supervise, name + "-supervisor");
            s.setDaemon(true);
            supervisor = s;
            s.start();
        }
    }

    /**
     * Asks the loop to return (the worker's nudge: a wake-up, or an interrupt by default) and waits up to
     * {@code timeout} for it; then interrupts it and waits a little more. True if it ended.
     */
    public boolean stop(Duration timeout) {
        requestStop();
        return awaitStopped(timeout);
    }

    /** The first half of {@link #stop}: asks the loop to return and does not wait, so that several stop at once. */
    public void requestStop() {
        synchronized (lock) {
            if (supervisor == null) {
                return;
            }
            stopping = true;
            lock.notifyAll(); // ends a backoff wait
        }
        try {
            nudge.run();
        } catch (RuntimeException e) {
            LOG.debugf("%s: waking the worker to stop: %s", name, e);
        }
    }

    /** The second half of {@link #stop}. */
    public boolean awaitStopped(Duration timeout) {
        Thread s = supervisor;
        if (s == null) {
            return true;
        }
        boolean ended = join(s, timeout);
        if (!ended) {
            Thread t = current;
            if (t != null) {
                t.interrupt();
            }
            ended = join(s, STOP_AFTER_INTERRUPT);
        }
        synchronized (lock) {
            supervisor = null;
            state = State.STOPPED;
        }
        if (!ended) {
            LOG.warnf("%s did not stop within %d s; left to end with the process", name, timeout.toSeconds());
        }
        return ended;
    }

    public Status status() {
        State s = state;
        Thread sup = supervisor;
        if ((s == State.RUNNING || s == State.FAILING) && sup != null && !sup.isAlive() && !stopping) {
            // the supervision itself ended, which its loop never lets happen: report it rather than trust it
            return new Status(name, State.CANNOT_BE_REVIVED, restarts.get(), failuresInARow, lastFailureAt,
                    "its supervisor thread ended; last error: " + lastError, unreadyWhileFailing);
        }
        return new Status(name, s, restarts.get(), failuresInARow, lastFailureAt, lastError, unreadyWhileFailing);
    }

    /** The body's thread in this attempt, or null between attempts; for tests that break it from outside. */
    Thread currentThread() {
        return current;
    }

    private void supervise() {
        try {
            while (!stopping) {
                Attempt attempt = runOnce();
                if (stopping) {
                    break;
                }
                if (!failed(attempt)) {
                    return; // given up
                }
                if (!waitOrStop(backoff.delay(failuresInARow))) {
                    break;
                }
                restarts.incrementAndGet();
            }
        } catch (Throwable t) {
            // nothing above should throw; if it does (no memory to log, say), health reports the worker as lost
            state = State.CANNOT_BE_REVIVED;
            lastError = "its supervisor failed: " + t;
            throw t;
        }
    }

    /** Runs the body once on a new thread and waits for that thread to end. */
    private Attempt runOnce() {
        Attempt attempt = new Attempt();
        Thread t;
        try {
            t = threads.newThread(() -> attempt.run(body));
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> attempt.failure = e);
            current = t;
            t.start();
        } catch (Throwable e) { // OutOfMemoryError "unable to create native thread", or a refused thread factory
            current = null;
            attempt.failure = e;
            attempt.couldNotStart = true;
            return attempt;
        }
        join(t, null);
        current = null;
        return attempt;
    }

    /** Records a failed attempt and recovers from it; false if the worker cannot be revived. */
    private boolean failed(Attempt attempt) {
        Throwable failure = attempt.failure;
        boolean errorLike;
        String why;
        if (attempt.couldNotStart) {
            errorLike = true;
            why = "its thread could not be started: " + failure;
        } else if (failure != null) {
            errorLike = failure instanceof Error;
            why = failure.toString();
        } else if (attempt.returned) {
            errorLike = false;
            why = "its loop returned while it should keep running (interrupted?)";
        } else {
            errorLike = true;
            why = "its thread ended without a reason";
        }
        if (attempt.healthySince != 0 && System.nanoTime() - attempt.healthySince >= backoff.healthyPeriod().toNanos()) {
            failuresInARow = 0;
            errorsSinceHealthy = 0;
        }
        failuresInARow++;
        if (errorLike) {
            errorsSinceHealthy++;
        }
        lastFailureAt = Instant.now();
        lastError = why;
        state = State.FAILING;
        try {
            recovery.afterFailure(failure != null ? failure : new IllegalStateException(why));
        } catch (Throwable e) {
            LOG.warnf("%s: its recovery after the failure failed too: %s", name, e);
        }
        if (errorsSinceHealthy >= backoff.giveUpAfterErrors()) {
            state = State.CANNOT_BE_REVIVED;
            LOG.errorf(failure, "%s cannot be revived: %d Errors since it was last healthy, the last: %s; liveness now says DOWN "
                    + "so that the process is restarted", name, errorsSinceHealthy, why);
            return false;
        }
        long waitMs = backoff.delay(failuresInARow).toMillis();
        if (errorLike) {
            LOG.errorf(failure, "%s failed (%s); restarting it in %d ms (failure %d in a row)", name, why, waitMs, failuresInARow);
        } else {
            // an outage of Kafka or the database repeats this every few seconds: one line each, no stack trace
            LOG.warnf("%s failed (%s); restarting it in %d ms (failure %d in a row)", name, why, waitMs, failuresInARow);
        }
        return true;
    }

    /** Waits out a backoff; false if the worker was stopped meanwhile. */
    private boolean waitOrStop(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            while (!stopping) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    // only stop() ends the supervision
                }
            }
        }
        return false;
    }

    /** Waits for {@code t} to end, up to {@code timeout} (null: for as long as it takes); true if it did. */
    private static boolean join(Thread t, Duration timeout) {
        long end = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (t.isAlive()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                t.join(timeout == null ? 0 : Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                // a supervisor keeps watching; the worker's nudge is what stops it
            }
        }
        return true;
    }

    /** One run of the body: how it ended. Written by its thread, read by the supervisor after join(). */
    private final class Attempt implements Context {
        volatile Throwable failure;
        volatile boolean returned;
        volatile boolean couldNotStart;
        volatile long healthySince;

        void run(Body b) {
            try {
                b.run(this);
                returned = true;
            } catch (Throwable e) {
                failure = e;
            }
        }

        @Override
        public boolean running() {
            return !stopping;
        }

        @Override
        public void healthy() {
            if (healthySince == 0) {
                healthySince = System.nanoTime();
                if (state == State.FAILING) {
                    state = State.RUNNING;
                }
            }
        }
    }

    /** Settings of a worker; only the name and the body are needed. */
    public static final class Builder {
        private final String name;
        private final Body body;
        private Recovery recovery = failure -> { };
        private Runnable nudge;
        private Backoff backoff = Backoff.DEFAULT;
        private ThreadFactory threads = Thread::new;
        private boolean unreadyWhileFailing = true;

        private Builder(String name, Body body) {
            this.name = Objects.requireNonNull(name);
            this.body = Objects.requireNonNull(body);
        }

        /** Clean-up after a failed attempt (runs on the supervisor's thread, once the failed thread has ended). */
        public Builder onFailure(Recovery recovery) {
            this.recovery = Objects.requireNonNull(recovery);
            return this;
        }

        /** How to make the loop notice a stop at once (a wake-up of its consumer or semaphore); an interrupt by default. */
        public Builder onStop(Runnable nudge) {
            this.nudge = Objects.requireNonNull(nudge);
            return this;
        }

        /**
         * The instance stays ready while this worker fails and its supervisor retries: for a worker whose failure
         * does not keep the instance from serving its requests correctly (the outbox relay: submissions are stored
         * and their events wait in the outbox). Its state still shows in the readiness data, and a worker that cannot
         * be revived still turns both readiness and liveness DOWN.
         */
        public Builder keepsInstanceReadyWhileFailing() {
            this.unreadyWhileFailing = false;
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff);
            return this;
        }

        /** Where the attempts' threads come from; tests use it to refuse one. */
        Builder threads(ThreadFactory threads) {
            this.threads = Objects.requireNonNull(threads);
            return this;
        }

        public SupervisedWorker build() {
            return new SupervisedWorker(this);
        }
    }

    private void interruptCurrent() {
        Thread t = current;
        if (t != null) {
            t.interrupt();
        }
    }
}
