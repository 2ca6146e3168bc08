package org.nianbao.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.nianbao.gateway.access.AccessPolicy;
import org.nianbao.model.event.EventJson;

/**
 * Merges the services' OpenAPI documents into the one public document of the gateway: their paths and
 * schemas, the bearer-token security scheme, and for each operation whether it needs a token (asked of the
 * same {@link AccessPolicy} that enforces it) and the answers the gateway itself may give.
 */
public final class MergedOpenApi {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private final AccessPolicy policy = new AccessPolicy();

    public ObjectNode merge(List<JsonNode> documents) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", documents.get(0).path("openapi").asText("3.1.0"));
        merged.putObject("info").put("title", "Nianbao API").put("version", "1.0")
                .put("description", "Annual reports on government information disclosure (政府信息公开工作年度报告): "
                        + "submit and check them, and read regional roll-ups. Reads of published reports and aggregates "
                        + "are public; writes need a bearer token (JWT) with the right role.");
        ObjectNode server = merged.putArray("servers").addObject().put("url", "http://{host}")
                .put("description", "The gateway; ./run starts it on localhost:8080, a deployment answers at its own host");
        server.putObject("variables").putObject("host").put("default", "localhost:8080")
                .put("description", "Host and port of the gateway");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        for (JsonNode doc : documents) {
            doc.path("paths").fields().forEachRemaining(p -> {
                if (p.getKey().startsWith("/api/")) {
                    paths.set(p.getKey(), p.getValue().deepCopy());
                }
            });
            // schemas, parameters, headers, …: the first service to define a name defines it
            doc.path("components").fields().forEachRemaining(section -> {
                ObjectNode merging = components.with(section.getKey());
                section.getValue().fields().forEachRemaining(c -> {
                    if (!merging.has(c.getKey())) {
                        merging.set(c.getKey(), c.getValue().deepCopy());
                    }
                });
            });
            doc.path("tags").forEach(t -> tags.add(t.deepCopy()));
        }
        components.putObject("securitySchemes").putObject("bearer")
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "claims: sub; groups ⊂ {submitter, overseer, admin}; agency (submitters); region (overseers)");
        paths.fields().forEachRemaining(p -> {
            for (String method : METHODS) {
                JsonNode op = p.getValue().get(method);
                if (op instanceof ObjectNode operation) {
                    String id = operation.path("operationId").asText(method + p.getKey());
                    if (!operationIds.add(id)) {
                        throw new IllegalStateException("two services both define operationId " + id);
                    }
                    secure(operation, method.toUpperCase(), p.getKey());
                    StandardAnswers.document(operation, p.getKey());
                }
            }
        });
        StandardAnswers.requireWhatIsAlwaysSent(merged);
        return merged;
    }

    private void secure(ObjectNode operation, String method, String template) {
        ObjectNode responses = operation.with("responses");
        boolean needsToken = !policy.decide(method, example(template), null).allowed();
        if (needsToken) {
            operation.putArray("security").addObject().putArray("bearer");
            problem(responses, "401", "No valid bearer token");
            problem(responses, "403", "The token's role, agency or region does not allow this");
        } else {
            operation.putArray("security"); // public: no token needed, whatever the document's default
        }
        problem(responses, "429", "Too many requests from this client; see Retry-After");
        problem(responses, "503", "The service behind the gateway is unavailable");
    }

    /** Documents a Problem Details answer; one the service listed without a body (401, 403) gets the body. */
    static void problem(ObjectNode responses, String status, String description) {
        ObjectNode response = responses.has(status) ? (ObjectNode) responses.get(status) : responses.putObject(status);
        if (!response.has("description")) {
            response.put("description", description);
        }
        if (!response.has("content")) {
            response.putObject("content").putObject("application/problem+json").putObject("schema")
                    .put("$ref", "#/components/schemas/ProblemDetail");
        }
    }

    /** A concrete path for a template, to ask the policy about it. */
    private static String example(String template) {
        return template.replaceAll("\\{[^}]+}", "x");
    }

}
