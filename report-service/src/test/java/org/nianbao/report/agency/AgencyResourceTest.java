package org.nianbao.report.agency;

import static org.nianbao.report.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.TopicReader;

@QuarkusTest
class AgencyResourceTest {

    @Test
    void theFiveSeedAgenciesExistAfterStart() {
        given().get("/api/v1/agencies?sector=EDUCATION&size=1000").then().statusCode(200)
                .body("items.id", hasItems("edu-610600", "edu-620000", "edu-430602", "edu-140700", "edu-640323"));
        given().get("/api/v1/agencies/edu-640323").then().statusCode(200)
                .body("name", equalTo("盐池县教育体育局")).body("level", equalTo("COUNTY"))
                .body("regionPath.code", equalTo(List.of("640323", "640300", "640000", "000000")));
    }

    @Test
    void levelFollowsFromTheRegionIncludingMunicipalitiesAndDirectCounties() {
        create("test-bj-dongcheng", "东城区教育委员会", "110101").then().statusCode(201).body("level", equalTo("COUNTY"))
                .body("regionPath.code", equalTo(List.of("110101", "110000", "000000")));
        create("test-bj", "北京市教育委员会", "110000").then().statusCode(201).body("level", equalTo("PROVINCE"));
        create("test-xiantao", "仙桃市教育局", "429004").then().statusCode(201).body("level", equalTo("COUNTY"))
                .body("regionPath.code", equalTo(List.of("429004", "420000", "000000")));
    }

    @Test
    void createThenUpdateIsPublishedKeyedByAgencyId() {
        create("test-agency-events", "测试县教育局", "640323").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/agencies/test-agency-events"));
        given().contentType("application/json")
                .body(Map.of("name", "测试县教育体育局", "regionCode", "640323", "sector", "EDUCATION", "active", false))
                .put("/api/v1/agencies/test-agency-events").then().statusCode(200)
                .body("revision", equalTo(2)).body("active", equalTo(false));

        var events = TopicReader.await(Topics.AGENCIES, "test-agency-events", 2, Duration.ofSeconds(30));
        assertThat(events).hasSize(2);
        assertThat(events.get(1).value().at("/data/name").asText()).isEqualTo("测试县教育体育局");
        assertThat(events.get(1).value().at("/data/active").asBoolean()).isFalse();
        assertThat(events.get(1).value().at("/data/revision").asInt()).isEqualTo(2);
    }

    @Test
    void invalidAgencyListsEveryProblemAndIsNotStored() {
        given().contentType("application/json")
                .body(Map.of("id", "Bad Id!", "name", " ", "regionCode", "999999", "sector", "SPORTS"))
                .post("/api/v1/agencies").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("id", "name", "regionCode", "sector"));
        create("test-dupe", "测试", "640323").then().statusCode(201);
        create("test-dupe", "测试", "640323").then().statusCode(409);
        given().get("/api/v1/agencies/no-such").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listFiltersByRegionSubtree() {
        create("test-yanchi-2", "盐池县测试局", "640323").then().statusCode(201);
        given().get("/api/v1/agencies?region=640000&size=1000").then().statusCode(200)
                .body("items.regionCode.every { it.startsWith('64') }", equalTo(true))
                .body("items.id", hasItems("edu-640323", "test-yanchi-2"));
        given().get("/api/v1/agencies?region=123").then().statusCode(400);
    }

    private static io.restassured.response.Response create(String id, String name, String region) {
        return given().contentType("application/json")
                .body(Map.of("id", id, "name", name, "regionCode", region, "sector", "EDUCATION"))
                .post("/api/v1/agencies");
    }
}
