package org.nianbao.importer.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --urls: the command fetches each page from a web server (here a local one serving saved pages: a report page with
 * its tables, a page that only links to the report as a PDF attachment, a redirect, a GBK page, a slow server, an
 * oversized answer, a 404, a redirect loop, a redirect to ftp) and imports what it found through the import endpoint's
 * stand-in.
 */
class UrlImportTest {

    private static final Path CORPUS = Path.of("../importer/src/test/resources/corpus");

    @TempDir
    Path work;

    private StandInReportService service;
    private HttpServer site;
    private ExecutorService siteThreads;
    private byte[] pdf;
    private byte[] tablesPage;
    private byte[] gbkPage;
    private StringWriter out;

    @BeforeEach
    void start() throws IOException {
        service = new StandInReportService();
        pdf = Files.readAllBytes(CORPUS.resolve("hongze-qzf-2024.pdf"));
        // the saved page without the corpus' two header lines (# source:, # note:)
        String saved = Files.readString(CORPUS.resolve("shuyang-fgj-2023.html"), StandardCharsets.UTF_8);
        tablesPage = saved.substring(saved.indexOf("<!doctype")).getBytes(StandardCharsets.UTF_8);
        gbkPage = ("<html><head><meta charset=\"gbk\"><title>岳阳楼区教育局</title></head><body>"
                + "<h1>岳阳楼区教育局2023年政府信息公开工作年度报告</h1><table><tr><td>规章</td><td>2</td></tr></table>"
                + "</body></html>").getBytes(Charset.forName("GBK"));
        byte[] notice = ("<html><head><meta charset=\"utf-8\"></head><body><h1>淮安市洪泽区人民政府2024年政府信息公开工作年度报告</h1>"
                + "<p>根据《中华人民共和国政府信息公开条例》，现公布本年度报告。</p>"
                + "<p>附件：<a href=\"../files/洪泽区2024年报告.pdf\" target=\"_blank\">洪泽区2024年政府信息公开工作年度报告.pdf</a></p>"
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        byte[] both = (new String(tablesPage, StandardCharsets.UTF_8).replace("</body>",
                "<p>附件：<a href='/files/hz2024.pdf'>原文.pdf</a></p></body>")).getBytes(StandardCharsets.UTF_8);

        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        siteThreads = Executors.newCachedThreadPool();
        site.setExecutor(siteThreads);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/gknb/tables.html" -> send(exchange, 200, "text/html; charset=UTF-8", tablesPage);
                case "/gknb/notice.html" -> send(exchange, 200, "text/html", notice);
                case "/gknb/both.html" -> send(exchange, 200, "text/html; charset=utf-8", both);
                case "/files/hz2024.pdf", "/files/洪泽区2024年报告.pdf" -> send(exchange, 200, "application/pdf", pdf);
                case "/gknb/gbk.html" -> send(exchange, 200, "text/html; charset=GBK", gbkPage);
                case "/old/address.html" -> redirect(exchange, "/gknb/gbk.html");
                case "/loop.html" -> redirect(exchange, "/loop.html");
                case "/to-ftp.html" -> redirect(exchange, "ftp://127.0.0.1/report.pdf");
                case "/slow.html" -> {
                    sleep(3_000);
                    send(exchange, 200, "text/html", tablesPage);
                }
                case "/huge.html" -> {
                    exchange.getResponseHeaders().add("Content-Type", "text/html");
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream body = exchange.getResponseBody()) {
                        byte[] chunk = "<p>报告</p>".repeat(1000).getBytes(StandardCharsets.UTF_8);
                        for (int i = 0; i < 300; i++) {
                            body.write(chunk);
                        }
                    } catch (IOException clientStopped) {
                        // the command stops reading at its limit
                    }
                    exchange.close();
                }
                default -> send(exchange, 404, "text/html", "<h1>404 页面不存在</h1>".getBytes(StandardCharsets.UTF_8));
            }
        });
        site.start();
    }

    @AfterEach
    void stop() {
        site.stop(0);
        siteThreads.shutdownNow();
        service.close();
    }

    private String page(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private int run(Path urls) {
        out = new StringWriter();
        ImportCommand command = new ImportCommand(HttpClient.newHttpClient(), false);
        return ImportCommand.commandLine(command, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("--url", service.url(), "--urls", urls.toString(), "--fetch-timeout", "1",
                        "--max-fetch-bytes", "1000000");
    }

    private Path urlList(String... paths) throws IOException {
        Path list = work.resolve("urls.txt");
        StringBuilder text = new StringBuilder("# the agencies' report pages\n\n");
        for (String path : paths) {
            text.append(page(path)).append('\n');
        }
        Files.writeString(list, text, StandardCharsets.UTF_8);
        return list;
    }

    @Test
    void eachPageIsFetchedAndImported_orTheAttachmentItLinksTo_andEveryFailureIsExplained() throws IOException {
        Path urls = urlList("/gknb/tables.html", "/gknb/notice.html", "/old/address.html", "/slow.html", "/huge.html",
                "/gknb/missing.html", "/loop.html", "/to-ftp.html");

        assertThat(run(urls)).isEqualTo(1);

        String summary = out.toString();
        assertThat(summary).startsWith("Imported 3 of 8 file(s): 3 imported, 0 imported with warnings, 0 skipped "
                + "(imported before), 0 refused, 5 failed");
        assertThat(line(summary, "/gknb/tables.html")).contains("imported", "fgj-321322/2023 v1",
                "agency 沭阳县发展和改革局 (title) = fgj-321322, region 321322, year 2023 (title)");
        assertThat(line(summary, "/gknb/notice.html")).contains("imported", "gov-320813/2024 v1",
                "agency 淮安市洪泽区人民政府 (title) = gov-320813", "attachment 洪泽区2024年政府信息公开工作年度报告.pdf ("
                        + page("/files/%E6%B4%AA%E6%B3%BD%E5%8C%BA2024%E5%B9%B4%E6%8A%A5%E5%91%8A.pdf")
                        + ") imported: the page holds no report table");
        assertThat(line(summary, "/old/address.html")).contains("imported", "edu-430602/2023 v1",
                "agency 岳阳楼区教育局 (title)", "redirected to " + page("/gknb/gbk.html"));
        assertThat(line(summary, "/slow.html")).contains("failed", "within 1 s (--fetch-timeout)");
        assertThat(line(summary, "/huge.html")).contains("failed", page("/huge.html") + " is larger than 1000000 bytes "
                + "(--max-fetch-bytes)");
        assertThat(line(summary, "/gknb/missing.html")).contains("failed", "HTTP 404 from " + page("/gknb/missing.html")
                + " (not found: check the address)");
        assertThat(line(summary, "/loop.html")).contains("failed", "more than 5 redirects");
        assertThat(line(summary, "/to-ftp.html")).contains("failed", "redirects to ftp://127.0.0.1/report.pdf, which is "
                + "not an http(s) address; not followed");

        List<StandInReportService.Seen> stored = service.submitted();
        assertThat(stored).extracting(StandInReportService.Seen::contentType)
                .containsExactly("text/html; charset=UTF-8", "application/pdf", "text/html; charset=GBK");
        assertThat(stored.get(0).body()).isEqualTo(tablesPage);
        assertThat(stored.get(1).body()).as("the attachment as it was served").isEqualTo(pdf);
        assertThat(stored.get(2).body()).as("the GBK page as it was served, for the service to decode").isEqualTo(gbkPage);
        assertThat(service.requests).filteredOn(r -> r.contentType().equals("text/html"))
                .as("the page with an attachment, read without storing").hasSize(1)
                .allSatisfy(r -> assertThat(r.params()).doesNotContainKey("submit"));

        assertThat(run(urls)).isEqualTo(1);
        assertThat(out.toString()).startsWith("Imported 0 of 8 file(s): 0 imported, 0 imported with warnings, 3 skipped "
                + "(imported before), 0 refused, 5 failed");
        assertThat(line(out.toString(), "/gknb/notice.html")).contains("skipped", "already imported on",
                "as gov-320813/2024 v1");
        assertThat(work.resolve(ImportState.DEFAULT_NAME)).as("next to the list of addresses").exists();
    }

    @Test
    void aPageWithItsOwnTables_isImportedItself_evenWhenItLinksToAnAttachment() throws IOException {
        assertThat(run(urlList("/gknb/both.html"))).isZero();

        assertThat(line(out.toString(), "/gknb/both.html")).contains("imported", "fgj-321322/2023 v1",
                "the page's own tables were imported; its attachment " + page("/files/hz2024.pdf") + " not followed");
        assertThat(service.submitted()).singleElement().satisfies(r ->
                assertThat(r.contentType()).isEqualTo("text/html; charset=utf-8"));
    }

    private static String line(String summary, String path) {
        return summary.lines().filter(l -> l.contains(path + " ")).findFirst().orElseThrow(() ->
                new AssertionError("no summary line for " + path + " in\n" + summary));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException clientGone) {
            // the command gave up waiting
        }
        exchange.close();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
