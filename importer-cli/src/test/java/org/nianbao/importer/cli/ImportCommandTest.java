package org.nianbao.importer.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk importer against a tiny in-process HTTP server standing in for the report service: it answers 201 with
 * what it stored, 201 with warnings when the body says WARN, 422 Problem Details when the body says GARBAGE, and
 * 200 with an import result for a dry run (no submit=true).
 */
class ImportCommandTest {

    /** One request as the stand-in server saw it. */
    record Seen(String method, String path, String query, String contentType, String authorization, String body) {
    }

    @TempDir
    Path folder;

    private HttpServer server;
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/reports:import", exchange -> {
            byte[] sent = exchange.getRequestBody().readAllBytes();
            bodies.add(sent);
            String body = new String(sent, StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            int status;
            String answer;
            String type = "application/json";
            if (body.contains("GARBAGE")) {
                status = 422;
                type = "application/problem+json";
                answer = """
                        {"type":"https://nianbao.org/problems/not-a-report","title":"The file is not a report","status":422,
                         "detail":"This does not look like an annual report (政府信息公开工作年度报告)","errors":[]}""";
            } else if (query == null || !query.contains("submit=true")) {
                status = 200;
                answer = """
                        {"template":"GOV_2019","agencyName":"延安市教育局","year":2019,
                         "diagnostics":{"cells":[{"code":"a"},{"code":"b"},{"code":"c"}],"unplaced":[]}}""";
            } else if (body.contains("WARN")) {
                status = 201;
                answer = """
                        {"agencyId":"edu-640323","year":2020,"version":2,"template":"GOV_2019",
                         "warnings":[{"rule":"R1"}],"diagnostics":{"unplaced":[{"text":"0"},{"text":"0"}]}}""";
            } else {
                status = 201;
                answer = """
                        {"agencyId":"edu-610600","year":2019,"version":1,"template":"GOV_2019","warnings":[]}""";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int run(String... args) {
        return run(false, args);
    }

    private int run(boolean terminal, String... args) {
        ImportCommand command = new ImportCommand(HttpClient.newHttpClient(), terminal);
        return ImportCommand.commandLine(command, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private void file(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void everyFileImported_exit0_withProgressAndSummary() throws IOException {
        file("000.txt", "延安市教育局2019年度政府信息公开工作报告");
        file("001.html", "<html><body><p>报告</p></body></html>");
        file("notes.png", "ignored");

        int exit = run("--url", url(), "--token", "s3cret", folder.toString());

        assertThat(exit).isZero();
        assertThat(requests).hasSize(2);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/v1/reports:import");
            assertThat(r.query()).isEqualTo("submit=true");
            assertThat(r.authorization()).isEqualTo("Bearer s3cret");
        });
        assertThat(requests.get(0).contentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(requests.get(0).body()).isEqualTo("延安市教育局2019年度政府信息公开工作报告");
        assertThat(requests.get(1).contentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(err.toString().lines().toList()).containsExactly(
                "[                    ] 0/2 000.txt",
                "[##########          ] 1/2 001.html",
                "[####################] 2/2");
        assertThat(out.toString()).startsWith("Imported 2 of 2 file(s): 2 imported, 0 imported with warnings, 0 failed")
                .contains("imported  000.txt   edu-610600/2019 v1, GOV_2019")
                .contains("imported  001.html  edu-610600/2019 v1, GOV_2019");
    }

    @Test
    void warningsAndFailures_areListedPerFile_exit1() throws IOException {
        file("a.txt", "fine report");
        file("b.txt", "WARN report");
        file("c.txt", "GARBAGE");

        int exit = run("--url", url() + "/", folder.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(requests).extracting(Seen::authorization).containsOnlyNulls();
        String summary = out.toString();
        assertThat(summary).startsWith("Imported 2 of 3 file(s): 1 imported, 1 imported with warnings, 1 failed");
        assertThat(summary.lines()).anySatisfy(l -> assertThat(l).contains("imported with warnings")
                .contains("b.txt").contains("edu-640323/2020 v2").contains("1 rule warning(s)")
                .contains("2 number(s) not placed in a cell"));
        assertThat(summary.lines()).anySatisfy(l -> assertThat(l).contains("failed").contains("c.txt")
                .contains("422 The file is not a report: This does not look like an annual report"));
    }

    @Test
    void dryRun_parsesWithoutSubmitting() throws IOException {
        file("000.txt", "延安市教育局2019年度政府信息公开工作报告");

        int exit = run("--url", url(), "--dry-run", "--agency", "edu-610600", folder.toString());

        assertThat(exit).isZero();
        assertThat(requests).singleElement().satisfies(r -> assertThat(r.query()).isEqualTo("agencyId=edu-610600"));
        assertThat(out.toString()).startsWith("Parsed 1 of 1 file(s) (dry run: nothing was submitted): 1 parsed")
                .contains("parsed  000.txt  parsed, not submitted, GOV_2019, 3 cells");
    }

    @Test
    void agencyOverride_isSentWithSubmit() throws IOException {
        file("000.txt", "report");

        run("--url", url(), "--agency", "edu 610600", folder.toString());

        assertThat(requests).singleElement().satisfies(r ->
                assertThat(r.query()).isEqualTo("submit=true&agencyId=edu+610600"));
    }

    @Test
    void usageErrors_exit2_andSendNothing() throws IOException {
        assertThat(run("--url", url())).as("no folder").isEqualTo(2);
        assertThat(run("--url", url(), folder.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist");
        assertThat(run("--url", url(), folder.toString())).as("no report files").isEqualTo(2);
        assertThat(err.toString()).contains("has no .txt, .html, .pdf, .docx, .doc, .xlsx or .xls files");
        file("000.txt", "report");
        assertThat(run("--url", "localhost:8080", folder.toString())).isEqualTo(2);
        assertThat(run("--url", url(), "--bogus", folder.toString())).isEqualTo(2);
        assertThat(run("--url", url(), "--timeout", "0", folder.toString())).isEqualTo(2);
        assertThat(requests).isEmpty();
        assertThat(err.toString()).contains("Usage: nianbao-import");
    }

    @Test
    void unreachableService_failsEveryFile_exit1() throws IOException {
        file("000.txt", "report");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        int exit = run("--url", "http://127.0.0.1:" + closedPort, folder.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("0 imported, 0 imported with warnings, 1 failed")
                .contains("failed  000.txt  cannot reach http://127.0.0.1:" + closedPort);
    }

    @Test
    void aPdf_isSentAsItIsWithItsMediaType() throws IOException {
        Path pdf = Path.of("../importer/src/test/resources/corpus/hongze-qzf-2024.pdf");
        Files.copy(pdf, folder.resolve("hongze-qzf-2024.pdf"));
        file("notes.md", "not a report");

        assertThat(run("--url", url(), folder.toString())).isZero();

        assertThat(requests).singleElement().satisfies(r ->
                assertThat(r.contentType()).isEqualTo("application/pdf"));
        assertThat(bodies).singleElement().isEqualTo(Files.readAllBytes(pdf));
        assertThat(out.toString()).contains("imported  hongze-qzf-2024.pdf");
    }

    @Test
    void gbkFile_isSentAsUtf8() throws IOException {
        Files.write(folder.resolve("gbk.txt"), "岳阳楼区教育局2023年政府信息公开年度报告".getBytes(Charset.forName("GBK")));

        assertThat(run("--url", url(), folder.toString())).isZero();

        assertThat(requests).singleElement().satisfies(r ->
                assertThat(r.body()).isEqualTo("岳阳楼区教育局2023年政府信息公开年度报告"));
    }

    @Test
    void onATerminal_theBarRedrawsInPlace() throws IOException {
        file("a.txt", "report");
        file("b.txt", "report");

        run(true, "--url", url(), folder.toString());

        assertThat(err.toString()).startsWith("\r[                    ] 0/2 a.txt")
                .contains("\r[##########          ] 1/2 b.txt")
                .endsWith("\r[####################] 2/2" + " ".repeat(6) + System.lineSeparator());
    }
}
