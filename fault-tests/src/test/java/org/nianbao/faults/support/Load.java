package org.nianbao.faults.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Client threads submitting reports (PUT) to the report service, each submission once or, with {@code retry},
 * again until it is answered with 2xx, under one Idempotency-Key per submission (so that a retry of a submission whose
 * answer was lost gets that answer instead of storing it again). Keeps what each submission got.
 */
public final class Load {

    /** One planned submission. */
    public record Submission(String agencyId, int year, long seed) {
        public String path() {
            return "/api/v1/agencies/" + agencyId + "/reports/" + year;
        }
    }

    /** A submission the service accepted (2xx), with the version its ETag named. */
    public record Accepted(String agencyId, int year, int version) {
    }

    public final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    public final AtomicInteger sent = new AtomicInteger();
    public final AtomicInteger noAnswer = new AtomicInteger();
    public final ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    public final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    public Load(int threads) {
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /**
     * Submits {@code plan} split over the threads; a thread keeps the order of its share (so one report's
     * versions go in order when the plan puts them in one share: see {@code shareOf}).
     */
    public Load start(List<Submission> plan, int threads, IntFunction<Integer> shareOf, boolean retry) {
        List<List<Submission>> shares = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < plan.size(); i++) {
            shares.get(shareOf.apply(i) % threads).add(plan.get(i));
        }
        for (List<Submission> share : shares) {
            running.add(pool.submit(() -> share.forEach(s -> submit(s, retry))));
        }
        return this;
    }

    private void submit(Submission s, boolean retry) {
        String body = FaultSuite.report(s.seed());
        String key = retry ? UUID.randomUUID().toString() : null;
        while (true) {
            sent.incrementAndGet();
            FaultSuite.Answer a = FaultSuite.put(FaultSuite.suite().reportService.url(), s.path(), body, key);
            if (a.status() < 0) {
                noAnswer.incrementAndGet();
            } else {
                statuses.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
            }
            if (a.ok()) {
                accepted.add(new Accepted(s.agencyId(), s.year(), a.version()));
                return;
            }
            if (a.status() >= 0 && refusals.size() < 20) {
                refusals.add(a.status() + " " + a.body());
            }
            if (!retry) {
                return;
            }
            FaultSuite.sleep(200);
        }
    }

    /** Waits for every thread to finish its share. */
    public void await(long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Future<?> f : running) {
            f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        pool.shutdown();
    }

    public boolean done() {
        return running.stream().allMatch(Future::isDone);
    }

    public List<Accepted> acceptedList() {
        return Collections.unmodifiableList(new ArrayList<>(accepted));
    }

    @Override
    public String toString() {
        return "sent " + sent + ", accepted " + accepted.size() + ", no answer " + noAnswer + ", statuses " + statuses;
    }
}
