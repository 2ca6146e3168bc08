package org.nianbao.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nianbao.local.demo.DemoPlan.AgencyPlan;
import org.nianbao.local.demo.ReportGenerator.GeneratedReport;
import org.nianbao.model.rules.RuleWarning;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a plan through the public API: registers each agency ({@code POST /api/v1/agencies}; 409 = it exists) and
 * submits its reports year by year ({@code PUT …/reports/{year}} with {@code If-None-Match: *}; 412 = present), so
 * that the service checks X1/X2 against the year before. A revised report's second version goes with
 * {@code If-Match: "v1"} only when its first version was just created.
 * <p>
 * Agencies run in parallel, each on one of {@code concurrency} threads, so at most that many requests are in
 * flight. 429, 502, 503 and 504 are retried after Retry-After (a 429 pauses every thread) or an exponential
 * backoff; so are connection failures. 401/403 stop the load. Before starting it lists the agencies and reports
 * that exist, so that a second run sends (almost) nothing.
 */
public final class ApiLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;

    /**
     * @param maxRate requests per second at most (0: no limit of our own, only the server's 429s)
     */
    public record Settings(URI baseUrl, String token, int concurrency, int maxAttempts, Duration backoff,
                           Duration requestTimeout, double maxRate, boolean listExisting) {
        public Settings {
            if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
            if (maxAttempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
            String url = baseUrl.toString();
            baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }

        public static Settings of(URI baseUrl, String token) {
            return new Settings(baseUrl, token, 16, 8, Duration.ofMillis(500), Duration.ofSeconds(60), 0, true);
        }
    }

    /** The load cannot go on (token refused, server unreachable). */
    private static final class Fatal extends Exception {
        Fatal(String message) {
            super(message, null, false, false);
        }
    }

    private final Settings settings;
    private final ReportGenerator generator;
    private final HttpClient http;
    private final LoadStats stats = new LoadStats();
    private final AtomicLong pausedUntil = new AtomicLong(); // nanoTime before which no request goes out (429)
    private final AtomicLong nextPermit = new AtomicLong();  // for maxRate
    private Set<String> existingAgencies = Set.of();
    private Set<String> existingReports = Set.of();

    public ApiLoader(Settings settings, ReportGenerator generator) {
        this.settings = settings;
        this.generator = generator;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public LoadStats stats() {
        return stats;
    }

    /** Loads the plan; progress on stderr in the given mode. Returns the counts (also when it failed). */
    public LoadStats load(DemoPlan plan, Progress.Mode progressMode) throws InterruptedException {
        int total = plan.agencies().stream().mapToInt(a -> a.submitted().size()).sum();
        if (settings.listExisting()) {
            try {
                listExisting();
            } catch (Fatal e) {
                stats.fatal(e.getMessage());
                return stats;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "demo-loader");
            t.setDaemon(true);
            return t;
        });
        try (Progress progress = new Progress(System.err, progressMode, total, stats::reportsDone,
                plan.agencies().size(), stats.agenciesDone::get)) {
            progress.start();
            for (AgencyPlan agency : plan.agencies()) {
                pool.execute(() -> loadAgency(agency));
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // waiting; the progress thread draws
            }
        } finally {
            pool.shutdownNow();
        }
        return stats;
    }

    // ---------------------------------------------------------------- what exists already

    private void listExisting() throws Fatal, InterruptedException {
        Set<String> agencies = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode found = getJson("/api/v1/agencies?sector=" + DemoPlan.SECTOR + "&size=" + PAGE + "&page=" + page);
            JsonNode list = found == null ? null : found.get("items");
            if (list == null || !list.isArray()) {
                if (page == 0) stats.note("could not list the agencies first; relying on 409 for those that exist");
                break;
            }
            list.forEach(a -> agencies.add(a.path("id").asText()));
            if (list.size() < PAGE) break;
        }
        Set<String> reports = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode found = getJson("/api/v1/reports?sector=" + DemoPlan.SECTOR + "&size=" + PAGE + "&page=" + page);
            JsonNode items = found == null ? null : found.get("items");
            if (items == null || !items.isArray()) {
                if (page == 0) stats.note("could not list the reports first; relying on 412 for those that exist");
                break;
            }
            items.forEach(r -> reports.add(key(r.path("agencyId").asText(), r.path("year").asInt())));
            if (items.size() < PAGE) break;
        }
        existingAgencies = agencies;
        existingReports = reports;
    }

    private JsonNode getJson(String path) throws Fatal, InterruptedException {
        HttpResponse<String> response = send(request(path).GET(), "GET " + path);
        if (response.statusCode() != 200) {
            return null;
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- one agency

    /** How many of one agency's reports were dealt with (created, present or failed). */
    private static final class Tally {
        int dealt;
    }

    private void loadAgency(AgencyPlan agency) {
        Tally tally = new Tally();
        try {
            if (stats.fatal() != null) {
                return;
            }
            if (existingAgencies.contains(agency.id())
                    && agency.submitted().stream().allMatch(r -> existingReports.contains(key(agency.id(), r.year())))) {
                // all there from an earlier run: nothing to make or send
                stats.agenciesExisting.incrementAndGet();
                stats.reportsPresent.addAndGet(agency.submitted().size());
                tally.dealt = agency.submitted().size();
                return;
            }
            List<GeneratedReport> reports = generator.generate(agency);
            if (!register(agency)) {
                return;
            }
            GeneratedReport previous = null;
            for (GeneratedReport report : reports) {
                if (report.plan().submitted()) {
                    if (stats.fatal() != null) return;
                    submit(report, previous, tally);
                }
                previous = report;
            }
        } catch (Fatal e) {
            stats.fatal(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.fatal("interrupted");
        } catch (RuntimeException e) {
            stats.failure("unexpected error: " + e.getClass().getSimpleName(), agency.id() + ": " + e);
        } finally {
            // what was not dealt with counts as not tried, so that the counts add up
            stats.reportsNotTried.addAndGet(agency.submitted().size() - tally.dealt);
            stats.agenciesDone.incrementAndGet();
        }
    }

    private boolean register(AgencyPlan agency) throws Fatal, InterruptedException {
        if (existingAgencies.contains(agency.id())) {
            stats.agenciesExisting.incrementAndGet();
            return true;
        }
        ObjectNode body = JSON.createObjectNode()
                .put("id", agency.id()).put("name", agency.name())
                .put("regionCode", agency.regionCode()).put("sector", DemoPlan.SECTOR);
        HttpResponse<String> response = send(request("/api/v1/agencies")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "POST agency " + agency.id());
        switch (response.statusCode()) {
            case 201 -> stats.agenciesCreated.incrementAndGet();
            case 409 -> stats.agenciesExisting.incrementAndGet();
            default -> {
                stats.failure("POST agency: " + response.statusCode(), agency.id() + ": " + brief(response));
                return false;
            }
        }
        return true;
    }

    private void submit(GeneratedReport report, GeneratedReport previous, Tally tally) throws Fatal, InterruptedException {
        String id = report.agency().id();
        int year = report.year();
        if (existingReports.contains(key(id, year))) {
            stats.reportsPresent.incrementAndGet();
            tally.dealt++;
            return;
        }
        String path = "/api/v1/agencies/" + id + "/reports/" + year;
        boolean revised = report.plan().revised();
        HttpResponse<String> first = put(path, SubmissionJson.write(generator.catalog(), report, revised), "If-None-Match", "*",
                "PUT " + id + "/" + year);
        switch (first.statusCode()) {
            case 412 -> {
                stats.reportsPresent.incrementAndGet();
                tally.dealt++;
                return;
            }
            case 201 -> { }
            default -> {
                fail(report, tally, "PUT report: " + first.statusCode(), brief(first));
                return;
            }
        }
        stats.reportsCreated.incrementAndGet();
        tally.dealt++;
        HttpResponse<String> last = first;
        if (revised) {
            HttpResponse<String> second = put(path, SubmissionJson.write(generator.catalog(), report, false), "If-Match", "\"v1\"",
                    "PUT " + id + "/" + year + " v2");
            if (second.statusCode() == 200) {
                stats.revisionsStored.incrementAndGet();
                last = second;
            } else if (second.statusCode() == 412) {
                stats.revisionsSkipped.incrementAndGet(); // someone changed it meanwhile: leave it as it is
                last = null;
            } else {
                stats.failure("PUT revision: " + second.statusCode(), id + "/" + year + " v2: " + brief(second));
                last = null;
            }
        }
        if (last != null) {
            observeWarnings(report, previous, last);
        }
    }

    private void fail(GeneratedReport report, Tally tally, String reason, String detail) {
        stats.reportsFailed.incrementAndGet();
        tally.dealt++;
        stats.failure(reason, report.agency().id() + "/" + report.year() + ": " + detail);
    }

    /** Counts the warnings the service stored and compares them with the ones the generator expected. */
    private void observeWarnings(GeneratedReport report, GeneratedReport previous, HttpResponse<String> response) {
        JsonNode warnings;
        try {
            warnings = JSON.readTree(response.body()).path("warnings");
        } catch (IOException e) {
            return;
        }
        Set<String> rules = new TreeSet<>();
        warnings.forEach(w -> rules.add(w.path("rule").asText()));
        if (!rules.isEmpty()) {
            stats.withWarnings.incrementAndGet();
            rules.forEach(stats::warning);
        }
        Set<String> expected = new TreeSet<>();
        for (RuleWarning w : generator.expectedWarnings(report, previous)) {
            expected.add(w.rule());
        }
        stats.warningsChecked.incrementAndGet();
        if (expected.equals(rules)) {
            stats.warningsAsExpected.incrementAndGet();
        } else {
            stats.unexpected(report.agency().id() + "/" + report.year() + ": stored " + rules + ", expected " + expected);
        }
    }

    // ---------------------------------------------------------------- HTTP

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json");
        if (settings.token() != null) {
            b.header("Authorization", "Bearer " + settings.token());
        }
        return b;
    }

    private HttpResponse<String> put(String path, String body, String header, String value, String what)
            throws Fatal, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").header(header, value)
                .PUT(HttpRequest.BodyPublishers.ofString(body)), what);
    }

    /**
     * Sends with retries; the last answer when every attempt was refused with 429/5xx. No answer at all (the server
     * cannot be reached) and 401/403 are fatal: nothing else would succeed either.
     */
    HttpResponse<String> send(HttpRequest.Builder builder, String what) throws Fatal, InterruptedException {
        HttpRequest request = builder.build();
        String lastProblem = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            waitForPermit();
            HttpResponse<String> response;
            try {
                stats.requests.increment();
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                if (attempt == settings.maxAttempts()) break;
                stats.retry("connection");
                Thread.sleep(backoff(attempt).toMillis());
                continue;
            }
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new Fatal(what + " answered " + status + ": the token was refused (" + brief(response)
                        + "); give an admin token with --token or the key folder with --key-dir");
            }
            if (status == 429 || status == 502 || status == 503 || status == 504) {
                if (attempt == settings.maxAttempts()) return response;
                Duration wait = retryAfter(response).orElse(backoff(attempt));
                stats.retry(String.valueOf(status));
                if (status == 429) {
                    long until = System.nanoTime() + wait.toNanos();
                    pausedUntil.accumulateAndGet(until, Math::max);
                }
                Thread.sleep(wait.toMillis());
                continue;
            }
            return response;
        }
        throw new Fatal(what + ": cannot reach " + settings.baseUrl() + " after " + settings.maxAttempts()
                + " attempts (" + lastProblem + "): is the suite running?");
    }

    private void waitForPermit() throws InterruptedException {
        long wait = pausedUntil.get() - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (settings.maxRate() > 0) {
            long interval = (long) (1e9 / settings.maxRate());
            long now = System.nanoTime();
            long at = nextPermit.accumulateAndGet(0, (next, ignored) -> Math.max(next, now) + interval) - interval;
            if (at > now) {
                TimeUnit.NANOSECONDS.sleep(at - now);
            }
        }
    }

    /** Exponential with jitter: backoff, 2×, 4×, … up to 30 s. */
    private Duration backoff(int attempt) {
        long base = settings.backoff().toMillis() << Math.min(attempt - 1, 10);
        long capped = Math.min(base, 30_000);
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** Retry-After as seconds or an HTTP date, at most two minutes. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.min(120, Math.max(0, Long.parseLong(value.trim())))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return Optional.of(d.isNegative() ? Duration.ZERO : d.compareTo(Duration.ofMinutes(2)) > 0
                            ? Duration.ofMinutes(2) : d);
                } catch (RuntimeException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static String key(String agencyId, int year) {
        return agencyId + "/" + year;
    }

    /** Status, and the Problem Details' title and first errors, or the start of the body. */
    private static String brief(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.has("title")) {
                StringBuilder s = new StringBuilder(response.statusCode() + " " + problem.path("title").asText());
                if (problem.hasNonNull("detail")) s.append(": ").append(problem.get("detail").asText());
                JsonNode errors = problem.path("errors");
                for (int i = 0; i < Math.min(3, errors.size()); i++) {
                    s.append("; ").append(errors.get(i).path("field").asText()).append(' ')
                            .append(errors.get(i).path("message").asText());
                }
                return s.toString();
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through
        }
        String flat = body.replaceAll("\\s+", " ");
        return response.statusCode() + (flat.isEmpty() ? "" : " " + (flat.length() > 200 ? flat.substring(0, 200) + "…" : flat));
    }
}
