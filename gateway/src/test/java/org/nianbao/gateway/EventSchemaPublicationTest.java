package org.nianbao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.event.EventSchemas;
import org.nianbao.model.event.Topics;
import org.nianbao.testsupport.TestTokens;

/** The schemas that events name as their dataschema, published by the gateway to anyone. */
@QuarkusTest
class EventSchemaPublicationTest {

    @Test
    void eachEventTypesSchemaIsPublishedWithoutAToken() throws Exception {
        for (String type : EventSchemas.DATA.keySet()) {
            String body = given().get(EventSchemas.PATH + type + ".json").then().statusCode(200)
                    .contentType("application/schema+json").extract().asString();
            assertThat(EventJson.mapper().readTree(body)).isEqualTo(EventJson.mapper().readTree(EventSchemas.schema(type).orElseThrow()));
        }
        String report = given().get(EventSchemas.PATH + Topics.REPORT_VERSION_TYPE + ".json").then().extract().asString();
        assertThat(EventJson.mapper().readTree(report).at("/properties/cells/additionalProperties/type").asText()).isEqualTo("number");
    }

    @Test
    void anUnknownTypeIsA404ThatNamesThePublishedOnes() {
        given().get(EventSchemas.PATH + "org.nianbao.unknown.v1.json").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(EventSchemas.PATH + Topics.AGENCY_TYPE + ".json"));
        given().get(EventSchemas.PATH + Topics.AGENCY_TYPE).then().statusCode(404);
    }

    @Test
    void writesAreRefused() {
        given().post(EventSchemas.PATH + Topics.AGENCY_TYPE + ".json").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.admin()).contentType("application/json").body("{}")
                .put(EventSchemas.PATH + Topics.AGENCY_TYPE + ".json").then().statusCode(405)
                .header("Allow", "GET, HEAD").contentType("application/problem+json");
    }
}
