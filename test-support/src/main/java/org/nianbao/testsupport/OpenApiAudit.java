package org.nianbao.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Finds what an OpenAPI document leaves undocumented: the API docs must describe every field with an example. */
public final class OpenApiAudit {
    private OpenApiAudit() {
    }

    /** Schema properties with neither a description nor an example (nor a reference to a documented schema). */
    public static List<String> undocumentedProperties(JsonNode openApi) {
        List<String> undocumented = new ArrayList<>();
        openApi.at("/components/schemas").fields()
                .forEachRemaining(schema -> collect(schema.getKey(), schema.getValue(), undocumented));
        return undocumented;
    }

    /** Operations without a summary, and parameters without an example. */
    public static List<String> undocumentedOperations(JsonNode openApi) {
        List<String> missing = new ArrayList<>();
        openApi.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getValue().has("summary")) {
                missing.add(op.getKey() + " " + path.getKey() + ": summary");
            }
            op.getValue().path("parameters").forEach(named -> {
                // a reusable parameter ({"$ref": "#/components/parameters/X"}) is checked where it is defined
                JsonNode p = named.has("$ref") ? openApi.at(named.get("$ref").asText().substring(1)) : named;
                if (p.isMissingNode()) {
                    missing.add(op.getKey() + " " + path.getKey() + ": " + named.get("$ref").asText() + " is not defined");
                } else if (!p.has("example") && !p.has("examples") && !p.at("/schema/examples").isArray()) {
                    missing.add(op.getKey() + " " + path.getKey() + ": " + p.get("name").asText());
                }
            });
        }));
        return missing;
    }

    private static void collect(String path, JsonNode schema, List<String> out) {
        JsonNode properties = schema.get("properties");
        if (properties == null) {
            return;
        }
        properties.fields().forEachRemaining(p -> {
            JsonNode s = p.getValue();
            boolean documented = s.has("description") || s.has("example") || s.has("examples") || s.has("$ref")
                    || (s.has("allOf") && s.get("allOf").size() > 0);
            if (!documented) {
                out.add(path + "." + p.getKey());
            }
            collect(path + "." + p.getKey(), s, out);
            if (s.has("items")) {
                collect(path + "." + p.getKey() + "[]", s.get("items"), out);
            }
        });
    }
}
