package org.nianbao.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nianbao.gateway.hostile.Answer;
import org.nianbao.gateway.hostile.HostileCase;
import org.nianbao.gateway.hostile.HostileCase.Expect;
import org.nianbao.gateway.hostile.HostileCase.Owner;
import org.nianbao.gateway.hostile.HostileCases;
import org.nianbao.gateway.hostile.RawHttp;
import org.nianbao.testsupport.TestTokens;

/**
 * Hostile traffic against the whole suite: over a thousand generated cases (malformed and huge JSON, numbers, dates,
 * encodings, NUL and control characters, paths, query extremes, headers, protocol-level damage, imports, batches,
 * forged tokens), each sent through the gateway and straight to the report and the aggregation service. Every answer
 * must be an answer (never 5xx), every refusal a Problem Details naming no Java class, nothing a refused case sent
 * may be stored, nothing stored may hold a NUL, U+FFFD, a '?' from a lone surrogate, an impossible date or an
 * underflowed amount; and at the end the events still flow into exact totals and every part is healthy.
 *
 * <p>Replay: {@code -Dnianbao.hostile.seed=<seed>} generates the same cases; {@code -Dnianbao.hostile.cases=12,57}
 * sends only those case numbers. The summary table printed at the end is the figure to record.
 */
@QuarkusTest
class HostileTrafficTest {

    private static final long SEED = Long.getLong("nianbao.hostile.seed", 20_261_207L);
    private static final Set<Integer> ONLY = only(System.getProperty("nianbao.hostile.cases", ""));
    /** Requests through the gateway per second: under the test profile's per-client rate (30/s), so the cases are answered, not limited. */
    private static final int GATEWAY_RATE = 25;
    private static final int FLOOD = 400;
    /** nianbao.topics.reports.partitions of the report service */
    private static final int REPORT_PARTITIONS = 6;
    private static final Pattern NAMES_A_CLASS = Pattern.compile(
            "\\b(?:java|javax|jakarta|com\\.fasterxml|org\\.(?:jboss|hibernate|eclipse|postgresql|apache|nianbao)|io\\.(?:vertx|quarkus|smallrye|netty))\\.[a-z]\\w*"
                    + "|\\b[A-Z]\\w*(?:Exception|Error)\\b|Jackson|\\[Source:|reference chain|StreamReadConstraints|JsonToken|START_OBJECT|VALUE_STRING");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL gatewayUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, List<String>> failures = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> caseCounts = new ConcurrentHashMap<>();
    /** agency/year → versions that accepted answers reported; and the exact text some of them must hold */
    private final Map<String, Set<Integer>> acceptedVersions = new ConcurrentHashMap<>();
    private final Map<String, String> expectedText = new ConcurrentHashMap<>();
    /** agency/year/vN or agency id → the case and target whose accepted answer stored it, to name it in a failure */
    private final Map<String, String> storedBy = new ConcurrentHashMap<>();
    private final Set<String> createdAgencies = ConcurrentHashMap.newKeySet();
    private final Map<String, String> expectedAgencyName = new ConcurrentHashMap<>();
    private final Map<String, Double> phases = new LinkedHashMap<>();
    private long nextGatewaySlot;
    /** Set when a read of the report service timed out: the reads that follow would only wait too. */
    private volatile boolean reportServiceSilent;

    enum Target {
        GATEWAY('g'), REPORT('r'), AGGREGATION('a');

        final char letter;

        Target(char letter) {
            this.letter = letter;
        }
    }

