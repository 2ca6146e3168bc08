package org.nianbao.tsclientcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;

/**
 * The committed contract passes Redocly's recommended ruleset (redocly.yaml, which says why any rule is off) with no
 * error and no warning: what stock linters and generators read is exact.
 */
class RecommendedLintTest {

    @Test
    void redoclyFindsNoErrorAndNoWarningInTheContract() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        assertThat(project.resolve("node_modules/.bin/redocly"))
                .as("npm ci has run in %s (the build runs it before the tests)", project).exists();
        Process lint = new ProcessBuilder("node_modules/.bin/redocly", "lint", "--format=json", "../api/nianbao-openapi.json")
                .directory(project.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output;
        try (InputStream in = lint.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not run redocly: install Node.js 20 or later", e);
        }
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("redocly finished").isTrue();
        JsonNode report = EventJson.mapper().readTree(output);
        assertThat(report.at("/totals/errors").asInt()).as("errors:%n%s", report.get("problems").toPrettyString()).isZero();
        assertThat(report.at("/totals/warnings").asInt()).as("warnings:%n%s", report.get("problems").toPrettyString()).isZero();
    }
}
