package org.nianbao.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.event.Topics;
import org.nianbao.testsupport.KafkaResource;
import org.nianbao.testsupport.NodeScript;
import org.nianbao.testsupport.SuiteProcesses;
import org.nianbao.testsupport.TestTokens;

/**
 * An integrator's Node.js consumer, made of stock libraries only (check-events.mjs: kafkajs, the CloudEvents SDK's Kafka
 * binding, ajv), reads the events that the real suite publishes while an agency is registered and renamed and its reports
 * are submitted, revised and withdrawn: every record must be a valid structured-mode CloudEvent whose data matches the
 * schema its dataschema names, fetched from the gateway.
 */
class StockConsumerTest {

    private static final String AGENCY = "edu-consumer-check";
    private static final long NODE_TIMEOUT_SECONDS = 120;
    private final HttpClient http = HttpClient.newHttpClient();
    private String gateway;

    @Test
    void aStockNodeConsumerReadsEveryEventAsAValidCloudEventWithItsSchema() throws Exception {
        gateway = SuiteProcesses.start(true).gateway.url();
        send("POST", "/api/v1/agencies", TestTokens.admin(),
                "{\"id\":\"" + AGENCY + "\",\"name\":\"盐池县教育体育局（消费者检查）\",\"regionCode\":\"640323\",\"sector\":\"EDUCATION\"}", 201);
        send("PUT", "/api/v1/agencies/" + AGENCY, TestTokens.admin(),
                "{\"name\":\"盐池县教育局（消费者检查）\",\"regionCode\":\"640323\",\"sector\":\"EDUCATION\"}", 200);
        String seed = fixture("/fixtures/reports/seed-004-yanchi-2020.json");
        String report = "/api/v1/agencies/" + AGENCY + "/reports/2020";
        send("PUT", report, TestTokens.admin(), seed, 201);
        send("PUT", report, TestTokens.admin(), seed.replace("\"decisions\": 228", "\"decisions\": 229"), 200);
        send("DELETE", report, TestTokens.admin(), null, 200);
        // the 2019 template for 2023: a T1 warning, whose expected and actual values are null
        send("PUT", "/api/v1/agencies/" + AGENCY + "/reports/2023", TestTokens.admin(),
                fixture("/fixtures/reports/seed-002-yueyanglou-2023.json"), 201);
        List<String> expected = List.of("agency/" + AGENCY + "/r1", "agency/" + AGENCY + "/r2",
                AGENCY + "/2020/v1", AGENCY + "/2020/v2", AGENCY + "/2020/v3", AGENCY + "/2023/v1");

        Result result = runCheck(expected);

        assertThat(result.exitCode()).as("check-events.mjs said:%n%s", result.output()).isZero();
        var summary = EventJson.mapper().readTree(result.summaryLine());
        assertThat(summary.get("failures")).as(result.output()).isEmpty();
        assertThat(summary.get("missing")).as(result.output()).isEmpty();
        assertThat(summary.get("read").asInt()).isGreaterThanOrEqualTo(expected.size());
        assertThat(summary.get("types").fieldNames()).toIterable()
                .contains(Topics.AGENCY_TYPE, Topics.REPORT_VERSION_TYPE, Topics.REPORT_WITHDRAWN_TYPE);
    }

    private record Result(int exitCode, String output) {
        /** The summary: the last line the script printed. */
        String summaryLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static Result runCheck(List<String> expectedIds) throws Exception {
        Path project = Path.of("").toAbsolutePath();
        assertThat(project.resolve("node_modules/kafkajs")).as("npm ci has run in %s (the build runs it before the tests)",
                project).exists();
        NodeScript.Result run = NodeScript.run(project, Map.of("KAFKA_BOOTSTRAP", KafkaResource.bootstrapServers(),
                "EXPECTED_IDS", String.join(",", expectedIds),
                "TIMEOUT_SECONDS", Long.toString(NODE_TIMEOUT_SECONDS - 30)),
                Duration.ofSeconds(NODE_TIMEOUT_SECONDS), List.of("node", "check-events.mjs"));
        System.out.println("check-events.mjs: " + run.output());
        return new Result(run.exitCode(), run.output());
    }

    private void send(String method, String path, String token, String body, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s answered %s", method, path, answer.body()).isEqualTo(status);
    }

    private static String fixture(String resource) {
        try (InputStream in = StockConsumerTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
