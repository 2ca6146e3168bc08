package org.nianbao.report.template;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;

/** /q/openapi describes every field with an example, and the submission schema comes from the catalog. */
@QuarkusTest
class OpenApiTest {

    @Test
    void submissionSchemaHasEveryCellOfEveryTemplateWithLabelAndExample() throws Exception {
        JsonNode doc = openApi();
        JsonNode requests = doc.at("/components/schemas/RequestCells/properties");
        JsonNode leaf = requests.at("/outcome/properties/withheld/properties/stateSecret/properties/naturalPerson");
        assertThat(leaf.get("description").asText()).contains("属于国家秘密").contains("GOV_2019").contains("GOV_2021");
        assertThat(leaf.get("examples")).isNotEmpty();
        assertThat(requests.at("/outcome/properties/other/properties/feeUnpaid/properties/total/description").asText())
                .contains("GOV_2021");
        assertThat(doc.at("/components/schemas/ActiveDisclosureCells/properties/fees/properties/amount/type")
                .toString()).contains("number");
    }

    @Test
    void everyPropertyOfEverySchemaHasADescriptionOrAnExample() throws Exception {
        JsonNode schemas = openApi().at("/components/schemas");
        List<String> undocumented = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            collectUndocumented(schema.getKey(), schema.getValue(), undocumented);
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyOperationHasASummaryAndItsParametersAnExample() throws Exception {
        JsonNode paths = openApi().get("paths");
        List<String> missing = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getValue().has("summary")) {
                missing.add(op.getKey() + " " + path.getKey() + ": summary");
            }
            op.getValue().path("parameters").forEach(p -> {
                if (!p.has("example") && !p.has("examples") && !p.at("/schema/examples").isArray()) {
                    missing.add(op.getKey() + " " + path.getKey() + ": " + p.get("name").asText());
                }
            });
        }));
        assertThat(missing).isEmpty();
    }

    private static void collectUndocumented(String path, JsonNode schema, List<String> out) {
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
            collectUndocumented(path + "." + p.getKey(), s, out);
            if (s.has("items")) {
                collectUndocumented(path + "." + p.getKey() + "[]", s.get("items"), out);
            }
        });
    }

    private static JsonNode openApi() throws Exception {
        return EventJson.mapper().readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
    }
}
