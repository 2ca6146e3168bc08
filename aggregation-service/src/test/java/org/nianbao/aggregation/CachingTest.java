package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.ReportEvents;

/** Conditional GETs of the roll-ups: 304 while the answer cannot have changed, a new tag once it has. */
@QuarkusTest
class CachingTest {

    private static final String SECTOR = "CIVIL_AFFAIRS";
    private static final String TOTALS = "/api/v1/regions/650000/totals?year=2022&sector=" + SECTOR;

    @Test
    void anAnswerIsRevalidatedUntilAReportChangesIt() {
        publish(1, 7);
        Totals.awaitState("650000", SECTOR, 2022, 1, "requests.newReceived.total", 7);

        Response first = given().get(TOTALS);
        String etag = first.header("ETag");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(etag).startsWith("W/\"");
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");

        Response unchanged = given().header("If-None-Match", etag).get(TOTALS);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.asByteArray()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        // a list naming it, its strong form (weak comparison) and * match too; another tag does not
        assertThat(given().header("If-None-Match", "\"other\", " + etag).get(TOTALS).statusCode()).isEqualTo(304);
        assertThat(given().header("If-None-Match", etag.substring(2)).get(TOTALS).statusCode()).isEqualTo(304);
        assertThat(given().header("If-None-Match", "*").get(TOTALS).statusCode()).isEqualTo(304);
        assertThat(given().header("If-None-Match", "W/\"other\"").get(TOTALS).statusCode()).isEqualTo(200);

        // the same query as CSV is another representation, with its own tag and a file name
        Response csv = given().accept("text/csv").get(TOTALS);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("ETag")).isNotEqualTo(etag);
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"650000-totals-2022-" + SECTOR
                + ".csv\"; filename*=UTF-8''650000-%E6%96%B0%E7%96%86%E7%BB%B4%E5%90%BE%E5%B0%94%E8%87%AA%E6%B2%BB%E5%8C%BA-totals-2022-"
                + SECTOR + ".csv");
        assertThat(given().accept("text/csv").header("If-None-Match", csv.header("ETag")).get(TOTALS).statusCode()).isEqualTo(304);
        // another query is another answer
        assertThat(given().header("If-None-Match", etag).get(TOTALS + "&level=COUNTY").statusCode()).isEqualTo(200);

        publish(2, 9);
        Totals.awaitState("650000", SECTOR, 2022, 1, "requests.newReceived.total", 9);
        Response changed = given().header("If-None-Match", etag).get(TOTALS);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.jsonPath().getInt("cells.'requests.newReceived.total'.sum")).isEqualTo(9);
    }

    private static void publish(int version, int received) {
        try (ReportEvents e = ReportEvents.connect()) {
            e.version("cache-xj", "新疆维吾尔自治区民政厅", "650000", SECTOR, 2022, "GOV_2021", version,
                    null, Map.of("requests.newReceived.total", BigDecimal.valueOf(received)),
                    List.of());
        }
    }
}
