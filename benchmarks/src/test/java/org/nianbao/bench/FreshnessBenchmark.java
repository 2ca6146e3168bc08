package org.nianbao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;
import org.nianbao.testsupport.ServiceProcess;
import org.nianbao.testsupport.SuiteProcesses;
import org.nianbao.testsupport.TestTokens;

/**
 * Freshness: the time from a 2xx on submit (through the gateway) to the report being counted in its province's
 * total at the aggregation service, p50 and p99, at three loads: the probes alone; a high load held at a fixed
 * rate ({@code bench.freshness.rate} submissions/s, default 400, from 64 clients through the gateway); and
 * saturation (the 64 clients as fast as they can). Latency under saturation measures a queue that grows whenever
 * the consumer is slower than the gateway, so the fixed rate is the figure for "high load" and saturation is shown
 * beside it. Each probe is a new report of its own agency, so the province's report count tells exactly when it
 * is in. Also the services' resident memory after the load.
 */
class FreshnessBenchmark {

    private static final int PROBES = 100;
    private static final int WARM_UP = 10;
    private static final int BACKGROUND_CLIENTS = 64;
    private static final int BACKGROUND_AGENCIES = 640;
    private static final String PROBE_SECTOR = "CIVIL_AFFAIRS";
    private static final String PROVINCE = "640000";
    private static final int YEAR = 2020;
    private static final int HIGH_RATE = Integer.getInteger("bench.freshness.rate", 400);
    /** A probe not counted by then is recorded at this time, and the phase goes on (the consumer is behind). */
    private static final long GIVE_UP_NANOS = 60_000_000_000L;
    /** Probes that wait for the consumer to catch up: at most 10 after each of the warm-up and the two loaded phases. */
    private static final int CATCH_UP_PROBES = 30;
    private static final int WARM_UP_WINDOW_SECONDS = 10;
    /** 0 measures the services cold, as sessions 3 to 13 did. */
    private static final int MAX_WARM_UP_WINDOWS = Integer.getInteger("bench.freshness.warm-up-windows", 20);
    private static final int MAX_MISSED = 3;
    private static final String BODY = resource("/fixtures/reports/seed-004-yanchi-2020.json");
    private static final String REVISED_CELL = "\"decisions\": 228"; // 行政许可 处理决定数量

    /**
     * The seed report with its licensing decisions set to {@code decisions}: each background revision of a report
     * changes a number, so every roll-up row above it changes too, as with a real correction (a resubmission of the
     * same numbers changes no roll-up row, and costs the consumer next to nothing).
     */
    private static String revisedBody(int decisions) {
        if (!BODY.contains(REVISED_CELL)) {
            throw new IllegalStateException("the seed report no longer has " + REVISED_CELL + "; pick another cell to revise");
        }
        return BODY.replace(REVISED_CELL, "\"decisions\": " + decisions);
    }