    @Test
    void hostileTrafficIsAnsweredRefusedWithProblemsAndStoresNothingBad() throws Exception {
        long started = System.nanoTime();
        String admin = TestTokens.admin();
        String runId = Long.toString(SEED, 36) + "-" + Long.toString(System.currentTimeMillis() % 1_679_616, 36);
        List<String> reportAgencies = new ArrayList<>();
        List<String> changeAgencies = new ArrayList<>();
        int agenciesBefore = countAgencies();
        for (int i = 0; i < 4; i++) {
            reportAgencies.add(register("hx-" + runId + "-r" + i, "测试教育局" + i, "650102", admin));
        }
        for (int i = 0; i < 2; i++) {
            changeAgencies.add(register("hx-" + runId + "-u" + i, "待改名教育局" + i, "650102", admin));
        }
        int registeredBySetup = reportAgencies.size() + changeAgencies.size();
        HostileCases generator = new HostileCases(SEED, new HostileCases.Targets(reportAgencies, changeAgencies,
                "hx-" + runId + "-unregistered", runId), Files.readString(TestTokens.publicKeyFile()));
        List<HostileCase> cases = generator.all().stream().filter(c -> ONLY.isEmpty() || ONLY.contains(c.number())).toList();

        // the ordinary cases, a few at a time; then the huge ones one by one (a part that falls over there must not
        // hide what the others found); then the flood; then what was stored, and whether everything still works
        phases.put("setup", seconds(started));
        long phase = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (HostileCase c : cases) {
                if (!c.huge()) {
                    running.add(pool.submit(() -> run(c)));
                }
            }
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        phases.put("ordinary cases", seconds(phase));
        phase = System.nanoTime();
        cases.stream().filter(HostileCase::huge).forEach(this::run);
        phases.put("huge cases", seconds(phase));
        phase = System.nanoTime();
        if (ONLY.isEmpty()) {
            flood();
        }
        phases.put("flood", seconds(phase));
        phase = System.nanoTime();
        readBack(reportAgencies, changeAgencies, runId, agenciesBefore, registeredBySetup, admin);
        phases.put("read back", seconds(phase));
        phase = System.nanoTime();
        eventsStillReachExactTotals(runId, admin);
        everyPartIsHealthy();
        phases.put("end checks", seconds(phase));

        printSummary(cases.size(), seconds(started));
        String report = failureReport(Integer.MAX_VALUE);
        Path file = Path.of("target", "hostile-traffic-failures.txt");
        Files.writeString(file, failures.isEmpty() ? "no failures\n" : report);
        if (!failures.isEmpty()) {
            // one assertion for the whole run, grouped by case class (the first 40 of each; the file has them all)
            throw new AssertionError(failureReport(40) + "\n(every failure: " + file.toAbsolutePath() + ")");
        }
    }

    // ---- sending -----------------------------------------------------------------------------------------------

    private void run(HostileCase c) {
        caseCounts.computeIfAbsent(c.kind(), k -> new AtomicInteger()).incrementAndGet();
        for (Target target : Target.values()) {
            Answer answer = send(c, target);
            record(c.kind(), answer.status());
            check(c, target, answer).forEach(problem -> fail(c.kind(), "seed " + SEED + " " + c.describe() + " → " + target
                    + " answered " + answer.status() + (answer.error() != null ? " (" + answer.error() + ")" : "") + ": " + problem));
            if (answer.status() >= 200 && answer.status() < 300 && writes(c)) {
                account(c, target, answer);
            }
        }
    }

    private static boolean writes(HostileCase c) {
        String method = c.method() != null ? c.method() : c.rawHead().split(" ", 2)[0];
        return Set.of("PUT", "POST", "DELETE").contains(method);
    }

    private Answer send(HostileCase c, Target target) {
        for (int attempt = 0; ; attempt++) {
            if (target == Target.GATEWAY) {
                paceGateway();
            }
            Answer a = c.raw() ? sendRaw(c, target) : sendHttp(c, target);
            // a limited case was not tested: wait as told and send it again (the flood is where 429 is checked)
            if (target != Target.GATEWAY || a.status() != 429 || attempt == 3) {
                return a;
            }
            sleep(1000L * Math.min(3, parseOr(a.header("retry-after"), 1)));
        }
    }

    private Answer sendRaw(HostileCase c, Target target) {
        URI base = base(target);
        byte[] head = c.rawHead().replace(HostileCase.TARGET_MARK, String.valueOf(target.letter)).getBytes(StandardCharsets.ISO_8859_1);
        return RawHttp.send(base.getHost(), base.getPort(), null, head, c.bodyFor(target.letter), c.huge() ? 60_000 : 10_000);
    }

