package org.nianbao.tsclientcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;
import org.nianbao.testsupport.NodeScript;
import org.nianbao.testsupport.SuiteProcesses;
import org.nianbao.testsupport.TestTokens;

/**
 * An integrator's TypeScript program (check-api.ts) with the client openapi-generator made from the committed contract
 * (typescript-fetch, compiled with strict tsc by the build) calls every operation of the real suite through the gateway,
 * for its successful answers and the documented problems it can provoke, and checks each answer against the contract.
 */
class TypeScriptClientTest {

    private static final String AGENCY = "edu-ts-client-check";
    private static final long NODE_TIMEOUT_SECONDS = 600;

    @Test
    void theGeneratedTypeScriptClientCallsEveryOperationAndReadsEveryAnswer() throws Exception {
        String gateway = SuiteProcesses.start(true).gateway.url();
        Map<String, String> env = Map.of(
                "GATEWAY", gateway,
                "AGENCY", AGENCY,
                "REGION", "640323",
                "PROVINCE", "640000",
                "ADMIN_TOKEN", TestTokens.admin(),
                "SUBMITTER_TOKEN", TestTokens.submitter(AGENCY),
                "STRANGER_TOKEN", TestTokens.submitter("edu-610600"),
                "OVERSEER_TOKEN", TestTokens.overseer("640000"),
                "REPORT_JSON", fixture("/fixtures/reports/seed-004-yanchi-2020.json"),
                "IMPORT_TEXT", fixture("/fixtures/seeds/004_d0afa1047310c76e.txt"));

        String output = runCheck(env);

        String[] lines = output.strip().split("\n");
        JsonNode summary = EventJson.mapper().readTree(lines[lines.length - 1]);
        assertThat(summary.get("failures")).as(output).isEmpty();
        JsonNode answers = summary.get("answers");
        TreeSet<String> uncalled = new TreeSet<>(operationIds());
        answers.fieldNames().forEachRemaining(uncalled::remove);
        assertThat(uncalled).as("operations the TypeScript client did not call").isEmpty();
        answers.fields().forEachRemaining(op -> assertThat(op.getValue().toString())
                .as("%s answered successfully at least once", op.getKey()).containsPattern("\\b2\\d\\d\\b"));
        TreeSet<Integer> problems = new TreeSet<>();
        answers.forEach(statuses -> statuses.forEach(s -> {
            if (s.asInt() >= 400) {
                problems.add(s.asInt());
            }
        }));
        assertThat(problems).as("problem answers read as ProblemDetail").contains(400, 401, 403, 404, 409, 412, 422);
    }

    private static List<String> operationIds() throws IOException {
        JsonNode contract = EventJson.mapper().readTree(Path.of("..", "api", "nianbao-openapi.json").toFile());
        List<String> ids = new ArrayList<>();
        contract.get("paths").forEach(item -> item.forEach(op -> {
            if (op.has("operationId")) {
                ids.add(op.get("operationId").asText());
            }
        }));
        return ids;
    }

    private static String runCheck(Map<String, String> env) throws Exception {
        Path project = Path.of("").toAbsolutePath();
        assertThat(project.resolve("target/ts-build/check-api.js"))
                .as("tsc has compiled check-api.ts in %s (the build does it before the tests)", project).exists();
        NodeScript.Result result = NodeScript.run(project, env, Duration.ofSeconds(NODE_TIMEOUT_SECONDS),
                List.of("node", "target/ts-build/check-api.js"));
        String output = result.output();
        System.out.println("check-api.js: " + output);
        assertThat(result.exitCode()).as("check-api.js said:%n%s", output).isZero();
        return output;
    }

    private static String fixture(String resource) {
        try (InputStream in = TypeScriptClientTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
