package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.ReportEvents;

/**
 * Drill-down, comparison, trend and ranking over a small province: 甘肃省 with its provincial bureau, two city
 * bureaus (兰州, 天水) and two county bureaus in 兰州 (城关区, 七里河区).
 */
@QuarkusTest
class QueryApiTest {

    private static final String SECTOR = "NATURAL_RESOURCES";

    @BeforeAll
    static void publish() {
        try (ReportEvents e = ReportEvents.connect()) {
            report(e, "nr-gs", "甘肃省自然资源厅", "620000", 2022, 30, 20, 25);
            report(e, "nr-lz", "兰州市自然资源局", "620100", 2022, 10, 8, 10);
            report(e, "nr-cg", "城关区自然资源局", "620102", 2022, 4, 4, 4);
            report(e, "nr-qlh", "七里河区自然资源局", "620103", 2022, 6, 0, 0); // nothing handled: no disclosure rate
            report(e, "nr-ts", "天水市自然资源局", "620500", 2022, 8, 3, 6);
            report(e, "nr-lz", "兰州市自然资源局", "620100", 2021, 5, 5, 5);
            report(e, "nr-cg", "城关区自然资源局", "620102", 2021, 5, 2, 5);
            report(e, "nr-lz", "兰州市自然资源局", "620100", 2020, 4, 4, 4);
        }

    }

    private static boolean applied;

    /** rest-assured knows the test port only per test, so the wait for the events is done here, once. */
    @BeforeEach
    void awaitPublished() {
        if (!applied) {
            Totals.awaitReports("620000", SECTOR, 2022, 5);
            Totals.awaitReports("620000", SECTOR, 2021, 2);
            Totals.awaitReports("620000", SECTOR, 2020, 1);
            applied = true;
        }
    }

    /** received new requests, disclosed and handled (outcome total), all in the total column. */
    private static void report(ReportEvents e, String id, String name, String region, int year, int received, int disclosed, int handled) {
        Map<String, BigDecimal> cells = new HashMap<>();
        cells.put("requests.newReceived.total", BigDecimal.valueOf(received));
        cells.put("requests.outcome.disclosed.total", BigDecimal.valueOf(disclosed));
        cells.put("requests.outcome.partiallyDisclosed.total", BigDecimal.ZERO);
        cells.put("requests.outcome.total.total", BigDecimal.valueOf(handled));
        e.version(id, name, region, SECTOR, year, "GOV_2021", 1, null, cells, List.of());
    }

    @Test
    void totalsComputeIndicatorsFromSumsNeverFromSummedRates() {
        Totals gansu = Totals.of("620000", SECTOR, 2022);
        assertThat(gansu.sum("requests.newReceived.total")).isEqualByComparingTo("58");
        // (20+8+4+0+3) / (25+10+4+0+6) = 35/45
        assertThat(gansu.indicator("disclosureRate")).isEqualByComparingTo("0.777778");
        // 2022 / 2021 − 1 on new requests: 58 / 10 − 1
        assertThat(gansu.indicator("requestsYoY")).isEqualByComparingTo("4.8");
    }

    @Test
    void breakdownListsChildRegionsAndTheAgenciesDirectlyInTheRegion() {
        given().queryParam("year", 2022).queryParam("sector", SECTOR).queryParam("metric", "requests.newReceived.total")
                .get("/api/v1/regions/620000/breakdown").then().statusCode(200)
                .body("total", equalTo(58))
                .body("rows.find { it.code == '620100' }.value", equalTo(20))   // 兰州 city + its two counties
                .body("rows.find { it.code == '620100' }.reports", equalTo(3))
                .body("rows.find { it.code == '620500' }.value", equalTo(8))
                .body("rows.find { it.code == '620200' }.reports", equalTo(0))   // 嘉峪关: no report
                .body("rows.find { it.code == '620200' }.value", nullValue())
                .body("rows.find { it.kind == 'AGENCY' }.code", equalTo("nr-gs"))
                .body("rows.find { it.kind == 'AGENCY' }.value", equalTo(30))
                .body("rows.find { it.code == '620100' }.share", equalTo(0.344828f));
    }

