package org.nianbao.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * What every operation of the public document answers by what it does, so that generated clients and linters
 * know each answer without the services listing it on every method: a 400 for input it reads (parameters or a
 * body), a 404 for a path naming something, 413 and 415 for bodies, the headers sent with its answers, and for
 * each answer schema which properties are always there.
 */
final class StandardAnswers {

    private static final String SCHEMAS = "#/components/schemas/";

    private StandardAnswers() {
    }

    static void document(ObjectNode operation, String path) {
        ObjectNode responses = operation.with("responses");
        boolean readsInput = operation.path("parameters").size() > 0 || operation.has("requestBody") || path.contains("{");
        if (readsInput) {
            MergedOpenApi.problem(responses, "400", "Malformed parameters or body: every problem listed, nothing changed");
        }
        if (path.contains("{")) {
            MergedOpenApi.problem(responses, "404", "Nothing of that name: the agency, report, version, template or region "
                    + "the path names does not exist");
        }
        // the gateway refuses a too large body on every route, before any service reads it
        MergedOpenApi.problem(responses, "413", "The request body is larger than the gateway takes for this path");
        if (operation.has("requestBody")) {
            MergedOpenApi.problem(responses, "415", "The body's Content-Type is not one this operation reads");
        }
        boolean tagged = hasParameter(operation, "If-None-Match") || hasParameter(operation, "If-Match");
        responses.fields().forEachRemaining(answer -> {
            if (!(answer.getValue() instanceof ObjectNode response)) {
                return;
            }
            String status = answer.getKey();
            if (tagged && (status.startsWith("2") || status.equals("304"))) {
                header(response, "ETag", "The version or revision of what is answered, for If-Match and If-None-Match", "\"v2\"");
            }
            if (status.equals("201")) {
                header(response, "Location", "Where the created resource is read", "/api/v1/agencies/edu-610600/reports/2019");
            }
            if (status.equals("429") || status.equals("503")) {
                header(response, "Retry-After", "Seconds to wait before trying again", "5").put("type", "integer");
                ((ObjectNode) response.at("/headers/Retry-After")).put("example", 5);
            }
        });
    }

    /**
     * Marks in every schema the services answer with which properties are always sent: all but the nullable ones (a
     * record's components are never absent, and null only where annotated nullable). Schemas a client sends, and
     * those they use, say themselves what is required: a blank cell of a report may be left out.
     */
    static void requireWhatIsAlwaysSent(ObjectNode document) {
        JsonNode schemas = document.at("/components/schemas");
        Set<String> sent = new HashSet<>();
        document.path("paths").forEach(item -> item.forEach(operation ->
                operation.path("requestBody").findValues("$ref").forEach(ref -> sent.add(name(ref)))));
        Deque<String> toVisit = new ArrayDeque<>(sent);
        while (!toVisit.isEmpty()) {
            schemas.path(toVisit.pop()).findValues("$ref").forEach(ref -> {
                if (sent.add(name(ref))) {
                    toVisit.push(name(ref));
                }
            });
        }
        schemas.fields().forEachRemaining(entry -> {
            if (sent.contains(entry.getKey()) || !(entry.getValue() instanceof ObjectNode schema)
                    || schema.has("required") || !schema.has("properties")) {
                return;
            }
            ArrayNode required = schema.putArray("required");
            schema.get("properties").fields().forEachRemaining(p -> {
                if (!nullable(p.getValue())) {
                    required.add(p.getKey());
                }
            });
            if (required.isEmpty()) {
                schema.remove("required");
            }
        });
    }

    private static boolean nullable(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual() ? type.asText().equals("null") : containsText(type, "null")) {
            return true;
        }
        for (String choice : new String[] {"anyOf", "oneOf"}) {
            for (JsonNode option : schema.path(choice)) {
                if (nullable(option)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static String name(JsonNode ref) {
        String text = ref.asText();
        return text.startsWith(SCHEMAS) ? text.substring(SCHEMAS.length()) : text;
    }

    private static boolean hasParameter(ObjectNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode header(ObjectNode response, String name, String description, String example) {
        ObjectNode header = response.with("headers").with(name);
        header.put("description", description);
        ObjectNode schema = header.with("schema");
        if (!schema.has("type")) {
            schema.put("type", "string");
        }
        header.put("example", example);
        return schema;
    }
}
