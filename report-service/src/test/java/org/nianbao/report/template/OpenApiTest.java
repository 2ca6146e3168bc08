package org.nianbao.report.template;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;
import org.nianbao.testsupport.OpenApiAudit;

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
        assertThat(OpenApiAudit.undocumentedProperties(openApi())).isEmpty();
    }

    @Test
    void everyOperationHasASummaryAndItsParametersAnExample() throws Exception {
        assertThat(OpenApiAudit.undocumentedOperations(openApi())).isEmpty();
    }

    private static JsonNode openApi() throws Exception {
        return EventJson.mapper().readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
    }
}
