package org.nianbao.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.report.support.Api.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.report.support.Fixtures;

/** ETag, Cache-Control and 304 answers of templates, agencies and reports. */
@QuarkusTest
class ConditionalGetTest {

    @Test
    void aTemplateIsCachedForAnHourThenRevalidated() {
        Response first = given().get("/api/v1/templates/GOV_2021");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=3600");
        assertNotModified(given().header("If-None-Match", first.header("ETag")).get("/api/v1/templates/GOV_2021"), first.header("ETag"));
        assertThat(given().header("If-None-Match", first.header("ETag")).get("/api/v1/templates/GOV_2019").statusCode())
                .as("another template, another tag").isEqualTo(200);
        Response catalog = given().get("/api/v1/templates");
        assertNotModified(given().header("If-None-Match", "\"x\", " + catalog.header("ETag")).get("/api/v1/templates"),
                catalog.header("ETag"));
    }

    @Test
    void anAgencyIsTaggedByItsRevision() {
        String agency = Fixtures.newAgency("640300");
        Response first = given().get("/api/v1/agencies/{a}", agency);
        assertThat(first.header("ETag")).isEqualTo("\"r1\"");
        assertThat(first.header("Last-Modified")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertNotModified(given().header("If-None-Match", "W/\"r1\"").get("/api/v1/agencies/{a}", agency), "\"r1\"");

        given().contentType("application/json").body(Map.of("name", "改名的教育局", "regionCode", "640300", "sector", "EDUCATION"))
                .put("/api/v1/agencies/{a}", agency).then().statusCode(200);
        Response changed = given().header("If-None-Match", "\"r1\"").get("/api/v1/agencies/{a}", agency);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"r2\"");
        assertThat(changed.jsonPath().getString("name")).isEqualTo("改名的教育局");
    }

    @Test
    void aReportAnswers304WhileItsVersionIsCurrent() {
        String agency = Fixtures.newAgency("640323");
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        given().contentType("application/json").body(report.toString()).put("/api/v1/agencies/{a}/reports/2020", agency)
                .then().statusCode(201);
        String path = "/api/v1/agencies/" + agency + "/reports/2020";
        assertNotModified(given().header("If-None-Match", "\"v1\"").get(path), "\"v1\"");
        assertNotModified(given().header("If-None-Match", "*").get(path), "\"v1\"");
        assertNotModified(given().header("If-None-Match", "\"v1\"").get(path + "/versions/1"), "\"v1\"");

        given().contentType("application/json").body(report.toString()).put(path).then().statusCode(200);
        Response revised = given().header("If-None-Match", "\"v1\"").get(path);
        assertThat(revised.statusCode()).isEqualTo(200);
        assertThat(revised.header("ETag")).isEqualTo("\"v2\"");
        assertThat(revised.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(revised.header("Vary")).contains("Authorization");
    }

    private static void assertNotModified(Response answer, String etag) {
        assertThat(answer.statusCode()).isEqualTo(304);
        assertThat(answer.asByteArray()).as("a 304 has no body").isEmpty();
        assertThat(answer.header("ETag")).isEqualTo(etag);
    }
}
