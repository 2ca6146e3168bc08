package org.nianbao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nianbao.importer.cli.ImportCommand;
import org.nianbao.testsupport.SuiteProcesses;
import org.nianbao.testsupport.TestTokens;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk import command over a folder of {@value #DEFAULT_FILES} reports made from the real corpus reports (the two
 * '# source:'/'# note:' lines stripped; each copy under another agency, registered beforehand, so that every file is a
 * report of its own), against the real report service: files per second, then a second run that skips them all.
 * Where a report's title names no agency, its copies carry the agency in the file name, as agencies publish them, so
 * the command's file-name fallback is part of the run. {@code -Dbench.bulk.files=N} changes the count.
 */
class BulkImportBenchmark {

    private static final int DEFAULT_FILES = 1_000;
    private static final int FILES = Integer.getInteger("bench.bulk.files", DEFAULT_FILES);
    private static final Path CORPUS = Path.of("../importer/src/test/resources/corpus");
    /** Han characters before a name make another agency's name (甲东乙平潭综合实验区公安局), as the titles read them. */
    private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";
    private static final String BRANCHES = "东南西北中上下前后左右内外";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Results results = new Results("bulk-import");

    /** A corpus report: its text without the two header lines, and the agency and year the service reads from it. */
    private record Report(String stem, String extension, String text, String agencyName, int year) {
    }

    @Test
    void aThousandFiles() throws Exception {
        SuiteProcesses suite = SuiteProcesses.start(false);
        String service = suite.reportService.url();
        List<Report> reports = corpus(service);
        Path folder = Files.createTempDirectory("bulk-import-");
        int agencies = 0;
        for (int i = 0; i < FILES; i++) {
            Report report = reports.get(i % reports.size());
            String agency = prefix(i) + (report.agencyName() != null ? report.agencyName()
                    : "样本" + STEMS.charAt(i % reports.size() % STEMS.length()) + BRANCHES.charAt(i % reports.size()
                    / STEMS.length() % BRANCHES.length()) + "局");
            String id = "bulk-" + i;
            post(service + "/api/v1/agencies", "{\"id\":\"" + id + "\",\"name\":\"" + agency
                    + "\",\"regionCode\":\"640323\",\"sector\":\"HEALTH\"}");
            agencies++;
            // the title's agency becomes this copy's; a title without one leaves it to the file name
            String text = report.agencyName() != null ? report.text().replace(report.agencyName(), agency)
                    : report.text() + "\n" + agency + "\n";
            Path dir = folder.resolve(String.format("%02d", i % 37));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(agency + report.year() + "年政府信息公开工作年度报告." + report.extension()), text,
                    StandardCharsets.UTF_8);
        }
        Results.progress("%d agencies registered, %d files written to %s", agencies, FILES, folder);

        String first = run(service, folder);
        String second = run(service, folder);