    @Test
    void breakdownOfAnIndicatorGivesNumeratorAndDenominator() {
        given().queryParam("year", 2022).queryParam("sector", SECTOR).queryParam("metric", "disclosureRate")
                .get("/api/v1/regions/620100/breakdown").then().statusCode(200)
                .body("rows.find { it.code == '620102' }.value", equalTo(1.0f))
                .body("rows.find { it.code == '620103' }.value", nullValue())       // 0 handled: null, not 0
                .body("rows.find { it.code == '620103' }.denominator", equalTo(0))
                .body("rows.find { it.code == 'nr-lz' }.numerator", equalTo(8));
    }

    @Test
    void breakdownOfAYearOverYearChangeComparesEachRowWithItsOwnYearBefore() {
        // new requests 2022 against 2021: 城关 4 against 5, 七里河 none in 2021, the city's own bureau 10 against 5
        given().queryParam("year", 2022).queryParam("sector", SECTOR).queryParam("metric", "requestsYoY")
                .get("/api/v1/regions/620100/breakdown").then().statusCode(200)
                .body("rows.find { it.code == '620102' }.value", equalTo(-0.2f))
                .body("rows.find { it.code == '620103' }.value", nullValue())
                .body("rows.find { it.code == 'nr-lz' }.kind", equalTo("AGENCY"))
                .body("rows.find { it.code == 'nr-lz' }.value", equalTo(1.0f));
    }

    @Test
    void compareRegionsGivesDifferencesAgainstTheFirstAndShares() {
        given().queryParam("regions", "620100,620500").queryParam("year", 2022).queryParam("sector", SECTOR)
                .queryParam("metrics", "requests.newReceived.total,disclosureRate")
                .get("/api/v1/compare").then().statusCode(200)
                .body("entities.code", equalTo(List.of("620100", "620500")))
                .body("entities[1].metrics.'requests.newReceived.total'.value", equalTo(8))
                .body("entities[1].metrics.'requests.newReceived.total'.difference", equalTo(-12))
                .body("entities[0].metrics.'requests.newReceived.total'.share", equalTo(0.714286f))
                .body("entities[1].metrics.disclosureRate.value", equalTo(0.5f))
                .body("entities[1].metrics.disclosureRate.share", nullValue());
    }

    @Test
    void compareAgencies() {
        given().queryParam("agencies", "nr-cg,nr-qlh").queryParam("year", 2022).queryParam("sector", SECTOR)
                .queryParam("metrics", "requests.newReceived.total")
                .get("/api/v1/compare").then().statusCode(200)
                .body("entities.name", equalTo(List.of("城关区自然资源局", "七里河区自然资源局")))
                .body("entities[1].metrics.'requests.newReceived.total'.difference", equalTo(2));
    }

    @Test
    void trendGivesValueChangeAndPercentChangePerYear() {
        given().queryParam("sector", SECTOR).queryParam("metric", "requests.newReceived.total")
                .queryParam("from", 2020).queryParam("to", 2022)
                .get("/api/v1/regions/620100/trend").then().statusCode(200)
                .body("points.year", equalTo(List.of(2020, 2021, 2022)))
                .body("points.value", equalTo(List.of(4, 10, 20)))
                .body("points[2].change", equalTo(10))
                .body("points[2].percentChange", equalTo(1.0f))
                .body("points[1].change", equalTo(6))
                .body("points[0].change", nullValue()); // nothing reported in 2019
    }

    @Test
    void trendOfAYearOverYearIndicatorChangesFromTheYearBeforeItsFirstPoint() {
        // 兰州 received 4 new requests in 2020, 10 in 2021 and 20 in 2022: +150 %, then +100 %
        given().queryParam("sector", SECTOR).queryParam("metric", "requestsYoY").queryParam("from", 2022).queryParam("to", 2022)
                .get("/api/v1/regions/620100/trend").then().statusCode(200)
                .body("points.value", equalTo(List.of(1)))
                .body("points[0].change", equalTo(-0.5f))
                .body("points[0].percentChange", equalTo(-0.333333f));
    }

