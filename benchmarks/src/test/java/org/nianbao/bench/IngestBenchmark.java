package org.nianbao.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.PostgresResource;
import org.nianbao.testsupport.ServiceProcess;
import org.nianbao.testsupport.SuiteProcesses;
import org.nianbao.testsupport.TestTokens;

/**
 * Ingest: report submissions per second, with p50 and p99 latency, straight to the report service and through
 * the gateway, with 1, 8 and 64 concurrent clients; beside it the physical reference, the same rows written by
 * a plain JDBC batch insert into the same PostgreSQL; and at 64 clients, submissions that ask for the minimal answer
 * ({@code Prefer: return=minimal}). Prints a table; asserts nothing about speed.
 */
class IngestBenchmark {

    private static final int[] CLIENTS = {1, 8, 64};
    private static final int AGENCIES = 640;
    private static final int WARM_UP = 1_000;
    /**
     * After a first pass over each path, the suite is loaded through the gateway in windows of this many submissions
     * (half of them asking for the minimal answer) until the services' JIT compilers go quiet. A service compiles for
     * about the first 100,000 submissions: its C2 compiler thread took 20 s of CPU, and its CPU per submission fell from
     * 1.4 ms to 0.54 ms (session 14). Rows measured before that measured the compiler.
     */
    private static final int WARM_UP_WINDOW = 4_000;
    private static final int MAX_WARM_UP_WINDOWS = Integer.getInteger("bench.ingest.warm-up-windows", 40);
    /**
     * Per row, by client count. The 64-client rows run 20,000 submissions (about half a minute): rows of 4,000, over
     * in 6–8 s, measured 30 % lower, their start still warming up. {@code -Dbench.ingest.submissions=N} changes it.
     */
    private static final int[] SUBMISSIONS = {600, 2_000, Integer.getInteger("bench.ingest.submissions", 20_000)};
    private static final String MINIMAL = "return=minimal";
    /** Reports in one request of the batch rows ({@code POST /api/v1/reports:batch}): about 700 KB of JSON. */
    private static final int BATCH = Integer.getInteger("bench.ingest.batch", 100);
    private static final String BODY = resource("/fixtures/reports/seed-004-yanchi-2020.json");
    private static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);
    /** Load threads are named so that {@link CpuSplit} can tell their CPU from the Kafka broker's in the same JVM. */
    private static final String LOAD_THREAD = "load-";
    // HTTP/1.1: each concurrent client has its own connection, as separate agencies would. The default (HTTP/2 after
    // an h2c upgrade) multiplexes all 64 clients over one connection, which one event loop of the server then serves.
    // Since session 13 the rows use Http1Connection; this client runs one row beside it, for comparison with earlier
    // sessions' figures.
    private final HttpClient jdkHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(64, named(LOAD_THREAD + "jdk-"))).build();

    /** Which HTTP client a row's load threads use. */
    private enum Client { LEAN, JDK }

    private final List<String> lines = new ArrayList<>();
    private final List<String> cpuLines = new ArrayList<>();
    private CpuSplit cpu;
    /** Its resident memory after each row: which load takes it to its peak. */
    private ServiceProcess reportService;

    @Test
    void ingest() throws Exception {
        SuiteProcesses suite = SuiteProcesses.start(true);
        Map<String, Long> processes = new LinkedHashMap<>();
        processes.put("gateway", suite.gateway.pid());
        processes.put("report service", suite.reportService.pid());
        processes.put("aggregation service", suite.aggregationService.pid());
        processes.put("benchmark JVM (load clients, Kafka)", ProcessHandle.current().pid());
        Map<String, String> databases = new LinkedHashMap<>();
        databases.put("reports", "PostgreSQL, reports db");
        databases.put("aggregates", "PostgreSQL, aggregates db");
        // the JDK client's selector thread is "HttpClient-N-SelectorManager"
        cpu = new CpuSplit(processes, databases)
                .threadsOfThisProcess("… of it, load client threads", t -> t.startsWith(LOAD_THREAD) || t.startsWith("HttpClient-"))
                .serviceCompilers(List.of(suite.gateway.pid(), suite.reportService.pid(), suite.aggregationService.pid()));
        for (int a = 0; a < AGENCIES; a++) {
            sendJdk(suite.reportService.url() + "/api/v1/agencies", "POST", TestTokens.admin(),
                    "{\"id\":\"bench-" + a + "\",\"name\":\"基准测试局 " + a + "\",\"regionCode\":\"640323\",\"sector\":\"HEALTH\"}", null);
        }
        // the relay compresses every event it sends: its codec's CPU is the report service's (KAFKA_COMPRESSION=lz4 to compare)
        line("Events' Kafka compression: " + System.getenv().getOrDefault("KAFKA_COMPRESSION", "gzip (the default)") + ".");
        line("");
        warmUp(suite);
        reportService = suite.reportService;
        line("| target | clients | submissions | per second | p50 ms | p99 ms | errors | report service RSS MB after / peak so far |");
        line("|---|---|---|---|---|---|---|---|");
        int round = 1;
        for (String target : List.of("report service", "gateway")) {
            String base = target.equals("gateway") ? suite.gateway.url() : suite.reportService.url();
            for (int i = 0; i < CLIENTS.length; i++) {
                run(target, base, CLIENTS[i], SUBMISSIONS[i], round++, null, Client.LEAN);
            }
        }
        // a bulk submitter that does not read the stored report back asks for the summary only (RFC 7240)
        run("report service, Prefer: return=minimal", suite.reportService.url(), 64, SUBMISSIONS[2], round++, MINIMAL, Client.LEAN);
        run("gateway, Prefer: return=minimal", suite.gateway.url(), 64, SUBMISSIONS[2], round++, MINIMAL, Client.LEAN);
        // the same row with the JDK's HttpClient, as sessions 4 to 12 measured it, then the lean client again:
        // the two clients' difference, measured in the same run, either side of it
        run("gateway, Prefer: return=minimal, JDK HttpClient", suite.gateway.url(), 64, SUBMISSIONS[2], round++, MINIMAL, Client.JDK);
        run("gateway, Prefer: return=minimal (again)", suite.gateway.url(), 64, SUBMISSIONS[2], round++, MINIMAL, Client.LEAN);
        // a provincial platform or an importer sends many reports a request: one transaction, one round trip a statement
        String batched = ", " + BATCH + " reports a POST /api/v1/reports:batch";
        run("report service" + batched, suite.reportService.url(), 8, SUBMISSIONS[2], round++, BATCH);
        run("gateway" + batched, suite.gateway.url(), 8, SUBMISSIONS[2], round++, BATCH);
        run("gateway" + batched, suite.gateway.url(), 64, SUBMISSIONS[2], round++, BATCH);
        jdbcReference(SUBMISSIONS[2]);
        line("");
        line("| service | RSS now MB | peak RSS MB |");
        line("|---|---|---|");
        for (ServiceProcess p : List.of(suite.gateway, suite.reportService, suite.aggregationService)) {
            Rss rss = Rss.of(p.pid());
            line(String.format("| %s | %s | %s |", p.toString().replaceAll(" .*", ""), rss.currentMb(), rss.peakMb()));
        }
        if (NativeMemory.tracked()) {
            line("");
            line("Native Memory Tracking, committed MB by category, as each service exited at the end of the run:");
            line("");
            line("| service | category | committed MB | malloc peak MB |");
            line("|---|---|---|---|");
            for (ServiceProcess p : List.of(suite.gateway, suite.reportService, suite.aggregationService)) {
                NativeMemory.stopAndSummarize(p.toString().replaceAll(" .*", ""), p).forEach(this::line);
            }
        }
        line("");
        line("CPU per submission, ms, by part (from /proc; \"machine busy\" is every process, out of 2 cores):");
        line("");
        lines.addAll(cpuLines);
        cpuLines.forEach(System.out::println);
        Path out = Path.of("target", "ingest-results.md");
        Files.write(out, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        System.out.println(String.join("\n", lines));
    }

    /**
     * Every path once, then windows through the gateway until the services' JIT compilers go quiet: the rows measure
     * the steady state that a service reaches a few minutes into a reporting season, not its compilation.
     */
    private void warmUp(SuiteProcesses suite) throws Exception {
        run("warm-up", suite.reportService.url(), 8, WARM_UP, 0, null, Client.LEAN);
        run("warm-up", suite.gateway.url(), 8, WARM_UP, 0, null, Client.LEAN);
        run("warm-up", suite.gateway.url(), 8, WARM_UP, 0, null, Client.JDK);
        run("warm-up", suite.gateway.url(), 8, 20 * WARM_UP, 0, BATCH); // the batch path's own code, compiled before its rows
        double share = 1;
        int windows = 0;
        while (share >= CpuSplit.COMPILERS_QUIET && windows < MAX_WARM_UP_WINDOWS) {
            windows++;
            Map<String, Long> before = cpu.snapshot();
            long start = System.nanoTime();
            run("warm-up", suite.gateway.url(), 64, WARM_UP_WINDOW / 2, 0, null, Client.LEAN);
            run("warm-up", suite.gateway.url(), 64, WARM_UP_WINDOW / 2, 0, MINIMAL, Client.LEAN);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> after = cpu.snapshot();
            share = CpuSplit.compilerShare(before, after);
            double machineMs = CpuSplit.perUnit(before, after, WARM_UP_WINDOW).get(CpuSplit.MACHINE_BUSY);
            System.out.printf("warm-up window %d of at most %d: %.0f submissions/s, %.2f ms of the machine's CPU each, "
                            + "the services' JIT compilers %.1f %% of it (done below %.0f %%)%n", windows, MAX_WARM_UP_WINDOWS,
                    WARM_UP_WINDOW / seconds, machineMs, 100 * share, 100 * CpuSplit.COMPILERS_QUIET);
        }
        line(String.format("Warm-up: %,d submissions to each path at 8 clients, then %d window(s) of %,d through the gateway at "
                        + "64 clients (half of them with the minimal answer) until the services' JIT compilers used under %.0f %% "
                        + "of the machine's CPU in a window (%.1f %% in the last).", WARM_UP, windows, WARM_UP_WINDOW,
                100 * CpuSplit.COMPILERS_QUIET, 100 * share));
        line("");
    }

    /**
     * Each client revises its own reports (its own agencies), so clients never wait on one another's row locks.
     * {@code prefer}: the Prefer header of each submission, or null.
     */
    private void run(String target, String base, int clients, int submissions, int round, String prefer, Client client)
            throws Exception {
        run(target, base, clients, submissions, round, prefer, client, 1);
    }

    /** Rows of batches: each request submits {@code perRequest} reports; the latencies are a request's. */
    private void run(String target, String base, int clients, int submissions, int round, int perRequest) throws Exception {
        run(target, base, clients, submissions, round, MINIMAL, Client.LEAN, perRequest);
    }

    private void run(String target, String base, int clients, int submissions, int round, String prefer, Client client,
                     int perRequest) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients, named(LOAD_THREAD));
        String headers = (prefer == null ? "" : "Prefer: " + prefer + "\r\n") + "Content-Type: application/json\r\n";
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        int[] errors = {0};
        Map<String, Long> cpuBefore = cpu.snapshot();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            String token = TestTokens.of("bench-client-" + round + "-" + me, Set.of("admin")); // one rate bucket each
            String authorized = "Authorization: Bearer " + token + "\r\n" + headers;
            done.add(pool.submit(() -> {
                try (Http1Connection connection = new Http1Connection(base)) {
                    for (int k = me; k < submissions / perRequest; k += clients) {
                        long t0 = System.nanoTime();
                        int status;
                        if (perRequest > 1) {
                            status = connection.send("POST", "/api/v1/reports:batch", authorized, batch(me, clients, k / clients, perRequest));
                        } else {
                            int agency = (me + (k / clients) * clients) % AGENCIES;
                            int year = 2008 + (k / AGENCIES) % 17;
                            String path = "/api/v1/agencies/bench-" + agency + "/reports/" + year;
                            status = client == Client.LEAN ? connection.send("PUT", path, authorized, BODY_BYTES)
                                    : sendJdk(base + path, "PUT", token, BODY, prefer);
                        }
                        latencies.add(System.nanoTime() - t0);
                        if (status != 200 && status != 201) {
                            synchronized (errors) {
                                errors[0] += perRequest;
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cpuPerSubmission = CpuSplit.perUnit(cpuBefore, cpu.snapshot(), submissions);
        pool.shutdown();
        // its threads must be gone before the next row's first snapshot, or their ticks leave that row's thread count
        pool.awaitTermination(10, TimeUnit.SECONDS);
        if (round == 0) {
            return;
        }
        if (cpuLines.isEmpty()) {
            cpuLines.add("| target | clients | " + String.join(" | ", cpuPerSubmission.keySet()) + " |");
            cpuLines.add("|---|---|" + "---|".repeat(cpuPerSubmission.size()));
        }
        cpuLines.add("| " + target + " | " + clients + " | " + String.join(" | ", cpuPerSubmission.values().stream()
                .map(ms -> String.format("%.2f", ms)).toList()) + " |");
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Rss rss = Rss.of(reportService.pid());
        line(String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %d | %s / %s |", target, clients, submissions, submissions / seconds,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6, errors[0],
                rss.currentMb(), rss.peakMb()));
    }

    /**
     * The {@code n}th batch of client {@code me}: the same seed report for {@code size} of the client's own reports, ten
     * agencies at a time over the years 2008–2024, so that no report comes twice in a batch and clients never share one.
     */
    private static byte[] batch(int me, int clients, int n, int size) {
        StringBuilder body = new StringBuilder(size * (BODY.length() + 40)).append("{\"reports\":[");
        int agencies = Math.min(10, AGENCIES / clients);
        for (int i = 0; i < size; i++) {
            int agency = (me + (i % agencies) * clients) % AGENCIES;
            int year = 2008 + (n * size / agencies + i / agencies) % 17;
            body.append(i == 0 ? "" : ",").append("{\"agencyId\":\"bench-").append(agency).append("\",\"year\":").append(year)
                    .append(',').append(BODY, BODY.indexOf('{') + 1, BODY.length());
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The rows one submission writes (a version with its cells, an outbox record), batch-inserted by plain JDBC. */
    private void jdbcReference(int rows) throws Exception {
        String url = PostgresResource.jdbcUrl("reports");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE bench_version (LIKE report_version INCLUDING DEFAULTS INCLUDING INDEXES)");
            // as the outbox since migration V3: the payload lz4-compressed by the service and kept in the row
            s.execute("CREATE TEMP TABLE bench_outbox (LIKE outbox_event INCLUDING DEFAULTS INCLUDING STORAGE)"
                    + " WITH (toast_tuple_target = 8160)");
            s.execute("CREATE TEMP SEQUENCE bench_outbox_id");
            s.execute("ALTER TABLE bench_outbox ALTER COLUMN id SET DEFAULT nextval('bench_outbox_id')");
            String stored = BODY; // a JSON document of the size of a stored version's cells
            byte[] payload = lz4(stored.getBytes(StandardCharsets.UTF_8)); // an outbox payload of the same size
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement v = c.prepareStatement("INSERT INTO bench_version (agency_id, year, version, status, template,"
                    + " submitted_at, cells, blank_cells, texts, warnings) VALUES (?, ?, 1, 'ACTIVE', 'GOV_2019', ?, ?::jsonb, '[]', '{}', '[]')");
                 PreparedStatement o = c.prepareStatement("INSERT INTO bench_outbox (topic, record_key, payload) VALUES (?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    v.setString(1, "bench-" + i);
                    v.setInt(2, 2008 + i % 17);
                    v.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    v.setString(4, stored);
                    v.addBatch();
                    o.setString(1, "nianbao.reports.v1");
                    o.setString(2, "bench-" + i + "/" + (2008 + i % 17));
                    o.setBytes(3, payload);
                    o.addBatch();
                    if (i % 500 == 499) {
                        v.executeBatch();
                        o.executeBatch();
                        c.commit();
                    }
                }
                v.executeBatch();
                o.executeBatch();
                c.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            line(String.format("| plain JDBC batch insert (500 a batch) | 1 | %d | %.0f | – | – | 0 | – |", rows, rows / seconds));
        }
    }

    /** As the report service's {@code OutboxPayload} stores an event: a format byte, the length, one lz4 block. */
    private static byte[] lz4(byte[] json) {
        LZ4Compressor compressor = LZ4Factory.fastestInstance().fastCompressor();
        byte[] block = compressor.compress(json);
        return ByteBuffer.allocate(5 + block.length).put((byte) 1).putInt(json.length).put(block).array();
    }

    private int sendJdk(String url, String method, String token, String body, String prefer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            if (prefer != null) {
                request.header("Prefer", prefer);
            }
            return jdkHttp.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> new Thread(task, prefix + next.incrementAndGet());
    }

    private void line(String text) {
        lines.add(text);
        System.out.println(text);
    }

    private static String resource(String path) {
        try (InputStream in = IngestBenchmark.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
