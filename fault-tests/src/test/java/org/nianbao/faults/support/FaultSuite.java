package org.nianbao.faults.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.nianbao.model.event.EventJson;
import org.nianbao.testsupport.KafkaResource;
import org.nianbao.testsupport.PostgresResource;
import org.nianbao.testsupport.ServiceProcess;
import org.nianbao.testsupport.SuiteProcesses;
import org.nianbao.testsupport.TestTokens;

/**
 * The suite every fault test runs against (PostgreSQL and Kafka in this JVM, the packaged report and aggregation
 * services as processes), with the plain HTTP and JDBC access the tests need.
 */
public final class FaultSuite {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN = TestTokens.admin();

    private FaultSuite() {
    }

    private static ServiceProcess aggregation;

    public static SuiteProcesses suite() {
        return SuiteProcesses.start(false);
    }

    /**
     * The aggregation service the fault tests use: the suite's one, replaced once by the same jar with the same
     * database and broker, with the consumer's batch log ("batch of N: A applied, D duplicate or older") at
     * DEBUG so that the tests can count the duplicates it dropped.
     */
    public static synchronized ServiceProcess aggregation() {
        if (aggregation == null) {
            SuiteProcesses suite = suite();
            suite.aggregationService.stop();
            aggregation = new ServiceProcess("aggregation-service", aggregationEnv());
            aggregation.start();
            Runtime.getRuntime().addShutdownHook(new Thread(aggregation::stop, "fault-aggregation-stop"));
        }
        return aggregation;
    }

    /**
     * The environment of {@link #aggregation()}: its database (shared by every instance, as in production), the broker,
     * the token key, and the consumer's batch log at DEBUG. A further instance adds its own consumer instance id.
     */
    public static Map<String, String> aggregationEnv() {
        Map<String, String> db = new PostgresResource().start();
        String server = db.get("quarkus.datasource.jdbc.url").replaceAll("/[^/?]*(\\?.*)?$", "/");
        Map<String, String> env = new java.util.HashMap<>();
        env.put("DB_URL", server + "aggregates");
        env.put("DB_USER", db.get("quarkus.datasource.username"));
        env.put("DB_PASSWORD", db.get("quarkus.datasource.password"));
        env.put("KAFKA_BOOTSTRAP", KafkaResource.bootstrapServers());
        env.put("JWT_PUBLIC_KEY", TestTokens.publicKeyFile().toUri().toString());
        env.put("JWT_ISSUER", TestTokens.ISSUER);
        env.put("JWT_AUDIENCE", TestTokens.AUDIENCE);
        env.put("QUARKUS_LOG_CATEGORY__ORG_NIANBAO_AGGREGATION_CONSUMER__LEVEL", "DEBUG");
        return env;
    }

    /** The aggregation service's log (appended over restarts). */
    public static Path aggregationLog() {
        return Path.of("target", "services", "aggregation-service.log").toAbsolutePath();
    }

    /** Sums the consumer's batch lines of the aggregation log after {@code fromByte}: [applied, duplicate or older]. */
    public static long[] consumerCounts(long fromByte) {
        long[] counts = new long[2];
        try {
            byte[] all = Files.readAllBytes(aggregationLog());
            String text = new String(all, (int) Math.min(fromByte, all.length), (int) Math.max(0, all.length - fromByte),
                    java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("batch of \\d+: (\\d+) applied, (\\d+) duplicate or older").matcher(text);
            while (m.find()) {
                counts[0] += Long.parseLong(m.group(1));
                counts[1] += Long.parseLong(m.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    public static long aggregationLogSize() {
        try {
            return Files.exists(aggregationLog()) ? Files.size(aggregationLog()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to the report service's own database ({@code reports}). */
    public static Connection reportsDb() throws SQLException {
        Map<String, String> db = new PostgresResource().start();
        String server = db.get("quarkus.datasource.jdbc.url").replaceAll("/[^/?]*(\\?.*)?$", "/");
        return DriverManager.getConnection(server + "reports", db.get("quarkus.datasource.username"),
                db.get("quarkus.datasource.password"));
    }

    /** The answer of one HTTP call: status and body, or status -1 when no answer came (refused, reset, timeout). */
    public record Answer(int status, String body, String etag, String contentType, String error) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The version an accepted PUT stored, from its ETag {@code "vN"}. */
        public int version() {
            return Integer.parseInt(etag.replaceAll("[^0-9]", ""));
        }
    }

    public static Answer put(String baseUrl, String path, String json) {
        return put(baseUrl, path, json, null);
    }

    /** A PUT with an Idempotency-Key (none when null): its retries are answered once, and stored once. */
    public static Answer put(String baseUrl, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public static Answer post(String baseUrl, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("ETag").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(null), null);
        } catch (IOException e) {
            return new Answer(-1, null, null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, null, e.toString());
        }
    }

    /** Registers an agency with the given id (201), or accepts that it exists (409). */
    public static void registerAgency(String id, String regionCode) {
        String body = "{\"id\":\"" + id + "\",\"name\":\"故障测试教育局 " + id + "\",\"regionCode\":\"" + regionCode
                + "\",\"sector\":\"EDUCATION\"}";
        for (int attempt = 0; ; attempt++) {
            Answer a = post(suite().reportService.url(), "/api/v1/agencies", body);
            if (a.status() == 201 || a.status() == 409) {
                return;
            }
            if (attempt > 20) {
                throw new IllegalStateException("could not register " + id + ": " + a);
            }
            sleep(250);
        }
    }

    /** The GOV_2019 seed report (盐池县 2020) with a few cells set from {@code seed}, some of them blank. */
    public static String report(long seed) {
        ObjectNode r = fixture("seed-004-yanchi-2020.json");
        java.util.Random random = new java.util.Random(seed);
        ObjectNode licensing = (ObjectNode) r.at("/activeDisclosure/licensing");
        licensing.put("decisions", random.nextInt(1000));
        licensing.put("previousItems", random.nextInt(50));
        ObjectNode received = (ObjectNode) r.at("/requests/newReceived");
        int natural = random.nextInt(40);
        int enterprise = random.nextInt(10);
        received.put("naturalPerson", natural);
        received.put("commercialEnterprise", enterprise);
        received.put("total", natural + enterprise);
        ObjectNode disclosed = (ObjectNode) r.at("/requests/outcome/disclosed");
        disclosed.put("naturalPerson", random.nextInt(natural + 1));
        if (random.nextInt(10) == 0) {
            received.putNull("otherOrg"); // a blank cell: never summed as 0, not counted as filled
            licensing.putNull("change");
        }
        ((ObjectNode) r.at("/reviewLitigation/reconsideration")).put("upheld", random.nextInt(5));
        return r.toString();
    }

    private static ObjectNode fixture(String file) {
        try (InputStream in = FaultSuite.class.getResourceAsStream("/fixtures/reports/" + file)) {
            return (ObjectNode) EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends a line to {@code target/fault-results.txt} and prints it, for RELIABILITY.md. */
    public static synchronized void record(String test, String line) {
        String text = java.time.Instant.now() + " [" + test + "] " + line;
        System.out.println(text);
        try {
            Files.writeString(Path.of("target", "fault-results.txt"), text + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static BigDecimal dec(JsonNode n) {
        return n == null || n.isNull() ? null : n.decimalValue();
    }
}