        results.line("| run | files | seconds | files/s | imported | with warnings | skipped | refused | failed |");
        results.line("|---|---|---|---|---|---|---|---|---|");
        row("first", first);
        row("second (same files)", second);
        results.line("Where the first run took agency and year from: agency by the title %d, by the file name %d; "
                        + "year by the title %d, by the file name %d",
                count(first, "agency \\S+ \\(title\\)"), count(first, "agency \\S+ \\(file name\\)"),
                count(first, "year \\d{4} \\(title\\)"), count(first, "year \\d{4} \\(file name\\)"));
        List<String> notImported = first.lines().filter(l -> l.startsWith("  refused") || l.startsWith("  failed")).toList();
        notImported.stream().limit(20).forEach(System.out::println);
        assertTrue(first.startsWith("Imported " + FILES + " of " + FILES), "every file imported: " + first.lines().findFirst());
        assertTrue(second.contains(", " + FILES + " skipped (imported before), 0 refused, 0 failed"), "all skipped the second time");
    }

    /**
     * --urls against the real service, from a local web server: a report page with its tables, the same page in GBK,
     * and a page that only links to its report as a PDF attachment (whose own title, split over two lines by the PDF,
     * names no agency: the link's text does).
     */
    @Test
    void pagesAndAttachments() throws Exception {
        SuiteProcesses suite = SuiteProcesses.start(false);
        String service = suite.reportService.url();
        post(service + "/api/v1/agencies", "{\"id\":\"bulk-shuyang-fgj\",\"name\":\"沭阳县发展和改革局\","
                + "\"regionCode\":\"640323\",\"sector\":\"HEALTH\"}");
        post(service + "/api/v1/agencies", "{\"id\":\"bulk-hongze-qzf\",\"name\":\"淮安市洪泽区人民政府\","
                + "\"regionCode\":\"640323\",\"sector\":\"GOVERNMENT\"}");
        String saved = Files.readString(CORPUS.resolve("shuyang-fgj-2023.html"), StandardCharsets.UTF_8);
        String page = saved.substring(saved.indexOf("<!doctype"));
        byte[] gbk = page.replace("<meta charset=\"utf-8\" />", "<meta charset=\"gbk\" />").replace("2023年", "2022年")
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] notice = ("<html><head><meta charset=\"utf-8\"></head><body><h1>关于公布2024年政府信息公开工作年度报告的通知</h1>"
                + "<p>附件：<a href=\"/files/P020250120.pdf\">淮安市洪泽区人民政府2024年政府信息公开工作年度报告.pdf</a></p>"
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        byte[] pdf = Files.readAllBytes(CORPUS.resolve("hongze-qzf-2024.pdf"));
        com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/tables.html") ? page.getBytes(StandardCharsets.UTF_8) : path.equals("/gbk.html") ? gbk
                    : path.equals("/notice.html") ? notice : path.equals("/files/P020250120.pdf") ? pdf : null;
            String type = path.equals("/gbk.html") ? "text/html; charset=GBK" : path.endsWith(".pdf") ? "application/pdf"
                    : "text/html; charset=UTF-8";
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        site.start();
        try {
            String base = "http://127.0.0.1:" + site.getAddress().getPort();
            Path urls = Files.createTempDirectory("bulk-urls-").resolve("urls.txt");
            Files.writeString(urls, base + "/tables.html\n" + base + "/gbk.html\n" + base + "/notice.html\n" + base
                    + "/gone.html\n", StandardCharsets.UTF_8);
            StringWriter out = new StringWriter();
            int exit = new CommandLine(new ImportCommand()).setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(System.err, true))
                    .execute("--url", service, "--token", TestTokens.admin(), "--urls", urls.toString());
            String summary = out.toString();
            System.out.println(summary);
            assertEquals(1, exit, "the 404 is a failure");
            assertTrue(summary.startsWith("Imported 3 of 4 file(s)"), summary);
            assertTrue(summary.contains("bulk-shuyang-fgj/2023 v1") && summary.contains("bulk-shuyang-fgj/2022 v1"), summary);
            assertTrue(summary.contains("bulk-hongze-qzf/2024 v1") && summary.contains("agency 淮安市洪泽区人民政府 (file name)")
                    && summary.contains("attachment 淮安市洪泽区人民政府2024年政府信息公开工作年度报告.pdf"), summary);
            assertTrue(summary.contains("HTTP 404 from " + base + "/gone.html"), summary);
        } finally {
            site.stop(0);
        }
    }

    /** Three Han characters, another for each file up to 1,300 files: each copy is another agency's report. */
    private static String prefix(int i) {
        return "" + STEMS.charAt(i % STEMS.length()) + BRANCHES.charAt(i / STEMS.length() % BRANCHES.length())
                + STEMS.charAt(i / (STEMS.length() * BRANCHES.length()) % STEMS.length());
    }

    /** The corpus reports as the service reads them (a read without storing: the agency and year of each title). */
    private List<Report> corpus(String service) throws IOException, InterruptedException {
        List<Report> reports = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String extension = name.substring(name.lastIndexOf('.') + 1);
                String stem = name.substring(0, name.lastIndexOf('.'));
                if (!List.of("txt", "md", "html").contains(extension) || !Files.exists(CORPUS.resolve(stem + ".expected.json"))) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                text = text.substring(text.indexOf('\n', text.indexOf('\n') + 1) + 1);
                JsonNode read = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(service + "/api/v1/reports:import"))
                        .header("Authorization", "Bearer " + TestTokens.admin())
                        .header("Content-Type", extension.equals("html") ? "text/html; charset=UTF-8" : "text/plain; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                int year = read.hasNonNull("year") ? read.get("year").asInt()
                        : Integer.parseInt(stem.replaceAll(".*-(\\d{4})$", "$1"));
                reports.add(new Report(stem, extension, text, read.hasNonNull("agencyName") ? read.get("agencyName").asText()
                        : null, year));
                Results.progress("%s: title names %s, year %s", stem, read.path("agencyName").asText("no agency"),
                        read.path("year").asText("none"));
            }
        }
        return reports;
    }

    /** The command as a user runs it: the progress bar on stderr, the summary kept (and its head printed). */
    private static String run(String service, Path folder) {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ImportCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(System.err, true))
                .execute("--url", service, "--token", TestTokens.admin(), folder.toString());
        String summary = out.toString();
        summary.lines().limit(4).forEach(System.out::println);
        System.out.println(summary.lines().reduce((a, b) -> b).orElse("") + " (exit " + exit + ")");
        return summary;
    }

    private void row(String run, String summary) {
        // Imported 1000 of 1000 file(s): 990 imported, 10 imported with warnings, 0 skipped (imported before), 0 refused, 0 failed
        // 1000 file(s) in 41.2 s (24.3 files/s); state file …
        String head = summary.lines().findFirst().orElse("");
        String tail = summary.lines().reduce((a, b) -> b).orElse("");
        List<String> n = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) (?:imported|skipped|refused|failed)").matcher(
                head.substring(head.indexOf(':') + 1));
        while (m.find()) {
            n.add(m.group(1));
        }
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("^(\\d+) file\\(s\\) in ([0-9.]+) s \\(([0-9.]+) files/s\\)")
                .matcher(tail);
        assertTrue(t.find(), tail);
        results.line("| %s | %s | %s | %s | %s |", run, t.group(1), t.group(2), t.group(3), String.join(" | ", n));
    }

    /** How many summary lines of imported files say this about their agency or year. */
    private static long count(String summary, String regex) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        return summary.lines().filter(l -> l.startsWith("  imported")).filter(l -> pattern.matcher(l).find()).count();
    }

    private void post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TestTokens.admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }
}