    // HTTP/1.1, one connection per client, as in IngestBenchmark: the JDK's default (HTTP/2 after an h2c upgrade) put
    // all 64 background clients on one connection, which one event loop of the gateway then served alone
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(BACKGROUND_CLIENTS + 4)).build();
    private final Results out = new Results("freshness");
    private SuiteProcesses suite;
    private int probesSent;
    private int missed;

    @Test
    void freshness() throws Exception {
        suite = SuiteProcesses.start(true);
        String admin = TestTokens.of("bench-setup", Set.of("admin"));
        for (int a = 0; a < WARM_UP + 3 * PROBES + CATCH_UP_PROBES; a++) { // each probe submits the first report of its own agency
            register(admin, "fresh-probe-" + a, "民政局 " + a, PROBE_SECTOR);
        }
        for (int a = 0; a < BACKGROUND_AGENCIES; a++) {
            register(admin, "fresh-load-" + a, "卫生健康局 " + a, "HEALTH");
        }
        probe(WARM_UP);
        if (MAX_WARM_UP_WINDOWS > 0) {
            warmUp();
        }
        out.line("| load | probes | p50 ms | p99 ms | max ms | background submissions/s |");
        out.line("|---|---|---|---|---|---|");
        Stats low = probe(PROBES);
        out.line("| low: the probes alone, one at a time | %d | %.0f | %.0f | %.0f | – |", low.count(), low.p50(), low.p99(),
                low.quantileMs(1.0));

        underLoad("high: 64 clients through the gateway, held at " + HIGH_RATE + "/s", HIGH_RATE);
        underLoad("saturation: 64 clients through the gateway, as fast as they can", 0);
        out.line("");
        out.line("| service | RSS now MB | peak RSS MB |");
        out.line("|---|---|---|");
        for (ServiceProcess p : List.of(suite.gateway, suite.reportService, suite.aggregationService)) {
            Rss rss = Rss.of(p.pid());
            out.line("| %s | %s | %s |", p.toString().replaceAll(" .*", ""), rss.currentMb(), rss.peakMb());
        }
    }

    /** The 64 background clients, submitting through the gateway until stopped. */
    private final class Background {
        private final AtomicBoolean loading = new AtomicBoolean(true);
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final ExecutorService pool = Executors.newFixedThreadPool(BACKGROUND_CLIENTS);
        private final List<Future<?>> clients = new ArrayList<>();

        /** At {@code rate} submissions per second in all, an open loop; 0: as fast as they can. */
        Background(int rate) {
            AtomicLong slots = new AtomicLong();
            long begin = System.nanoTime();
            for (int c = 0; c < BACKGROUND_CLIENTS; c++) {
                int client = c;
                String token = TestTokens.of("bench-load-" + client, Set.of("admin")); // its own rate-limit bucket
                clients.add(pool.submit(() -> {
                    for (int k = 0; loading.get(); k++) {
                        if (rate > 0) { // each submission has its start time, whoever sends it
                            long due = begin + slots.getAndIncrement() * 1_000_000_000L / rate;
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        int agency = (client + k * BACKGROUND_CLIENTS) % BACKGROUND_AGENCIES;
                        int status = put(suite.gateway, "/api/v1/agencies/fresh-load-" + agency + "/reports/" + (2008 + k % 17),
                                token, revisedBody(228 + k));
                        if (status == 200 || status == 201) {
                            accepted.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
        }

        void stop() throws Exception {
            loading.set(false);
            for (Future<?> f : clients) {
                f.get();
            }
            pool.shutdown();
        }
    }

    /**
     * The background as fast as it can, in windows of {@link #WARM_UP_WINDOW_SECONDS}, until the services' JIT compilers
     * go quiet (as in {@code IngestBenchmark}): the phases then measure the services as they run through a season, not
     * their first minutes, when the compilers take a sixth of the machine (BENCHMARKS.md, section 1, session 14).
     */
    private void warmUp() throws Exception {
        CpuSplit cpu = new CpuSplit(Map.of(), Map.of())
                .serviceCompilers(List.of(suite.gateway.pid(), suite.reportService.pid(), suite.aggregationService.pid()));
        Background load = new Background(0);
        double share = 1;
        int windows = 0;
        long submitted = 0;
        while (share >= CpuSplit.COMPILERS_QUIET && windows < MAX_WARM_UP_WINDOWS) {
            windows++;
            Map<String, Long> start = cpu.snapshot();
            long windowStart = load.accepted.get();
            Thread.sleep(WARM_UP_WINDOW_SECONDS * 1_000L);
            Map<String, Long> end = cpu.snapshot();
            share = CpuSplit.compilerShare(start, end);
            submitted = load.accepted.get();
            System.out.printf("warm-up window %d of at most %d: %.0f submissions/s, the services' JIT compilers %.1f %% of the "
                            + "machine's CPU (done below %.0f %%)%n", windows, MAX_WARM_UP_WINDOWS,
                    (submitted - windowStart) / (double) WARM_UP_WINDOW_SECONDS, 100 * share, 100 * CpuSplit.COMPILERS_QUIET);
        }
        load.stop();
        awaitCaughtUp();
        out.line("Warm-up: the background as fast as it can for %d window(s) of %d s, %,d submissions, until the services' JIT "
                + "compilers used under %.0f %% of the machine's CPU in a window (%.1f %% in the last).", windows,
                WARM_UP_WINDOW_SECONDS, submitted, 100 * CpuSplit.COMPILERS_QUIET, 100 * share);
        out.line("");
    }

    /** Probes while 64 background clients submit, at {@code rate} per second in all (0: as fast as they can). */
    private void underLoad(String label, int rate) throws Exception {
        Background load = new Background(rate);
        Thread.sleep(5_000); // let the load settle
        long before = load.accepted.get();
        long t0 = System.nanoTime();
        Stats stats = probe(PROBES);
        double achieved = (load.accepted.get() - before) / ((System.nanoTime() - t0) / 1e9);
        load.stop();
        out.line("| %s | %d | %.0f | %.0f | %.0f | %.0f |", label, stats.count(), stats.p50(), stats.p99(),
                stats.quantileMs(1.0), achieved);
        if (load.refused.get() > 0) {
            out.line("| … background submissions not accepted (not counted above) | %d | | | | |", load.refused.get());
        }
        if (missed > 0) {
            out.line("| … of which not counted within 60 s (recorded as 60 s; the phase stops after %d) | %d | | | | |",
                    MAX_MISSED, missed);
            missed = 0;
        }
        awaitCaughtUp();
    }

    /** Before the next phase: the consumer has applied everything (a probe is counted at once again). */
    private void awaitCaughtUp() throws Exception {
        for (int i = 0; i < CATCH_UP_PROBES / 3; i++) { // the warm-up and two phases end with this
            Stats one = probe(1);
            if (one.p50() < 1_000) {
                return;
            }
        }
        throw new IllegalStateException("the consumer did not catch up within 10 probes of the load ending");
    }

    /** Submits {@code n} new reports one after another; for each, the time from its 2xx until the province counts it. */
    private Stats probe(int n) throws Exception {
        Stats stats = new Stats();
        String token = TestTokens.of("bench-probe", Set.of("admin"));
        for (int i = 0; i < n && missed < MAX_MISSED; i++) { // past that the consumer is behind: the phase is over
            int expected = counted() + 1;
            int status = put(suite.gateway, "/api/v1/agencies/fresh-probe-" + probesSent++ + "/reports/" + YEAR, token, BODY);
            long t0 = System.nanoTime();
            if (status != 201 && status != 200) {
                throw new IllegalStateException("probe submission answered " + status);
            }
            while (counted() < expected) {
                if (System.nanoTime() - t0 > GIVE_UP_NANOS) {
                    break;
                }
                Thread.sleep(2);
            }
            long took = System.nanoTime() - t0;
            if (took > GIVE_UP_NANOS) {
                missed++;
                took = GIVE_UP_NANOS;
            }
            stats.add(took);
            Thread.sleep(50);
        }
        return stats;
    }

    private int counted() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(suite.aggregationService.url() + "/api/v1/regions/"
                + PROVINCE + "/totals?year=" + YEAR + "&sector=" + PROBE_SECTOR)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode totals = EventJson.mapper().readTree(r.body());
        return totals.path("reports").asInt();
    }

    private void register(String token, String id, String name, String sector) throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(suite.reportService.url() + "/api/v1/agencies"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"name\":\"" + name
                        + "\",\"regionCode\":\"640323\",\"sector\":\"" + sector + "\"}")).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("registering " + id + " answered " + r.statusCode());
        }
    }

    private int put(ServiceProcess target, String path, String token, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(target.url() + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String resource(String path) {
        try (InputStream in = FreshnessBenchmark.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
