package org.nianbao.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.local.demo.DemoPlan.AgencyPlan;
import org.nianbao.model.template.TemplateCatalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The loader against a small in-process stand-in for the gateway. */
class ApiLoaderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern REPORT = Pattern.compile("/api/v1/agencies/([^/]+)/reports/(\\d{4})");
    static final String TOKEN = "test-token";

    /** Half the reports revised, so that a small plan has several. */
    static final DemoPlan PLAN = DemoPlan.create(new DemoPlan.Settings(3, DemoPlan.Size.count(12), false, null,
            new DemoPlan.Shares(0.1, 0.1, 0.1, 0.1, 0.5, 0.1)));

    FakeGateway gateway;

    @BeforeEach
    void start() throws IOException {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stop() {
        gateway.server.stop(0);
    }

    @Test
    void aFreshLoadRegistersEveryAgencyAndSubmitsEveryReportAndRevision() throws Exception {
        LoadStats stats = load(settings(true), PLAN);
        DemoPlan.Counts counts = PLAN.counts();
        assertThat(counts.revisions()).isGreaterThan(5);
        assertThat(stats.ok()).as("%s %s", stats.failuresByReason(), stats.fatal()).isTrue();
        assertThat(stats.agenciesCreated()).isEqualTo(12);
        assertThat(stats.reportsCreated()).isEqualTo(counts.reports());
        assertThat(stats.revisionsStored()).isEqualTo(counts.revisions());
        assertThat(stats.reportsDone()).isEqualTo(counts.reports());
        assertThat(gateway.posts.get()).isEqualTo(12);
        assertThat(gateway.puts.get()).isEqualTo(counts.reports() + counts.revisions());
        assertThat(gateway.versions).hasSize(counts.reports());
        // the first version goes create-only, the second only after it, naming it
        assertThat(gateway.preconditions).filteredOn(p -> p.startsWith("If-None-Match")).hasSize(counts.reports())
                .allMatch(p -> p.equals("If-None-Match: *"));
        assertThat(gateway.preconditions).filteredOn(p -> p.startsWith("If-Match")).hasSize(counts.revisions())
                .allMatch(p -> p.equals("If-Match: \"v1\""));
        assertThat(gateway.authorizations).containsOnly("Bearer " + TOKEN);
        // each agency's years arrive in order, so the service can check X1/X2 against the year before
        for (AgencyPlan a : PLAN.agencies()) {
            List<Integer> years = gateway.yearsInOrder.getOrDefault(a.id(), List.of());
            assertThat(years).isSorted();
        }
        assertThat(stats.withWarnings()).isZero(); // the stand-in stores none
    }

    @Test
    void aSecondRunListsWhatExistsAndSendsNothing() throws Exception {
        load(settings(true), PLAN);
        int posts = gateway.posts.get();
        int puts = gateway.puts.get();
        LoadStats again = load(settings(true), PLAN);
        assertThat(again.ok()).isTrue();
        assertThat(gateway.posts.get()).isEqualTo(posts);
        assertThat(gateway.puts.get()).isEqualTo(puts);
        assertThat(again.agenciesExisting()).isEqualTo(12);
        assertThat(again.reportsPresent()).isEqualTo(PLAN.counts().reports());
        assertThat(again.reportsCreated()).isZero();
        assertThat(gateway.listings.get()).isGreaterThanOrEqualTo(4); // agencies and reports, both runs
    }

    @Test
    void withoutTheListingExistingAgenciesAnswer409AndExistingReports412AndNoSecondVersionIsSent() throws Exception {
        load(settings(true), PLAN);
        int puts = gateway.puts.get();
        LoadStats again = load(settings(false), PLAN);
        assertThat(again.ok()).as("%s", again.failuresByReason()).isTrue();
        assertThat(again.agenciesExisting()).isEqualTo(12);
        assertThat(again.agenciesCreated()).isZero();
        assertThat(again.reportsPresent()).isEqualTo(PLAN.counts().reports());
        assertThat(again.revisionsStored()).isZero();
        assertThat(gateway.puts.get() - puts).isEqualTo(PLAN.counts().reports()); // only the create-only tries
        assertThat(gateway.versions.values()).allMatch(v -> v <= 2);
    }

    @Test
    void a503WithRetryAfterIsRetriedAfterTheWait() throws Exception {
        gateway.unavailableFirst.set(1);
        DemoPlan one = DemoPlan.create(DemoPlan.Settings.of(3, DemoPlan.Size.count(1)));
        long start = System.nanoTime();
        LoadStats stats = load(settings(false), one);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(stats.ok()).isTrue();
        assertThat(stats.retriesByCause()).containsEntry("503", 1L);
        assertThat(millis).isGreaterThanOrEqualTo(1000); // Retry-After: 1
        assertThat(stats.reportsCreated()).isEqualTo(one.counts().reports());
    }

    @Test
    void a429PausesAndIsRetried() throws Exception {
        gateway.tooManyFirst.set(3);
        DemoPlan two = DemoPlan.create(DemoPlan.Settings.of(3, DemoPlan.Size.count(2)));
        LoadStats stats = load(settings(false), two);
        assertThat(stats.ok()).isTrue();
        assertThat(stats.retriesByCause()).containsEntry("429", 3L);
        assertThat(stats.reportsCreated()).isEqualTo(two.counts().reports());
    }

    @Test
    void aRefusedReportIsAFailureWithItsReasonAndTheRestGoesOn() throws Exception {
        String victim = PLAN.agencies().get(0).id() + "/" + PLAN.agencies().get(0).submitted().get(0).year();
        gateway.refuse.add(victim);
        LoadStats stats = load(settings(true), PLAN);
        assertThat(stats.ok()).isFalse();
        assertThat(stats.failuresByReason()).containsEntry("PUT report: 422", 1L);
        assertThat(stats.failureExamples()).anyMatch(e -> e.startsWith(victim) && e.contains("NEGATIVE_COUNT"));
        assertThat(stats.reportsCreated()).isEqualTo(PLAN.counts().reports() - 1);
        assertThat(stats.reportsDone()).isEqualTo(PLAN.counts().reports());
    }

    @Test
    void aRefusedTokenStopsTheLoad() throws Exception {
        ApiLoader.Settings wrong = new ApiLoader.Settings(gateway.url(), "wrong", 4, 3, Duration.ofMillis(10),
                Duration.ofSeconds(10), 0, true);
        LoadStats stats = load(wrong, PLAN);
        assertThat(stats.ok()).isFalse();
        assertThat(stats.fatal()).contains("401").contains("token");
        assertThat(gateway.puts.get()).isZero();
    }

    @Test
    void anUnreachableServerStopsTheLoad() throws Exception {
        gateway.server.stop(0);
        ApiLoader.Settings settings = new ApiLoader.Settings(gateway.url(), TOKEN, 4, 2, Duration.ofMillis(10),
                Duration.ofSeconds(5), 0, true);
        LoadStats stats = load(settings, PLAN);
        assertThat(stats.ok()).isFalse();
        assertThat(stats.fatal()).contains("cannot reach");
    }

    @Test
    void theMainPrintsASummaryAndExitsZeroOrOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DemoLoader.run(new String[]{"--url", gateway.url().toString(), "--token", TOKEN, "--agencies", "5",
                "--seed", "11", "--progress", "none"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text + err).isZero();
        assertThat(text).contains("National demo data, seed 11: 5 of the country's", "agencies        5: 5 registered now",
                "failures        0");
        gateway.refuse.add("*");
        int failed = DemoLoader.run(new String[]{"--url", gateway.url().toString(), "--token", TOKEN, "--agencies", "6",
                "--seed", "11", "--progress", "none"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(failed).isEqualTo(1);
    }

    @Test
    void aDryRunSendsNothingAndPrintsASampleThatParses() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = DemoLoader.run(new String[]{"--dry-run", "--agencies", "30", "--url", gateway.url().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(text).contains("dry run", "would be stored with warnings", "Sample: PUT /api/v1/agencies/edu-");
        JsonNode sample = JSON.readTree(text.substring(text.indexOf('{')));
        assertThat(sample.path("template").asText()).startsWith("GOV_");
        assertThat(new org.nianbao.model.validation.SubmissionParser(TemplateCatalog.standard()).parse(sample).valid()).isTrue();
        assertThat(gateway.posts.get() + gateway.puts.get() + gateway.listings.get()).isZero();
        ByteArrayOutputStream chosen = new ByteArrayOutputStream();
        assertThat(DemoLoader.run(new String[]{"--dry-run", "--region", "640000", "--sample", "edu-640000/2023"},
                new PrintStream(chosen, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(chosen.toString(StandardCharsets.UTF_8)).contains("PUT /api/v1/agencies/edu-640000/reports/2023", "宁夏回族自治区教育厅");
    }

    @Test
    void badOptionsExitWithTwo() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertThat(DemoLoader.run(new String[]{"--agencies"}, quiet, quiet)).isEqualTo(2);
        assertThat(DemoLoader.run(new String[]{"--bogus"}, quiet, quiet)).isEqualTo(2);
        assertThat(DemoLoader.run(new String[]{"--region", "999999", "--dry-run"}, quiet, quiet)).isEqualTo(2);
        assertThat(DemoLoader.run(new String[]{"--key-dir", "/nonexistent"}, quiet, quiet)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- helpers

    ApiLoader.Settings settings(boolean listExisting) {
        return new ApiLoader.Settings(gateway.url(), TOKEN, 4, 5, Duration.ofMillis(10), Duration.ofSeconds(10), 0,
                listExisting);
    }

    static LoadStats load(ApiLoader.Settings settings, DemoPlan plan) throws InterruptedException {
        ApiLoader loader = new ApiLoader(settings, new ReportGenerator(plan.settings().seed(), TemplateCatalog.standard()));
        return loader.load(plan, Progress.Mode.NONE);
    }

    /** Just enough of the gateway: the agency registry, report versions with preconditions, the two listings. */
    static final class FakeGateway {
        final HttpServer server;
        final Set<String> agencies = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> versions = new ConcurrentHashMap<>();
        final Map<String, List<Integer>> yearsInOrder = new ConcurrentHashMap<>();
        final List<String> preconditions = Collections.synchronizedList(new ArrayList<>());
        final Set<String> authorizations = ConcurrentHashMap.newKeySet();
        final Set<String> refuse = ConcurrentHashMap.newKeySet();
        final AtomicInteger posts = new AtomicInteger();
        final AtomicInteger puts = new AtomicInteger();
        final AtomicInteger listings = new AtomicInteger();
        final AtomicInteger unavailableFirst = new AtomicInteger();
        final AtomicInteger tooManyFirst = new AtomicInteger();

        FakeGateway() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void handle(HttpExchange x) throws IOException {
            try (x) {
                String auth = x.getRequestHeaders().getFirst("Authorization");
                authorizations.add(String.valueOf(auth));
                if (!("Bearer " + TOKEN).equals(auth)) {
                    answer(x, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
                    return;
                }
                if (unavailableFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    x.getResponseHeaders().add("Retry-After", "1");
                    answer(x, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
                    return;
                }
                if (tooManyFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    x.getResponseHeaders().add("Retry-After", "0");
                    answer(x, 429, "{\"title\":\"Too Many Requests\",\"status\":429}");
                    return;
                }
                String path = x.getRequestURI().getPath();
                String method = x.getRequestMethod();
                byte[] body = x.getRequestBody().readAllBytes();
                Matcher report = REPORT.matcher(path);
                if (method.equals("GET") && path.equals("/api/v1/agencies")) {
                    listings.incrementAndGet();
                    ObjectNode page = JSON.createObjectNode();
                    ArrayNode items = page.putArray("items");
                    page(new ArrayList<>(agencies), x).forEach(id -> items.addObject().put("id", id));
                    page.put("total", agencies.size());
                    answer(x, 200, page.toString());
                } else if (method.equals("GET") && path.equals("/api/v1/reports")) {
                    listings.incrementAndGet();
                    ObjectNode page = JSON.createObjectNode();
                    ArrayNode items = page.putArray("items");
                    page(new ArrayList<>(versions.keySet()), x).forEach(key -> items.addObject()
                            .put("agencyId", key.substring(0, key.indexOf('/')))
                            .put("year", Integer.parseInt(key.substring(key.indexOf('/') + 1))));
                    page.put("total", versions.size());
                    answer(x, 200, page.toString());
                } else if (method.equals("POST") && path.equals("/api/v1/agencies")) {
                    posts.incrementAndGet();
                    JsonNode agency = JSON.readTree(body);
                    boolean added = agencies.add(agency.path("id").asText());
                    answer(x, added ? 201 : 409, agency.toString());
                } else if (method.equals("PUT") && report.matches()) {
                    puts.incrementAndGet();
                    putReport(x, report.group(1), report.group(2), body);
                } else {
                    answer(x, 404, "{\"title\":\"Not Found\",\"status\":404}");
                }
            }
        }

        private synchronized void putReport(HttpExchange x, String agency, String year, byte[] body) throws IOException {
            if (!agencies.contains(agency)) {
                answer(x, 404, "{\"title\":\"Not Found\",\"status\":404}");
                return;
            }
            JSON.readTree(body); // must be JSON
            String key = agency + "/" + year;
            String ifNoneMatch = x.getRequestHeaders().getFirst("If-None-Match");
            String ifMatch = x.getRequestHeaders().getFirst("If-Match");
            if (ifNoneMatch != null) preconditions.add("If-None-Match: " + ifNoneMatch);
            if (ifMatch != null) preconditions.add("If-Match: " + ifMatch);
            if (refuse.contains(key) || refuse.contains("*")) {
                answer(x, 422, "{\"title\":\"The submission is not valid\",\"status\":422,\"errors\":[{\"field\":"
                        + "\"requests.newReceived.total\",\"type\":\"NEGATIVE_COUNT\",\"message\":\"NEGATIVE_COUNT\"}]}");
                return;
            }
            int current = versions.getOrDefault(key, 0);
            if ("*".equals(ifNoneMatch) && current > 0 || ifMatch != null && !ifMatch.equals("\"v" + current + "\"")) {
                answer(x, 412, "{\"title\":\"Precondition Failed\",\"status\":412}");
                return;
            }
            versions.put(key, current + 1);
            yearsInOrder.computeIfAbsent(agency, k -> Collections.synchronizedList(new ArrayList<>())).add(Integer.parseInt(year));
            x.getResponseHeaders().add("ETag", "\"v" + (current + 1) + "\"");
            answer(x, current == 0 ? 201 : 200, "{\"version\":" + (current + 1) + ",\"warnings\":[]}");
        }

        private static List<String> page(List<String> all, HttpExchange x) {
            Collections.sort(all);
            Map<String, String> q = query(x.getRequestURI().getRawQuery());
            int size = Integer.parseInt(q.getOrDefault("size", "50"));
            int page = Integer.parseInt(q.getOrDefault("page", "0"));
            return all.subList(Math.min(all.size(), page * size), Math.min(all.size(), (page + 1) * size));
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> q = new ConcurrentHashMap<>();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) q.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return q;
        }

        private static void answer(HttpExchange x, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
            x.sendResponseHeaders(status, bytes.length);
            x.getResponseBody().write(bytes);
        }
    }
}
