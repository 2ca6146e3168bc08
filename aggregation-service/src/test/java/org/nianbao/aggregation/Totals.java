package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import org.nianbao.testsupport.Eventually;

/** Reads totals over HTTP, as a dashboard would, and waits for events to be applied. */
final class Totals {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final JsonPath json;

    private Totals(JsonPath json) {
        this.json = json;
    }

    static Totals of(String region, String sector, int year) {
        return of(region, sector, year, "ALL");
    }

    static Totals of(String region, String sector, int year, String level) {
        return new Totals(given().queryParam("year", year).queryParam("sector", sector).queryParam("level", level)
                .get("/api/v1/regions/{r}/totals", region).then().statusCode(200).extract().jsonPath());
    }

    /** Waits until the region's report count reaches {@code reports}. */
    static void awaitReports(String region, String sector, int year, int reports) {
        Eventually.await(WAIT, () -> of(region, sector, year).reports() == reports,
                () -> org.assertj.core.api.Assertions.assertThat(of(region, sector, year).reports())
                        .as("reports in %s %s %d", region, sector, year).isEqualTo(reports));
    }

    /**
     * Waits until the region shows {@code reports} reports and {@code sum} for the metric. Events of different
     * reports sit on different partitions, so a count alone can be reached on the way (a withdrawal not yet
     * applied while another report is still missing); the two together pin the final state.
     */
    static void awaitState(String region, String sector, int year, int reports, String metric, long sum) {
        Eventually.assertThat(WAIT, () -> {
            Totals t = of(region, sector, year);
            org.assertj.core.api.Assertions.assertThat(t.reports()).as("reports in %s %s %d", region, sector, year).isEqualTo(reports);
            org.assertj.core.api.Assertions.assertThat(t.sum(metric)).as("%s in %s", metric, region).isEqualByComparingTo(BigDecimal.valueOf(sum));
        });
    }

    int reports() {
        return json.getInt("reports");
    }

    /** The sum of a metric, or null when no report filled it. */
    BigDecimal sum(String metric) {
        Object v = json.get("cells.get('" + metric + "').sum");
        return v == null ? null : new BigDecimal(v.toString());
    }

    Integer filled(String metric) {
        return json.get("cells.get('" + metric + "').filled");
    }

    BigDecimal indicator(String code) {
        Object v = json.get("indicators.get('" + code + "')");
        return v == null ? null : new BigDecimal(v.toString());
    }
}
