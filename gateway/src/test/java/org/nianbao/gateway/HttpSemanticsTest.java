package org.nianbao.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.TestTokens;

/**
 * What a client sees of the HTTP semantics through the gateway: locations at the public address, retries with an
 * Idempotency-Key, gzip, paging links and conditional GETs. Sent with java.net.http, which, unlike rest-assured,
 * shows the answer as it came (a compressed body still compressed, its Content-Encoding kept).
 */
@QuarkusTest
class HttpSemanticsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([a-z]+)\"");

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void locationsNameThePublicAddressAndARetryWithTheKeyIsAnsweredOnce() throws Exception {
        String id = "gw-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"id\":\"" + id + "\",\"name\":\"网关测试教育局\",\"regionCode\":\"640300\",\"sector\":\"EDUCATION\"}";
        String key = UUID.randomUUID().toString();
        HttpRequest.Builder create = request("/api/v1/agencies").header("Authorization", "Bearer " + TestTokens.admin())
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "nianbao.example.gov.cn")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> first = HTTP.send(create.build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = HTTP.send(create.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).hasValue("https://nianbao.example.gov.cn/api/v1/agencies/" + id);
        assertThat(again.statusCode()).as("the retry, answered as the first time").isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());

        // called without forwarding headers: the address the client called, never the service's own
        HttpResponse<String> report = HTTP.send(request("/api/v1/agencies/" + id + "/reports/2022")
                .header("Authorization", "Bearer " + TestTokens.admin()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"template\":\"GOV_2021\",\"requests\":{\"newReceived\":{\"total\":3}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(201);
        String publicBase = "http://" + gateway.getHost() + ":" + gateway.getPort();
        assertThat(report.headers().firstValue("Location")).hasValue(publicBase + "/api/v1/agencies/" + id + "/reports/2022");
        // relative, it resolves against the address the client called
        assertThat(URI.create(publicBase + "/api/v1/agencies/" + id + "/reports/2022")
                .resolve(report.headers().firstValue("Content-Location").orElseThrow()).toString())
                .isEqualTo(publicBase + "/api/v1/agencies/" + id + "/reports/2022/versions/1");
    }

    @Test
    void largeAnswersAreGzippedSmallOnesAndProblemsStayReadable() throws Exception {
        HttpResponse<byte[]> catalog = gzipGet("/api/v1/templates", null);
        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(catalog.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String json = gunzip(catalog.body());
        assertThat(json).startsWith("{").contains("GOV_2021");
        assertThat(catalog.body().length).as("compressed").isLessThan(json.getBytes(StandardCharsets.UTF_8).length / 3);

        HttpResponse<byte[]> small = gzipGet("/api/v1/agencies/edu-640323", null);
        assertThat(small.headers().firstValue("Content-Encoding").orElse("identity")).as("a small answer is not worth compressing")
                .isEqualTo("identity");
        assertThat(new String(small.body(), StandardCharsets.UTF_8)).contains("盐池县教育体育局");

        HttpResponse<byte[]> problem = gzipGet("/api/v1/agencies/no-such-agency", null);
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        String problemText = text(problem);
        assertThat(problemText).contains("\"status\":404");

        HttpResponse<byte[]> csv = gzipGet("/api/v1/rankings?parent=000000&year=2022&indicator=requests.newReceived.total&limit=1000", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String table = text(csv);
        assertThat(table).startsWith("\uFEFF").contains("\r\n");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"rankings-000000-2022-requests.newReceived.total-1000.csv\"")
                .contains("filename*=UTF-8''rankings-000000-2022-requests.newReceived.total-1000.csv");
    }

    @Test
    void listsLinkTheirPagesAndAggregatesRevalidate() throws Exception {
        HttpResponse<String> page = HTTP.send(request("/api/v1/agencies?sector=EDUCATION&size=2").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"total\":").contains("\"items\":");
        Map<String, String> links = links(page.headers().firstValue("Link").orElse(""));
        assertThat(links).containsKeys("first", "next", "last");
        HttpResponse<String> next = HTTP.send(request(links.get("next")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("\"page\":1");

        String totals = "/api/v1/regions/000000/totals?year=2022";
        HttpResponse<String> first = HTTP.send(request(totals).GET().build(), HttpResponse.BodyHandlers.ofString());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> unchanged = HTTP.send(request(totals).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (unchanged.statusCode() == 200) { // a report of another test was applied in between: the tag moved on
            etag = unchanged.headers().firstValue("ETag").orElseThrow();
            unchanged = HTTP.send(request(totals).header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(gateway.toString()).resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<byte[]> gzipGet(String pathAndQuery, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(pathAndQuery).header("Accept-Encoding", "gzip");
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The body as a client that accepts gzip reads it: decompressed when it says it is compressed. */
    private static String text(HttpResponse<byte[]> answer) throws IOException {
        return answer.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
                ? gunzip(answer.body()) : new String(answer.body(), StandardCharsets.UTF_8);
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> links(String header) {
        Map<String, String> links = new HashMap<>();
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            links.put(m.group(2), m.group(1));
        }
        return links;
    }
}
