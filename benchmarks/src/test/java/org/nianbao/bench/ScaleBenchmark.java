package org.nianbao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.nianbao.model.agency.Sector;
import org.nianbao.model.event.AgencyData;
import org.nianbao.model.event.CloudEvent;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.event.ReportData;
import org.nianbao.model.event.Topics;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.model.region.RegionLevel;
import org.nianbao.testsupport.KafkaResource;
import org.nianbao.testsupport.PostgresResource;
import org.nianbao.testsupport.SuiteProcesses;
import org.nianbao.testsupport.TestTokens;

/**
 * Queries at national scale, the rebuild rate and the aggregation service's memory (issue 7, parts 3–5).
 * <ol>
 *   <li>Loads about 1,000,000 report versions (166,000 agencies × 6 years, 4 % revised) by the fastest correct
 *   path: with the aggregation service stopped, the events the report service would publish are produced straight
 *   onto {@code nianbao.reports.v1} and {@code nianbao.agencies.v1}, and the current version of each report goes by
 *   COPY into a plain reports table in the same PostgreSQL. The live consumer's group is then set to the end of
 *   both topics, the service started again, and a rebuild applies every event from the topics (the live consumer
 *   applies only about 900 events a second); the totals of the country must then count every report.</li>
 *   <li>Times totals, breakdown, compare, rankings (of regions, and of a province's and the country's county bureaus),
 *   completeness, quality, and national answers as CSV and xlsx against the aggregation service (sequential requests, one
 *   client; a first pass, then the steady state after a JIT warm-up) and the same answers by GROUP BY over the plain
 *   table, in the same run; checks that they agree.</li>
 *   <li>Rebuilds every roll-up from the topics a second time, now while the live consumer runs as in
 *   production, and reports the rate.</li>
 *   <li>Reads the services' resident memory (the aggregation service's since it was started again).</li>
 * </ol>
 * {@code -Dbench.agencies=N} runs it smaller (each agency brings 6 reports).
 */
class ScaleBenchmark {

    private static final int AGENCIES = Integer.getInteger("bench.agencies", 166_000);
    private static final double REVISED = 0.04;
    private static final int HTTP_RUNS = 300;
    private static final int COLD_WARM_UP = 30;
    /** With {@link #HTTP_RUNS} before and after, 1,240 parameters: one cycle of the per-province queries' combinations. */
    private static final int JIT_WARM_UP = 640;
    private static final int SQL_RUNS = 30;
    private static final long SQL_BUDGET_NANOS = 30_000_000_000L;
    private static final String METRIC = "requests.newReceived.total";
    /** The live consumer's group: {@code nianbao.consumer.group-id} in the aggregation service's application.properties. */
    private static final String LIVE_GROUP = "nianbao-aggregation";

    /** The rebuild's requests and, for comparison, one row of queries: sessions 3 to 12 timed every query with it. */
    private final HttpClient http = HttpClient.newHttpClient();
    /**
     * The timed queries' client since session 13: one keep-alive HTTP/1.1 connection read on the calling thread. The
     * JDK client's hand-offs between its selector thread and an executor added about 0.1 ms to each answer here.
     */
    private Http1Connection lean;
    private static final byte[] NO_CONTENT = new byte[0];
    private final Results out = new Results("scale");
    private String aggregation;

    @Test
    void nationalScale() throws Exception {
        SuiteProcesses suite = SuiteProcesses.start(false);
        aggregation = suite.aggregationService.url();
        // stopped while publishing, so that its live consumer does not take one of the two cores from the producer
        // and the COPY; the events wait on the topics for the rebuild
        suite.aggregationService.stop();
        NationalDataset data = new NationalDataset(AGENCIES, REVISED, 2026);
        out.line("### Load: %,d agencies × %d years", AGENCIES, data.years());
        out.line("");
        String plainUrl = createPlainDatabase();
        Published published = publishAndCopy(data, plainUrl);
        moveLiveConsumerToEnd();
        restart(suite);
        Rebuilt applied = rebuild();
        awaitApplied(data, Duration.ofMinutes(1));
        loadTable(data, published, applied);

        try (Connection plain = DriverManager.getConnection(plainUrl, "postgres", "postgres")) {
            checkAnswersAgree(plain);
            queries(plain);
        }
        measuredRebuild(published.versions() + AGENCIES);
        memory(suite);
    }

