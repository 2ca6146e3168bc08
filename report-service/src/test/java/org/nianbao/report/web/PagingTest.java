package org.nianbao.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.report.support.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nianbao.report.support.Fixtures;

/** Every listing pages the same way: items, page, size and total, and Link headers (RFC 8288) a client can follow. */
@QuarkusTest
class PagingTest {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([a-z]+)\"");

    @Test
    void theAgencyListCountsAndLinksItsPages() {
        for (int i = 0; i < 3; i++) {
            String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
            given().contentType("application/json").body(Map.of("id", id, "name", "拉萨测试卫生局 " + id, "regionCode", "540102",
                    "sector", "HEALTH")).post("/api/v1/agencies").then().statusCode(201);
        }
        Response first = given().get("/api/v1/agencies?region=540102&sector=HEALTH&size=2");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.jsonPath().getLong("total")).isEqualTo(3);
        assertThat(first.jsonPath().getList("items")).hasSize(2);
        Map<String, String> links = links(first.header("Link"));
        assertThat(links).containsOnlyKeys("first", "next", "last");
        assertThat(links.get("last")).contains("page=1").contains("size=2").contains("region=540102").contains("sector=HEALTH");

        Response second = given().get(links.get("next"));
        assertThat(second.jsonPath().getList("items")).hasSize(1);
        assertThat(second.jsonPath().getInt("page")).isEqualTo(1);
        assertThat(links(second.header("Link"))).containsOnlyKeys("first", "prev", "last");
        assertThat(second.jsonPath().getString("items[0].id")).isNotIn(first.jsonPath().getList("items.id"));
    }

    @Test
    void theReportListLinksItsPagesToo() {
        // two reports of its own, so that there is a next page whatever else the test JVM has stored
        for (int i = 0; i < 2; i++) {
            String agency = Fixtures.newAgency("640323");
            given().contentType("application/json").body(Fixtures.report("seed-004-yanchi-2020.json").toString())
                    .put("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(201);
        }
        Response page = given().get("/api/v1/reports?sector=EDUCATION&size=1&page=0");
        long total = page.jsonPath().getLong("total");
        assertThat(total).isPositive();
        Map<String, String> links = links(page.header("Link"));
        assertThat(links.get("first")).startsWith("/api/v1/reports?").contains("sector=EDUCATION").contains("page=0");
        assertThat(links).containsKey("next");
        assertThat(links.get("last")).contains("page=" + (total - 1));
    }

    /** rel → target of a Link header. */
    private static Map<String, String> links(String header) {
        Map<String, String> links = new HashMap<>();
        Matcher m = LINK.matcher(header == null ? "" : header);
        while (m.find()) {
            links.put(m.group(2), m.group(1));
        }
        return links;
    }
}
