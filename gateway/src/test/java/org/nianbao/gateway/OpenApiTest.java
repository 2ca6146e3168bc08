package org.nianbao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;
import org.nianbao.testsupport.OpenApiAudit;

/** One merged document for every public endpoint, with examples and the security scheme. */
@QuarkusTest
class OpenApiTest {

    @Test
    void mergedDocumentCoversBothServicesWithSecurityAndExamples() throws Exception {
        JsonNode doc = EventJson.mapper().readTree(given().get("/api/openapi.json").then().statusCode(200).extract().asString());
        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/api/v1/agencies/{agencyId}/reports/{year}")).as("report path").isTrue();
        assertThat(paths.has("/api/v1/regions/{code}/totals")).as("totals path").isTrue();
        assertThat(paths.has("/api/v1/reports:validate")).as("validate path").isTrue();
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        JsonNode put = paths.at("/~1api~1v1~1agencies~1{agencyId}~1reports~1{year}/put");
        assertThat(put.path("security").toString()).contains("bearer");
        assertThat(put.at("/responses/403/content").has("application/problem+json")).as("403 of " + put).isTrue();
        JsonNode totals = paths.at("/~1api~1v1~1regions~1{code}~1totals/get");
        assertThat(totals.has("security")).as("aggregates are public").isFalse();
        assertThat(totals.at("/responses/429").isMissingNode()).isFalse();
        assertThat(OpenApiAudit.undocumentedProperties(doc)).isEmpty();
        assertThat(OpenApiAudit.undocumentedOperations(doc)).isEmpty();
    }

    @Test
    void swaggerUiIsServedAndReadsTheMergedDocument() {
        String config = given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertThat(config).contains("/api/openapi.json");
    }
}
