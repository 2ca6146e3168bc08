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
        assertThat(totals.path("security").isArray() && totals.path("security").isEmpty()).as("aggregates are public").isTrue();
        assertThat(totals.at("/responses/429/headers/Retry-After").isMissingNode()).isFalse();
        assertThat(totals.at("/responses/404/content/application~1problem+json/schema/$ref").asText())
                .as("a path naming a region answers 404 with a Problem").isEqualTo("#/components/schemas/ProblemDetail");
        assertThat(put.at("/responses/201/headers").has("Location")).as("created answers say where").isTrue();
        assertThat(put.at("/responses/200/headers").has("ETag")).isTrue();
        assertThat(doc.at("/components/schemas/TrendPoint/required").toString())
                .as("always-sent properties are required, nullable ones are not").contains("year").doesNotContain("percentChange");
        assertThat(doc.at("/servers/0/url").asText().replace("{host}", doc.at("/servers/0/variables/host/default").asText()))
                .as("the server's URL, its variables filled in, reaches the gateway").isEqualTo("http://localhost:8080");
        assertThat(OpenApiAudit.undocumentedProperties(doc)).isEmpty();
        assertThat(OpenApiAudit.undocumentedOperations(doc)).isEmpty();
    }

    /**
     * The merged document is committed as the API contract ({@code api/nianbao-openapi.json}); generated clients
     * are built from it. A change of the API must show up as a change of that file: run the build with
     * {@code -Dnianbao.update-contract=true} to rewrite it, and review the difference.
     */
    @Test
    void theCommittedContractIsTheServedOne() throws Exception {
        JsonNode served = EventJson.mapper().readTree(given().get("/api/openapi.json").then().statusCode(200).extract().asString());
        java.nio.file.Path contract = java.nio.file.Path.of("..", "api", "nianbao-openapi.json");
        if (Boolean.getBoolean("nianbao.update-contract")) {
            java.nio.file.Files.writeString(contract, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        }
        assertThat(java.nio.file.Files.exists(contract)).as("%s exists", contract).isTrue();
        assertThat(EventJson.mapper().readTree(contract.toFile()))
                .as("api/nianbao-openapi.json is out of date: rebuild with -Dnianbao.update-contract=true and commit it")
                .isEqualTo(served);
    }

    @Test
    void swaggerUiIsServedAndReadsTheMergedDocument() {
        String config = given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertThat(config).contains("/api/openapi.json");
    }
}
