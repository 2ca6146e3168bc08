package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;
import org.nianbao.testsupport.OpenApiAudit;

/** /q/openapi documents every answer's fields and every parameter with an example. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyFieldAndParameterIsDocumented() throws Exception {
        JsonNode doc = EventJson.mapper().readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        assertThat(OpenApiAudit.undocumentedProperties(doc)).isEmpty();
        assertThat(OpenApiAudit.undocumentedOperations(doc)).isEmpty();
        assertThat(doc.at("/paths/~1api~1v1~1regions~1{code}~1totals/get/responses/200/content").has("text/csv")).isTrue();
    }
}