    private Answer sendHttp(HostileCase c, Target target) {
        byte[] body = c.bodyFor(target.letter);
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(target) + c.pathFor(target.letter).substring(1)))
                    .timeout(Duration.ofSeconds(30))
                    .method(c.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String[] h : c.headers()) {
                b.header(h[0], h[1]);
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new TreeMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            return new Answer(r.statusCode(), headers, r.body(), null);
        } catch (IllegalArgumentException notSendableByHttpClient) {
            // a path or header value HttpClient will not send: the same request over a socket
            URI base = base(target);
            StringBuilder head = new StringBuilder(c.method() + " " + c.pathFor(target.letter) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            c.headers().forEach(h -> head.append(h[0]).append(": ").append(h[1]).append("\r\n"));
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
            return RawHttp.send(base.getHost(), base.getPort(), null, head.toString().getBytes(StandardCharsets.UTF_8), body, 30_000);
        } catch (IOException e) {
            return new Answer(0, Map.of(), new byte[0], e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, Map.of(), new byte[0], "interrupted");
        }
    }

    private URI base(Target target) {
        return URI.create(switch (target) {
            case GATEWAY -> gatewayUrl.toString().endsWith("/") ? gatewayUrl.toString() : gatewayUrl + "/";
            case REPORT -> SuiteResource.reportService.url() + "/";
            case AGGREGATION -> SuiteResource.aggregationService.url() + "/";
        });
    }

    private void paceGateway() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            nextGatewaySlot = Math.max(now, nextGatewaySlot) + 1_000_000_000L / GATEWAY_RATE;
            wait = nextGatewaySlot - now - 1_000_000_000L / GATEWAY_RATE;
        }
        if (wait > 0) {
            sleep(wait / 1_000_000);
        }
    }

    // ---- what every answer must be -----------------------------------------------------------------------------

    private List<String> check(HostileCase c, Target target, Answer a) {
        List<String> problems = new ArrayList<>();
        boolean owner = target == Target.GATEWAY || c.owner() == Owner.NONE
                || (c.owner() == Owner.REPORT) == (target == Target.REPORT);
        // the service that does not own the path must not serve it; what the codec refuses, it refuses everywhere
        Expect expect = owner ? c.expect()
                : c.expect() == Expect.ANY_OR_REFUSED_BY_CODEC || c.expect() == Expect.REFUSED_BY_CODEC ? Expect.REFUSED_BY_CODEC
                : Expect.REFUSED;
        int s = a.status();
        if (s == 0) {
            if (!(expect == Expect.REFUSED_OR_CLOSED && a.error().startsWith("connection closed"))) {
                problems.add("no HTTP answer");
            }
            return problems;
        }
        if (s >= 500) {
            if (!(c.overload() && s == 503 && a.header("retry-after") != null)) {
                problems.add("5xx" + (c.overload() ? " (only 503 with Retry-After is allowed for this deliberate overload)" : ""));
            }
            return problems;
        }
        if ((expect == Expect.REFUSED || expect == Expect.REFUSED_OR_CLOSED || expect == Expect.REFUSED_BY_CODEC) && s < 400) {
            problems.add("accepted what must be refused");
        }
        if ((expect == Expect.REFUSED_BY_CODEC || expect == Expect.ANY_OR_REFUSED_BY_CODEC) && s >= 400 && a.body().length == 0) {
            return problems; // the codec's own refusal, before any route
        }
        if (expect == Expect.DENIED && s != 401 && s != 403) {
            problems.add(s < 400 ? "let a caller through that must be denied" : "expected 401 or 403");
        }
        if (s >= 400) {
            problems.addAll(problemDetails(a));
        }
        if (c.kind().startsWith("import") && s < 300 && a.body().length > Math.max(5L * c.bodyFor('g').length, 64 * 1024)) {
            problems.add("the answer (" + a.body().length + " bytes) is over 5× the input (" + c.bodyFor('g').length + " bytes)");
        }
        return problems;
    }

    /** An error must be application/problem+json whose status is the HTTP status and whose text names no class. */
    private static List<String> problemDetails(Answer a) {
        List<String> problems = new ArrayList<>();
        if (!a.contentType().startsWith("application/problem+json")) {
            problems.add("not a Problem (Content-Type '" + a.contentType() + "', body " + abbreviate(a.text()) + ")");
            return problems;
        }
        JsonNode p;
        try {
            p = JSON.readTree(a.body());
        } catch (IOException e) {
            problems.add("Problem body is not JSON: " + abbreviate(a.text()));
            return problems;
        }
        if (p == null || p.path("status").asInt(-1) != a.status()) {
            problems.add("Problem status " + (p == null ? "missing" : p.path("status")) + " is not the HTTP status");
        }
        StringBuilder text = new StringBuilder(p == null ? "" : p.path("title").asText("") + " | " + p.path("detail").asText(""));
        if (p != null) {
            p.path("errors").forEach(e -> text.append(" | ").append(e.path("message").asText("")));
        }
        var leak = NAMES_A_CLASS.matcher(text);
        if (leak.find()) {
            problems.add("the Problem names a Java or library class ('" + leak.group() + "'): " + abbreviate(text.toString()));
        }
        return problems;
    }

    // ---- what was stored ---------------------------------------------------------------------------------------

    /** Notes what an accepted write says it stored, to compare with what is read back. */
    private void account(HostileCase c, Target target, Answer a) {
        JsonNode body;
        try {
            body = JSON.readTree(a.body());
        } catch (IOException e) {
            return;
        }
        if (body == null) {
            return;
        }
        String by = c.kind() + " #" + c.number() + " " + c.what() + " → " + target;
        if (body.has("reports") && body.get("reports").isArray()) {
            body.get("reports").forEach(r -> storedBy.put(version(r.path("agencyId").asText(), r.path("year").asInt(),
                    r.path("version").asInt(-1)) + "/v" + r.path("version").asInt(-1), by));
        } else if (body.has("agencyId") && body.has("year")) {
            int version = body.has("version") ? body.get("version").asInt() : parseOr(etagVersion(a.header("etag")), -1);
            if (version > 0) {
                String key = version(body.path("agencyId").asText(), body.path("year").asInt(), version);
                storedBy.put(key + "/v" + version, by);
                if (c.storedText() != null) {
                    expectedText.put(key + "/v" + version, c.storedText());
                }
            }
        } else if (body.has("id") && body.has("regionCode")) {
            createdAgencies.add(body.get("id").asText());
            storedBy.put(body.get("id").asText(), by);
            if (c.storedText() != null) {
                expectedAgencyName.put(body.get("id").asText(), c.storedText());
            }
        }
    }

    private String version(String agency, int year, int version) {
        String key = agency + "/" + year;
        if (version > 0) {
            acceptedVersions.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(version);
        }
        return key;
    }

    private static String etagVersion(String etag) {
        return etag == null ? null : etag.replaceAll("[^0-9]", "");
    }

    private void readBack(List<String> reportAgencies, List<String> changeAgencies, String runId, int agenciesBefore,
                          int registeredBySetup, String admin) {
        String kind = "stored values";
        // agencies: as many more as were accepted, each with a clean name
        int created = (int) createdAgencies.stream().filter(id -> !reportAgencies.contains(id) && !changeAgencies.contains(id)).count();
        int after = countAgencies();
        if (reportServiceSilent) {
            return; // already a failure: what was stored cannot be read
        }
        if (after != agenciesBefore + registeredBySetup + created) {
            fail(kind, "agencies: " + agenciesBefore + " before, " + after + " after, but " + (registeredBySetup + created)
                    + " registrations were accepted");
        }
        JsonNode listed = getJson(SuiteResource.reportService.url() + "/api/v1/agencies?region=650102&size=1000", admin).path("items");
        for (JsonNode agency : listed) {
            String id = agency.path("id").asText();
            if (id.startsWith("hx-" + runId) && !reportAgencies.contains(id) && !changeAgencies.contains(id) && !createdAgencies.contains(id)) {
                fail(kind, "agency " + id + " is stored, but no answer accepted it");
            }
            badText(agency).forEach(p -> fail(kind, "agency " + id + storedByNote(id) + ": " + p));
            String expected = expectedAgencyName.get(id);
            if (expected != null && !expected.equals(agency.path("name").asText())) {
                fail(kind, "agency " + id + ": name stored as '" + agency.path("name").asText() + "', sent as '" + expected + "'");
            }
        }
        // reports: exactly the versions accepted answers reported, each clean
        Set<String> keys = new TreeSet<>(acceptedVersions.keySet());
        for (String agency : reportAgencies) {
            for (int year = 2015; year <= 2027; year++) {
                keys.add(agency + "/" + year);
            }
        }
        JsonNode current = getJson(SuiteResource.reportService.url() + "/api/v1/reports?region=650102&size=1000", admin);
        if (reportServiceSilent) {
            return;
        }
        current.path("items").forEach(r -> keys.add(r.path("agencyId").asText() + "/" + r.path("year").asInt()));
        for (String key : keys) {
            JsonNode versions = getJson(SuiteResource.reportService.url() + "/api/v1/agencies/" + key.replace("/", "/reports/") + "/versions", admin);
            if (reportServiceSilent) {
                return;
            }
            Set<Integer> stored = new TreeSet<>();
            for (JsonNode v : versions) {
                int number = v.path("version").asInt();
                stored.add(number);
                String where = key + " v" + number + storedByNote(key + "/v" + number);
                badText(v).forEach(p -> fail(kind, where + ": " + p));
                badValues(v).forEach(p -> fail(kind, where + ": " + p));
                String text = expectedText.get(key + "/v" + number);
                if (text != null && !List.of(v.path("overview").asText(), v.path("problems").asText(), v.path("otherMatters").asText()).contains(text)) {
                    fail(kind, where + ": the text sent as '" + text + "' is stored as '" + v.path("overview").asText()
                            + "' / '" + v.path("problems").asText() + "' / '" + v.path("otherMatters").asText() + "'");
                }
            }
            Set<Integer> accepted = new TreeSet<>(acceptedVersions.getOrDefault(key, Set.of()));
            if (!stored.equals(accepted)) {
                fail(kind, key + ": versions stored " + stored + ", versions accepted " + accepted
                        + " (stored but not accepted: a refused case stored it; accepted but not stored: lost)");
            }
        }
    }

    private String storedByNote(String key) {
        String by = storedBy.get(key);
        return by == null ? "" : " (stored by " + by + ")";
    }

    /** NUL, U+FFFD, '?' (what a lone surrogate becomes) or a lone surrogate in any text. */
    private static List<String> badText(JsonNode node) {
        List<String> problems = new ArrayList<>();
        walk("", node, (path, value) -> {
            if (!value.isTextual()) {
                return;
            }
            String s = value.asText();
            if (s.indexOf('\u0000') >= 0) {
                problems.add(path + " holds a NUL");
            }
            if (s.indexOf('\uFFFD') >= 0) {
                problems.add(path + " holds U+FFFD (a character lost in decoding): " + abbreviate(s));
            }
            if (s.indexOf('?') >= 0) {
                problems.add(path + " holds '?' (no case sends one: a character lost in encoding): " + abbreviate(s));
            }
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (Character.isHighSurrogate(ch) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
                        || Character.isLowSurrogate(ch) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                    problems.add(path + " holds a lone surrogate");
                    break;
                }
            }
        });
        return problems;
    }

    /** A date outside 2000 to next year, an amount that underflowed or a count that is not a plain count. */
    private static List<String> badValues(JsonNode version) {
        List<String> problems = new ArrayList<>();
        String published = version.path("publishedOn").asText(null);
        if (published != null) {
            try {
                int year = LocalDate.parse(published).getYear();
                if (year < 2000 || year > LocalDate.now().getYear() + 1) {
                    problems.add("publishedOn " + published + " is outside 2000–" + (LocalDate.now().getYear() + 1));
                }
            } catch (RuntimeException e) {
                problems.add("publishedOn '" + published + "' is not a date");
            }
        }
        for (String section : List.of("activeDisclosure", "requests", "reviewLitigation")) {
            walk(section, version.path(section), (path, value) -> {
                if (!value.isNumber()) {
                    return;
                }
                java.math.BigDecimal v = value.decimalValue();
                double abs = Math.abs(v.doubleValue());
                if (v.signum() != 0 && abs < 1e-6) {
                    problems.add(path + " = " + v + ": an underflowed or vanishing amount");
                }
                if (abs >= 1e13) {
                    problems.add(path + " = " + v + ": beyond any real figure");
                }
                if (!path.endsWith("amount") && v.stripTrailingZeros().scale() > 0) {
                    problems.add(path + " = " + v + ": a count with a fraction");
                }
                if (!path.endsWith("change") && v.signum() < 0) {
                    problems.add(path + " = " + v + ": negative");
                }
            });
        }
        return problems;
    }

    private static void walk(String path, JsonNode node, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), visit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), visit);
            }
        } else {
            visit.accept(path, node);
        }
    }

    // ---- the flood ---------------------------------------------------------------------------------------------

    /**
     * Invalid tokens as fast as eight connections send them, from an address of its own (127.0.0.2) so that the
     * limit it meets does not slow the other cases: the gateway must start answering 429 Problem with Retry-After.
     */
    private void flood() throws Exception {
        String kind = "flood";
        caseCounts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        InetAddress from = InetAddress.getByName("127.0.0.2");
        URI gateway = base(Target.GATEWAY);
        String[] tokens = {TestTokens.forged(), TestTokens.expired(), "not.a.token", "x".repeat(2000)};
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                running.add(pool.submit(() -> {
                    for (int next; (next = sent.getAndIncrement()) < FLOOD; ) {
                        int i = next;
                        Answer a = RawHttp.send(gateway.getHost(), gateway.getPort(), from,
                                HostileCases.floodHead(tokens[i % tokens.length]).getBytes(StandardCharsets.ISO_8859_1), null, 10_000);
                        record(kind, a.status());
                        if (a.status() == 429) {
                            limited.incrementAndGet();
                            if (a.header("retry-after") == null || !a.header("retry-after").matches("[1-9][0-9]*")) {
                                fail(kind, "seed " + SEED + " flood request " + i + ": 429 without a Retry-After in whole seconds");
                            }
                        } else if (a.status() != 401) {
                            fail(kind, "seed " + SEED + " flood request " + i + ": answered " + a.status()
                                    + (a.error() != null ? " (" + a.error() + ")" : "") + ", not 401 or 429");
                        }
                        if (a.status() >= 400) {
                            problemDetails(a).forEach(p -> fail(kind, "seed " + SEED + " flood request " + i + ": " + p));
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        requests.computeIfAbsent(kind, k -> new AtomicInteger()).set(FLOOD);
        if (limited.get() == 0) {
            fail(kind, "seed " + SEED + ": " + FLOOD + " requests with invalid tokens from one address, none answered 429: "
                    + "invalid tokens are never rate-limited");
        }
    }

    // ---- the end: still working --------------------------------------------------------------------------------

    /**
     * Known reports submitted after all that must reach the aggregation service's totals. A poison event stalls only
     * its own partition, so the reports' keys cover every partition of the reports topic (the producer's default
     * partitioner: murmur2 of the key, modulo {@value #REPORT_PARTITIONS}).
     */
    private void eventsStillReachExactTotals(String runId, String admin) {
        String kind = "liveness";
        Random random = new Random(SEED);
        Map<Integer, Integer> expected = new TreeMap<>(); // year → the sum of the markers' new requests in 654321
        Map<Integer, String> partitionOf = new TreeMap<>();
        Set<String> registered = new TreeSet<>();
        for (int agency = 0; partitionOf.size() < REPORT_PARTITIONS && agency < 4; agency++) {
            String marker = "hx-" + runId + "-m" + agency;
            for (int year = 2010; year <= 2025 && partitionOf.size() < REPORT_PARTITIONS; year++) {
                int partition = Utils.toPositive(Utils.murmur2((marker + "/" + year).getBytes(StandardCharsets.UTF_8))) % REPORT_PARTITIONS;
                if (partitionOf.containsKey(partition)) {
                    continue;
                }
                if (registered.add(marker)) {
                    Answer a = sendPlain("POST", Target.GATEWAY, "/api/v1/agencies", admin,
                            "{\"id\":\"" + marker + "\",\"name\":\"终检教育局" + agency + "\",\"regionCode\":\"654321\",\"sector\":\"EDUCATION\"}");
                    if (a.status() != 201) {
                        fail(kind, "registering the marker agency " + marker + " after the run answered " + a.status() + " " + abbreviate(a.text()));
                        return;
                    }
                }
                int total = 1 + random.nextInt(998);
                Answer a = sendPlain("PUT", Target.GATEWAY, "/api/v1/agencies/" + marker + "/reports/" + year, TestTokens.submitter(marker),
                        "{\"template\":\"" + (year <= 2020 ? "GOV_2019" : "GOV_2021") + "\",\"requests\":{\"newReceived\":{\"total\":" + total + "}}}");
                if (a.status() != 201) {
                    fail(kind, "the marker report " + marker + "/" + year + " after the run answered " + a.status() + " " + abbreviate(a.text()));
                    return;
                }
                partitionOf.put(partition, marker + "/" + year);
                expected.merge(year, total, Integer::sum);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<Integer, String> missing = new TreeMap<>();
        do {
            missing.clear();
            for (Map.Entry<Integer, Integer> e : expected.entrySet()) {
                Answer totals = sendPlain("GET", Target.AGGREGATION, "/api/v1/regions/654321/totals?year=" + e.getKey(), null, null);
                String seen;
                try {
                    JsonNode sum = totals.status() == 200
                            ? JSON.readTree(totals.body()).path("cells").path("requests.newReceived.total").path("sum") : null;
                    if (sum != null && sum.isNumber() && sum.asInt() == e.getValue()) {
                        continue;
                    }
                    seen = sum == null ? totals.status() + " " + abbreviate(totals.text()) : sum.isMissingNode() ? "no sum" : "sum " + sum;
                } catch (IOException notJson) {
                    seen = abbreviate(totals.text());
                }
                missing.put(e.getKey(), "expected " + e.getValue() + ", saw " + seen);
            }
            if (missing.isEmpty()) {
                return;
            }
            sleep(250);
        } while (System.nanoTime() < deadline);
        fail(kind, "reports submitted after the run, one on each partition " + partitionOf + ", did not all reach the totals of "
                + "654321 within 60 s: " + missing + " (the relay, the consumer or the roll-ups stopped, or a poison event blocks a partition)");
    }

    private void everyPartIsHealthy() {
        for (Target target : Target.values()) {
            for (String check : List.of("/q/health/live", "/q/health/ready")) {
                Answer a = sendPlain("GET", target, check, null, null);
                if (a.status() != 200 || !a.text().contains("\"UP\"")) {
                    fail("liveness", target + " " + check + " answered " + a.status() + " " + abbreviate(a.text()));
                }
            }
        }
    }

    private Answer sendPlain(String method, Target target, String path, String token, String body) {
        List<String[]> headers = new ArrayList<>();
        if (body != null) {
            headers.add(new String[] {"Content-Type", "application/json"});
        }
        if (token != null) {
            headers.add(new String[] {"Authorization", "Bearer " + token});
        }
        return send(new HostileCase(-1, "liveness", "check", method, path, headers, body, null, null, null, Expect.ANY,
                Owner.NONE, null, false, false), target);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private String register(String id, String name, String region, String admin) {
        Answer a = sendPlain("POST", Target.REPORT, "/api/v1/agencies", admin,
                "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"regionCode\":\"" + region + "\",\"sector\":\"EDUCATION\"}");
        assertThat(a.status()).as("registering %s: %s", id, a.text()).isEqualTo(201);
        return id;
    }

    private int countAgencies() {
        int count = 0;
        for (int page = 0; ; page++) {
            JsonNode list = getJson(SuiteResource.reportService.url() + "/api/v1/agencies?size=1000&page=" + page, null).path("items");
            count += list.size();
            if (list.size() < 1000) {
                return count;
            }
        }
    }

    private JsonNode getJson(String url, String token) {
        if (reportServiceSilent) {
            return JSON.createArrayNode();
        }
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404) {
                return JSON.createArrayNode();
            }
            if (r.statusCode() != 200) {
                fail("stored values", "reading " + url + " answered " + r.statusCode() + " " + abbreviate(new String(r.body(), StandardCharsets.UTF_8)));
                return JSON.createArrayNode();
            }
            return JSON.readTree(r.body());
        } catch (java.net.http.HttpTimeoutException e) {
            reportServiceSilent = true;
            fail("stored values", "reading " + url + " got no answer within 30 s: the report service stopped answering, so what was "
                    + "stored could not be read back");
            return JSON.createArrayNode();
        } catch (IOException e) {
            fail("stored values", "reading " + url + ": " + e);
            return JSON.createArrayNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JSON.createArrayNode();
        }
    }

    private void record(String kind, int status) {
        requests.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        statuses.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
    }

    private void fail(String kind, String message) {
        failures.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(message);
    }

    private void printSummary(int cases, double seconds) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%nHostile traffic: seed %d, %d cases (+ %d flood requests), "
                + "each through the gateway and straight to both services; %.0f s%n%n", SEED, cases, FLOOD, seconds));
        s.append(String.format("| %-13s | %5s | %8s | %8s | %s%n", "case class", "cases", "requests", "failures", "statuses seen (0 = no answer)"));
        s.append("|---------------|------:|---------:|---------:|---\n");
        int totalCases = 0;
        int totalRequests = 0;
        int totalFailures = 0;
        List<String> kinds = new ArrayList<>(HostileCases.PLAN.keySet());
        kinds.addAll(List.of("flood", "stored values", "liveness"));
        for (String kind : kinds) {
            int c = kind.equals("stored values") || kind.equals("liveness") ? 0 : caseCounts.getOrDefault(kind, new AtomicInteger()).get();
            int r = requests.getOrDefault(kind, new AtomicInteger()).get();
            int f = failures.getOrDefault(kind, List.of()).size();
            String seen = new TreeMap<>(statuses.getOrDefault(kind, Map.of())).entrySet().stream()
                    .map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(" "));
            s.append(String.format("| %-13s | %5d | %8d | %8d | %s%n", kind, c, r, f, seen));
            totalCases += c;
            totalRequests += r;
            totalFailures += f;
        }
        s.append(String.format("| %-13s | %5d | %8d | %8d |%n", "total", totalCases, totalRequests, totalFailures));
        s.append("\nTime by phase: ").append(phases.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.0f s", e.getKey(), e.getValue())).collect(Collectors.joining(", "))).append('\n');
        System.out.println(s);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private String failureReport(int perClass) {
        StringBuilder s = new StringBuilder("hostile traffic, seed " + SEED + " (replay: -Dnianbao.hostile.seed=" + SEED
                + " -Dnianbao.hostile.cases=<numbers>); failures by case class:\n");
        Map<String, List<String>> sorted = new TreeMap<>(failures);
        sorted.forEach((kind, list) -> {
            List<String> copy;
            synchronized (list) {
                copy = new ArrayList<>(list);
            }
            Collections.sort(copy);
            s.append("\n== ").append(kind).append(": ").append(copy.size()).append(" failure(s)\n");
            copy.stream().limit(perClass).forEach(line -> s.append("  ").append(line).append('\n'));
            if (copy.size() > perClass) {
                s.append("  … and ").append(copy.size() - perClass).append(" more\n");
            }
        });
        return s.toString();
    }

    private static String abbreviate(String s) {
        String one = HostileCase.printable(s);
        return one.length() > 200 ? one.substring(0, 200) + "…(" + s.length() + " chars)" : one;
    }

    private static int parseOr(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Set<Integer> only(String list) {
        return list.isBlank() ? Set.of() : java.util.Arrays.stream(list.split(",")).map(String::strip).map(Integer::valueOf)
                .collect(Collectors.toSet());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