    // ---- load ------------------------------------------------------------------------------------------------

    /**
     * What publishing took: the report versions sent, the seconds from the first event to the last acknowledged
     * (the COPY runs on the way), and the COPY's share of them.
     */
    private record Published(long versions, double seconds, double copySeconds) {
    }

    /** A fresh database {@code plain} for the plain reports table; returns its JDBC URL. */
    private static String createPlainDatabase() throws java.sql.SQLException {
        String server = PostgresResource.jdbcUrl("postgres");
        try (Connection c = DriverManager.getConnection(server, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS plain");
            s.execute("CREATE DATABASE plain");
        }
        return PostgresResource.jdbcUrl("plain");
    }

    private Published publishAndCopy(NationalDataset data, String plainUrl) throws Exception {
        AtomicReference<Exception> failed = new AtomicReference<>();
        AtomicLong sent = new AtomicLong();
        long t0 = System.nanoTime();
        long copyNanos;
        try (KafkaProducer<String, byte[]> producer = producer();
             PlainReports plain = new PlainReports(DriverManager.getConnection(plainUrl, "postgres", "postgres"))) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (NationalDataset.Agency a : data.agencies()) {
                AgencyData agency = new AgencyData(a.id(), a.name(), a.region().code(), a.path(), a.sector(), a.level(), true, 1, now);
                producer.send(new ProducerRecord<>(Topics.AGENCIES, a.id(), EventJson.write(CloudEvent.of("agency/" + a.id() + "/r1",
                        Topics.AGENCY_TYPE, "agencies/" + a.id(), now, agency))), (m, e) -> failed.compareAndSet(null, e));
            }
            long[] copy = {0};
            data.forEachVersion(v -> {
                NationalDataset.Agency a = v.agency();
                ReportData report = new ReportData(a.id(), a.name(), a.region().code(), a.path(), a.sector(), a.level(), v.year(),
                        v.template(), LocalDate.of(v.year() + 1, 1, 20), v.version(), v.version() > 1 ? v.version() - 1 : null,
                        ReportData.ACTIVE, now, v.cells(), List.of());
                String key = Topics.reportKey(a.id(), v.year());
                producer.send(new ProducerRecord<>(Topics.REPORTS, key, EventJson.write(CloudEvent.of(key + "/v" + v.version(),
                        Topics.REPORT_VERSION_TYPE, "agencies/" + a.id() + "/reports/" + v.year(), now, report))),
                        (m, e) -> failed.compareAndSet(null, e));
                if (v.last()) {
                    long c0 = System.nanoTime();
                    try {
                        plain.add(a.id(), v.year(), v.version(), a.sector(), a.level().name(), a.region().code(), a.provinceCode(),
                                a.childCode(), v.cellsJson());
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    copy[0] += System.nanoTime() - c0;
                }
                if (sent.incrementAndGet() % 100_000 == 0) {
                    Results.progress("%,d versions published, %.0f s", sent.get(), (System.nanoTime() - t0) / 1e9);
                }
            });
            producer.flush();
            long c0 = System.nanoTime();
            plain.index();
            copy[0] += System.nanoTime() - c0;
            copyNanos = copy[0];
            if (failed.get() != null) {
                throw new IllegalStateException("publishing failed: " + failed.get().getMessage(), failed.get());
            }
            Results.progress("published %,d report versions and %,d agencies in %.0f s; %,d rows copied into plain_reports",
                    sent.get(), AGENCIES, (System.nanoTime() - t0) / 1e9, plain.rows());
        }
        return new Published(sent.get(), (System.nanoTime() - t0) / 1e9, copyNanos / 1e9);
    }

    private void loadTable(NationalDataset data, Published published, Rebuilt applied) {
        long versions = published.versions();
        out.line("| step | versions | seconds | per second | WAL written, GB |");
        out.line("|---|---|---|---|---|");
        out.line("| generate and publish the events (one producer) | %,d | %.0f | %,.0f | – |", versions, published.seconds(),
                versions / published.seconds());
        out.line("| … applied by a rebuild from the topics (the service started after publishing) | %,d | %.0f | %,.0f | %.2f |",
                versions, applied.seconds(), versions / applied.seconds(), applied.walBytes() / 1e9);
        out.line("| plain table: COPY of the current versions, index, ANALYZE | %,d | %.0f | %,.0f | – |",
                AGENCIES * (long) data.years(), published.copySeconds(), AGENCIES * data.years() / published.copySeconds());
        out.line("");
    }

    /**
     * Sets the live consumer's group to the end of every partition of both topics. Without this it would start
     * where it last committed, or at the earliest offset, and apply the whole dataset a second time at its ~900
     * events a second, beside the rebuild; from the end it applies only what is published afterwards, so every
     * event is applied once, by the rebuild. Kafka allows this only for a group without active members: the
     * service is stopped.
     */
    private static void moveLiveConsumerToEnd() throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Topics.REPORTS, Topics.AGENCIES)).allTopicNames().get(30, TimeUnit.SECONDS).values()
                    .forEach(t -> t.partitions().forEach(
                            p -> latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            // read_committed, as the live consumer reads
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> end.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(LIVE_GROUP, end).all().get(30, TimeUnit.SECONDS);
            Results.progress("consumer group %s set to the end of %d partitions (%,d records)", LIVE_GROUP, end.size(),
                    end.values().stream().mapToLong(OffsetAndMetadata::offset).sum());
        }
    }

    /** Starts the stopped aggregation service again (same port, database and broker). */
    private static void restart(SuiteProcesses suite) {
        long t0 = System.nanoTime();
        suite.aggregationService.start();
        Results.progress("aggregation service started again in %.0f s", (System.nanoTime() - t0) / 1e9);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, System.getProperty("bench.compression", "gzip")); // as the report service's relay
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Waits until the country's totals count every agency's report, for every sector and year. After a rebuild
     * that ended DONE nothing more is on its way, so a short wait is enough: a missing report fails the run
     * rather than holding the machine.
     */
    private void awaitApplied(NationalDataset data, Duration within) throws Exception {
        Map<String, Integer> perSector = new HashMap<>();
        data.agencies().forEach(a -> perSector.merge(a.sector(), 1, Integer::sum));
        long deadline = System.nanoTime() + within.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long counted = 0;
            boolean all = true;
            for (Map.Entry<String, Integer> e : perSector.entrySet()) {
                for (int year = NationalDataset.FIRST_YEAR; year <= NationalDataset.LAST_YEAR; year++) {
                    int reports = get("/api/v1/regions/000000/totals?year=" + year + "&sector=" + e.getKey()).path("reports").asInt();
                    counted += reports;
                    all &= reports == e.getValue();
                }
            }
            if (all) {
                return;
            }
            if (counted != last) {
                Results.progress("aggregation service: %,d of %,d reports counted", counted, (long) AGENCIES * data.years());
                last = counted;
            }
            Thread.sleep(2_000);
        }
        throw new IllegalStateException("the aggregation service did not count every report within " + within.toSeconds() + " s");
    }

    // ---- queries ---------------------------------------------------------------------------------------------

    /** A timed query: its request (path, and extra header lines such as an Accept) and the same answer by SQL. */
    private record Query(String name, IntFunction<String> http, String headers, String sql, SqlParams params) {
        Query(String name, IntFunction<String> http, String sql, SqlParams params) {
            this(name, http, "", sql, params);
        }
    }

    private static final String CSV = "Accept: text/csv\r\n";
    private static final String XLSX = "Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n";
    /** Quality detail is for overseers: an admin token, made once. */
    private static final String OVERSEER = "Authorization: Bearer " + TestTokens.of("bench-admin", Set.of("admin")) + "\r\n";

    private interface SqlParams {
        void bind(PreparedStatement ps, int i, Connection c) throws java.sql.SQLException;
    }

    private static final List<String> PROVINCES = RegionCatalog.standard().children(Region.COUNTRY_CODE).stream()
            .filter(r -> r.level() == RegionLevel.PROVINCE).map(Region::code).toList();
    private static final List<String> SECTORS = java.util.Arrays.stream(Sector.values()).map(Sector::name).toList();

    private static String province(int i) {
        return PROVINCES.get(i % PROVINCES.size());
    }

    private static String sector(int i) {
        return SECTORS.get((i / PROVINCES.size()) % SECTORS.size());
    }

    private static int year(int i) {
        return NationalDataset.FIRST_YEAR + 1 + i % 5;
    }

    private static String fivePr(int i) {
        return String.join(",", PROVINCES.subList(i % (PROVINCES.size() - 5), i % (PROVINCES.size() - 5) + 5));
    }

    private static final String RATE = "(coalesce(sum((cells->>'requests.outcome.disclosed.total')::numeric), 0)"
            + " + coalesce(sum((cells->>'requests.outcome.partiallyDisclosed.total')::numeric), 0))"
            + " / nullif(sum((cells->>'requests.outcome.total.total')::numeric), 0)";

    private List<Query> queries() {
        return List.of(
                new Query("totals of a province (every cell)",
                        i -> "/api/v1/regions/" + province(i) + "/totals?year=" + year(i) + "&sector=" + sector(i),
                        "SELECT e.key, sum(e.value::numeric), count(*) FROM plain_reports r CROSS JOIN LATERAL jsonb_each_text(r.cells) e"
                                + " WHERE r.sector = ? AND r.year = ? AND r.province_code = ? GROUP BY e.key",
                        (ps, i, c) -> { ps.setString(1, sector(i)); ps.setInt(2, year(i)); ps.setString(3, province(i)); }),
                new Query("totals of the country (every cell)",
                        i -> "/api/v1/regions/000000/totals?year=" + year(i) + "&sector=" + sector(i * PROVINCES.size()),
                        "SELECT e.key, sum(e.value::numeric), count(*) FROM plain_reports r CROSS JOIN LATERAL jsonb_each_text(r.cells) e"
                                + " WHERE r.sector = ? AND r.year = ? GROUP BY e.key",
                        (ps, i, c) -> { ps.setString(1, sector(i * PROVINCES.size())); ps.setInt(2, year(i)); }),
                new Query("breakdown of a province by child region (one cell)",
                        i -> "/api/v1/regions/" + province(i) + "/breakdown?year=" + year(i) + "&sector=" + sector(i) + "&metric=" + METRIC,
                        "SELECT child_code, sum((cells->>'" + METRIC + "')::numeric), count(*) FROM plain_reports"
                                + " WHERE sector = ? AND year = ? AND province_code = ? GROUP BY child_code",
                        (ps, i, c) -> { ps.setString(1, sector(i)); ps.setInt(2, year(i)); ps.setString(3, province(i)); }),
                new Query("compare 5 provinces (a cell and 公开率)",
                        i -> "/api/v1/compare?regions=" + fivePr(i) + "&year=" + year(i) + "&sector=" + sector(i)
                                + "&metrics=" + METRIC + ",disclosureRate",
                        "SELECT province_code, sum((cells->>'" + METRIC + "')::numeric), " + RATE + " FROM plain_reports"
                                + " WHERE sector = ? AND year = ? AND province_code = ANY (?) GROUP BY province_code",
                        (ps, i, c) -> { ps.setString(1, sector(i)); ps.setInt(2, year(i));
                            ps.setArray(3, c.createArrayOf("varchar", fivePr(i).split(","))); }),
                new Query("rank the provinces by 公开率",
                        i -> "/api/v1/rankings?parent=000000&sector=" + sector(i * PROVINCES.size()) + "&year=" + year(i)
                                + "&indicator=disclosureRate&limit=40",
                        "SELECT province_code, " + RATE + " AS rate FROM plain_reports WHERE sector = ? AND year = ?"
                                + " GROUP BY province_code ORDER BY rate DESC NULLS LAST",
                        (ps, i, c) -> { ps.setString(1, sector(i * PROVINCES.size())); ps.setInt(2, year(i)); }),
                new Query("rank a province's county bureaus (one cell, top 20)",
                        i -> "/api/v1/rankings?parent=" + province(i) + "&level=COUNTY&sector=" + sector(i) + "&year=" + year(i)
                                + "&indicator=" + METRIC + "&limit=20",
                        "SELECT agency_id, (cells->>'" + METRIC + "')::numeric AS v FROM plain_reports WHERE sector = ? AND year = ?"
                                + " AND province_code = ? AND level = 'COUNTY' ORDER BY v DESC NULLS LAST, agency_id LIMIT 20",
                        (ps, i, c) -> { ps.setString(1, sector(i)); ps.setInt(2, year(i)); ps.setString(3, province(i)); }),
                new Query("rank the country's county bureaus (one cell, top 100)",
                        i -> "/api/v1/rankings?parent=000000&level=COUNTY&sector=" + sector(i * PROVINCES.size()) + "&year=" + year(i)
                                + "&indicator=" + METRIC + "&limit=100",
                        "SELECT agency_id, (cells->>'" + METRIC + "')::numeric AS v FROM plain_reports WHERE sector = ? AND year = ?"
                                + " AND level = 'COUNTY' ORDER BY v DESC NULLS LAST, agency_id LIMIT 100",
                        (ps, i, c) -> { ps.setString(1, sector(i * PROVINCES.size())); ps.setInt(2, year(i)); }),
                // the plain table holds reports only, no registry of who should report: its count of submitted reports
                new Query("completeness of the country (first page of 100)",
                        i -> "/api/v1/regions/000000/completeness?year=" + year(i) + "&sector=" + sector(i * PROVINCES.size()),
                        "SELECT count(*) FROM plain_reports WHERE sector = ? AND year = ?",
                        (ps, i, c) -> { ps.setString(1, sector(i * PROVINCES.size())); ps.setInt(2, year(i)); }),
                new Query("completeness of a province (first page of 100)",
                        i -> "/api/v1/regions/" + province(i) + "/completeness?year=" + year(i) + "&sector=" + sector(i),
                        "SELECT count(*) FROM plain_reports WHERE sector = ? AND year = ? AND province_code = ?",
                        (ps, i, c) -> { ps.setString(1, sector(i)); ps.setInt(2, year(i)); ps.setString(3, province(i)); }),
                // the plain table has no warnings: its count of the reports quality reads
                new Query("quality of the country (first page of 100)",
                        i -> "/api/v1/regions/000000/quality?year=" + year(i) + "&sector=" + sector(i * PROVINCES.size()), OVERSEER,
                        "SELECT count(*) FROM plain_reports WHERE sector = ? AND year = ?",
                        (ps, i, c) -> { ps.setString(1, sector(i * PROVINCES.size())); ps.setInt(2, year(i)); }),
                new Query("totals of the country as CSV",
                        i -> "/api/v1/regions/000000/totals?year=" + year(i) + "&sector=" + sector(i * PROVINCES.size()), CSV,
                        "SELECT e.key, sum(e.value::numeric), count(*) FROM plain_reports r CROSS JOIN LATERAL jsonb_each_text(r.cells) e"
                                + " WHERE r.sector = ? AND r.year = ? GROUP BY e.key",
                        (ps, i, c) -> { ps.setString(1, sector(i * PROVINCES.size())); ps.setInt(2, year(i)); }),
                new Query("totals of the country as xlsx",
                        i -> "/api/v1/regions/000000/totals?year=" + year(i) + "&sector=" + sector(i * PROVINCES.size()), XLSX,
                        "SELECT e.key, sum(e.value::numeric), count(*) FROM plain_reports r CROSS JOIN LATERAL jsonb_each_text(r.cells) e"
                                + " WHERE r.sector = ? AND r.year = ? GROUP BY e.key",
                        (ps, i, c) -> { ps.setString(1, sector(i * PROVINCES.size())); ps.setInt(2, year(i)); }),
                new Query("rank the country's county bureaus as xlsx (top 1000)",
                        i -> "/api/v1/rankings?parent=000000&level=COUNTY&sector=" + sector(i * PROVINCES.size()) + "&year=" + year(i)
                                + "&indicator=" + METRIC + "&limit=1000", XLSX,
                        "SELECT agency_id, (cells->>'" + METRIC + "')::numeric AS v FROM plain_reports WHERE sector = ? AND year = ?"
                                + " AND level = 'COUNTY' ORDER BY v DESC NULLS LAST, agency_id LIMIT 1000",
                        (ps, i, c) -> { ps.setString(1, sector(i * PROVINCES.size())); ps.setInt(2, year(i)); }));
    }

    /**
     * Two passes over the same queries. The first is the service's first {@value #HTTP_RUNS} requests of each
     * query after {@value #COLD_WARM_UP} warm-up requests, as sessions 3 to 8 measured it: the JIT has not compiled
     * the answer's code yet then, and that pass says what a freshly started service answers. Then every query runs
     * {@value #JIT_WARM_UP} more times, and the second pass is the steady state of a service that has served for a
     * while, as a dashboard's backend does. Parameters rotate over provinces, sectors and years, and the three
     * ranges of them (the first pass, the warm-up, the second pass) do not overlap for the per-province queries
     * (1,240 combinations), so the second pass does not read rows the first left in PostgreSQL's buffers. The GROUP
     * BY runs with the second pass's parameters.
     */
    private void queries(Connection plain) throws Exception {
        List<Query> queries = queries();
        Map<String, Stats> cold = new LinkedHashMap<>();
        for (Query q : queries) {
            for (int i = 0; i < COLD_WARM_UP; i++) {
                getText(q.http().apply(i), q.headers()); // warm-up: JIT and caches
            }
            cold.put(q.name(), timeHttp(q, 0));
            Results.progress("%s: first pass done", q.name());
        }
        Results.progress("warming up: %,d more requests of each query", JIT_WARM_UP);
        for (Query q : queries) {
            for (int i = HTTP_RUNS; i < HTTP_RUNS + JIT_WARM_UP; i++) {
                getText(q.http().apply(i), q.headers());
            }
        }
        int warmFrom = HTTP_RUNS + JIT_WARM_UP;
        out.line("### Queries: the aggregation service against GROUP BY over the plain table");
        out.line("");
        out.line("Steady state: %,d requests of each query after %,d warm-up requests of every query; the first pass, the service's"
                + " first %,d requests of each after %d, in the last two columns.", HTTP_RUNS, COLD_WARM_UP + HTTP_RUNS + JIT_WARM_UP,
                HTTP_RUNS, COLD_WARM_UP);
        out.line("");
        out.line("| query | Nianbao p50 ms | Nianbao p99 ms | GROUP BY p50 ms | GROUP BY p99 ms | runs (Nianbao / SQL) | p50 ratio | p99 ratio"
                + " | first pass p50 / p99 ms | first pass p50 ratio |");
        out.line("|---|---|---|---|---|---|---|---|---|---|");
        for (Query q : queries) {
            Stats api = timeHttp(q, warmFrom);
            Stats sql = new Stats();
            try (PreparedStatement ps = plain.prepareStatement(q.sql())) {
                q.params().bind(ps, warmFrom, plain);
                drain(ps); // warm-up: plan and buffer cache
                long budget = System.nanoTime() + SQL_BUDGET_NANOS;
                for (int i = 0; i < SQL_RUNS && (i < 5 || System.nanoTime() < budget); i++) {
                    q.params().bind(ps, warmFrom + i, plain);
                    long t0 = System.nanoTime();
                    drain(ps);
                    sql.add(System.nanoTime() - t0);
                }
            }
            Stats first = cold.get(q.name());
            out.line("| %s | %.2f | %.2f | %.1f | %.1f | %d / %d | %s | %s | %.2f / %.2f | %s |", q.name(), api.p50(), api.p99(),
                    sql.p50(), sql.p99(), api.count(), sql.count(), ratio(sql.p50() / api.p50()), ratio(sql.p99() / api.p99()),
                    first.p50(), first.p99(), ratio(sql.p50() / first.p50()));
            Results.progress("%s done", q.name());
        }
        out.line("");
        jdkClientRow(queries.get(0), warmFrom);
    }

    /** A ratio of times: whole above 10, else with a decimal, so that a query slower than its SQL does not read 0×. */
    private static String ratio(double r) {
        return r >= 10 ? String.format("%.0f×", r) : String.format("%.1f×", r);
    }

    /** {@value #HTTP_RUNS} sequential requests with the parameters from {@code from} on, each timed to its whole answer. */
    private Stats timeHttp(Query q, int from) throws Exception {
        return timeHttp(q, from, path -> getText(path, q.headers()));
    }

    private interface Getter {
        String get(String path) throws Exception;
    }

    private static Stats timeHttp(Query q, int from, Getter client) throws Exception {
        Stats api = new Stats();
        for (int i = from; i < from + HTTP_RUNS; i++) {
            long t0 = System.nanoTime();
            client.get(q.http().apply(i)); // the whole answer received, not parsed: as the GROUP BY's rows are
            api.add(System.nanoTime() - t0);
        }
        return api;
    }

    /**
     * The province totals once more with the JDK's HttpClient, the client of sessions 3 to 12, after as many warm-up
     * requests as the lean client had: the two clients' difference on the same answers. Its parameters are the second
     * pass's, so PostgreSQL's buffers favour it if anything.
     */
    private void jdkClientRow(Query q, int warmFrom) throws Exception {
        for (int i = 0; i < COLD_WARM_UP + HTTP_RUNS + JIT_WARM_UP; i++) {
            getTextJdk(q.http().apply(i));
        }
        Stats jdk = timeHttp(q, warmFrom, this::getTextJdk);
        Stats again = timeHttp(q, warmFrom, path -> getText(path, q.headers()));
        out.line("The same query (%s) with the JDK's HttpClient, sessions 3–12's client, just after: p50 %.2f ms, p99 %.2f ms;"
                + " with this run's client again right after it: p50 %.2f ms, p99 %.2f ms.", q.name(), jdk.p50(), jdk.p99(), again.p50(), again.p99());
        out.line("");
    }

    private static void drain(PreparedStatement ps) throws java.sql.SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    /** Sanity: Nianbao's province total of a cell is the GROUP BY's, for a few provinces, sectors and years. */
    private void checkAnswersAgree(Connection plain) throws Exception {
        int checked = 0;
        try (PreparedStatement ps = plain.prepareStatement("SELECT sum((cells->>'" + METRIC + "')::numeric), count(*) FROM plain_reports"
                + " WHERE sector = ? AND year = ? AND province_code = ?")) {
            for (int i = 0; i < 40; i += 7) {
                ps.setString(1, sector(i));
                ps.setInt(2, year(i));
                ps.setString(3, province(i));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    JsonNode totals = get("/api/v1/regions/" + province(i) + "/totals?year=" + year(i) + "&sector=" + sector(i));
                    JsonNode sum = totals.path("cells").path(METRIC).path("sum");
                    BigDecimal ours = sum.isMissingNode() || sum.isNull() ? null : sum.decimalValue();
                    BigDecimal theirs = rs.getBigDecimal(1);
                    boolean same = ours == null ? theirs == null : theirs != null && ours.compareTo(theirs) == 0;
                    if (!same || totals.path("reports").asLong() != rs.getLong(2)) {
                        throw new IllegalStateException("Nianbao and GROUP BY disagree for " + province(i) + " " + sector(i) + " "
                                + year(i) + ": " + ours + " / " + totals.path("reports") + " against " + rs.getBigDecimal(1) + " / " + rs.getLong(2));
                    }
                    checked++;
                }
            }
        }
        out.line("Before timing, %d province totals were checked against the GROUP BY: the same sums and report counts.", checked);
        out.line("");
    }

    // ---- rebuild and memory ----------------------------------------------------------------------------------

    /** How a rebuild went: the seconds from the request to DONE, and its last progress as the service reported it. */
    private record Rebuilt(double seconds, JsonNode progress, long walBytes) {
    }

    /** PostgreSQL's WAL position: the WAL a step wrote is the difference (the whole cluster's; a rebuild dominates it). */
    private static String walPosition() throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl("postgres"), "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long walBytesSince(String position) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl("postgres"), "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint")) {
            ps.setString(1, position);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Rebuilds every roll-up from the topics and waits until it is live; fails unless it ends DONE. */
    private Rebuilt rebuild() throws Exception {
        String admin = TestTokens.of("bench-admin", Set.of("admin"));
        String wal = walPosition();
        long t0 = System.nanoTime();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(aggregation + "/api/v1/admin/rebuild"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.statusCode() + " " + started.body());
        }
        JsonNode progress;
        String state;
        do {
            Thread.sleep(1_000);
            progress = EventJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(aggregation + "/api/v1/admin/rebuild"))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body());
            state = progress.path("state").asText();
            Results.progress("rebuild %s: %s%% (%s events/s)", state, progress.path("percent").asText(), progress.path("eventsPerSecond").asText());
        } while (state.equals("RUNNING") || state.equals("SWITCHING"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!state.equals("DONE")) {
            throw new IllegalStateException("rebuild ended " + state + ": " + progress);
        }
        long walBytes = walBytesSince(wal);
        Results.progress("rebuild done: %s events in %.0f s, %.2f GB of WAL", progress.path("eventsRead").asText(), seconds, walBytes / 1e9);
        return new Rebuilt(seconds, progress, walBytes);
    }

    /** The rebuild an operator would run: the live consumer keeps running beside it, as in production. */
    private void measuredRebuild(long events) throws Exception {
        String before = getText("/api/v1/regions/000000/totals?year=2023&sector=EDUCATION");
        Rebuilt rebuilt = rebuild();
        double seconds = rebuilt.seconds();
        boolean same = before.equals(getText("/api/v1/regions/000000/totals?year=2023&sector=EDUCATION"));
        out.line("### Rebuild");
        out.line("");
        out.line("| events replayed | seconds | events per second | WAL written, GB | totals after = before |");
        out.line("|---|---|---|---|---|");
        out.line("| %,d | %.0f | %,.0f | %.2f | %s |", events, seconds, events / seconds, rebuilt.walBytes() / 1e9, same ? "yes" : "NO");
        out.line("");
        if (!same) {
            throw new IllegalStateException("the rebuilt totals differ from those before the rebuild");
        }
    }

    private void memory(SuiteProcesses suite) {
        out.line("### Memory after the load, the queries and the rebuild (-Xmx256m, serial GC)");
        out.line("");
        out.line("| service | RSS now MB | peak RSS MB |");
        out.line("|---|---|---|");
        for (var p : List.of(suite.reportService, suite.aggregationService)) {
            Rss rss = Rss.of(p.pid());
            out.line("| %s | %s | %s |", p.toString().replaceAll(" .*", ""), rss.currentMb(), rss.peakMb());
        }
        out.line("");
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private JsonNode get(String path) throws Exception {
        return EventJson.mapper().readTree(getText(path));
    }

    private String getText(String path) throws Exception {
        return getText(path, "");
    }

    /** The answer to a GET with extra header lines ({@code ""} for none), received whole. */
    private String getText(String path, String headers) throws Exception {
        for (int attempt = 0; ; attempt++) {
            if (lean == null) {
                lean = new Http1Connection(aggregation);
            }
            int status = lean.send("GET", path, headers, NO_CONTENT);
            if (status == 200) {
                return lean.bodyText();
            }
            if (status != -1 || attempt == 1) { // -1: the connection failed (the service restarted); a GET is safe to resend once
                throw new IllegalStateException("GET " + path + " answered " + status + ": " + lean.bodyText());
            }
        }
    }

    private String getTextJdk(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(aggregation + path)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