    @Test
    void rankingsOfChildRegionsAndOfAgencies() {
        given().queryParam("parent", "620000").queryParam("sector", SECTOR).queryParam("year", 2022)
                .queryParam("indicator", "disclosureRate").queryParam("order", "desc").queryParam("limit", 3)
                .get("/api/v1/rankings").then().statusCode(200)
                .body("entries.code", equalTo(List.of("620100", "620500", "620200")))
                .body("entries.rank", equalTo(java.util.Arrays.asList(1, 2, null)))
                .body("entries[0].numerator", equalTo(12))
                .body("entries[0].denominator", equalTo(14));
        given().queryParam("parent", "620000").queryParam("level", "COUNTY").queryParam("sector", SECTOR)
                .queryParam("year", 2022).queryParam("indicator", "requests.newReceived.total").queryParam("order", "asc")
                .get("/api/v1/rankings").then().statusCode(200)
                .body("entries.code", equalTo(List.of("nr-cg", "nr-qlh")))
                .body("entries.rank", equalTo(List.of(1, 2)))
                .body("entries.regionCode", equalTo(List.of("620102", "620103")))
                .body("entries.name", equalTo(List.of("城关区自然资源局", "七里河区自然资源局")));
    }

    @Test
    void agenciesRankByIndicatorsOfTheirOwnCellsAndTheirOwnYearBefore() {
        // 七里河 handled nothing: no disclosure rate, so it is listed unranked after 城关 (4 of 4)
        given().queryParam("parent", "620000").queryParam("level", "COUNTY").queryParam("sector", SECTOR)
                .queryParam("year", 2022).queryParam("indicator", "disclosureRate")
                .get("/api/v1/rankings").then().statusCode(200)
                .body("unranked", equalTo(1))
                .body("entries.code", equalTo(List.of("nr-cg", "nr-qlh")))
                .body("entries.rank", equalTo(java.util.Arrays.asList(1, null)))
                .body("entries[0].numerator", equalTo(4))
                .body("entries[0].denominator", equalTo(4));
        // 城关 received 4 new requests in 2022 against 5 in 2021; 七里河 has no 2021 report, so no change to rank by
        String change = given().queryParam("parent", "620000").queryParam("level", "COUNTY").queryParam("sector", SECTOR)
                .queryParam("year", 2022).queryParam("indicator", "requestsYoY")
                .get("/api/v1/rankings").then().statusCode(200)
                .body("unranked", equalTo(1))
                .body("entries.code", equalTo(List.of("nr-cg", "nr-qlh")))
                .extract().path("entries[0].value").toString();
        assertThat(new BigDecimal(change)).isEqualByComparingTo("-0.2");
    }

    @Test
    void everyTableIsAlsoCsv() {
        String csv = given().accept("text/csv").queryParam("year", 2022).queryParam("sector", SECTOR)
                .queryParam("metric", "requests.newReceived.total")
                .get("/api/v1/regions/620000/breakdown").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("kind,code,name,level,reports,requests.newReceived.total");
        assertThat(csv).contains("REGION,620100,兰州市,PREFECTURE,3,20").contains("AGENCY,nr-gs,甘肃省自然资源厅");
        String totals = given().accept("text/csv").queryParam("year", 2022).queryParam("sector", SECTOR)
                .get("/api/v1/regions/620000/totals").then().statusCode(200).extract().asString();
        assertThat(totals).contains("requests.newReceived.total");
    }

    @Test
    void unknownRegionSectorYearOrMetricIsAProblemThatSaysWhatIsValid() {
        given().queryParam("year", 2022).get("/api/v1/regions/999999/totals").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("000000"));
        given().queryParam("year", 1990).queryParam("sector", "SPORTS").queryParam("metric", "bogus")
                .get("/api/v1/regions/620000/breakdown").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("year", "sector", "metric"))
                .body("errors.find { it.field == 'metric' }.message", containsString("disclosureRate"));
        given().get("/api/v1/regions/620000/totals").then().statusCode(400).body("errors.field", hasItems("year"));
        given().queryParam("year", 2022).get("/api/v1/compare").then().statusCode(400);
    }
}
