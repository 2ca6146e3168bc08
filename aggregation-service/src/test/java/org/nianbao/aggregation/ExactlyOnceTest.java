package org.nianbao.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.ReportEvents;

/** Revisions replace, withdrawals remove, duplicates and older versions change nothing — in every ancestor. */
@QuarkusTest
class ExactlyOnceTest {

    private static final String SECTOR = "HEALTH";
    private static final List<String> ANCESTORS = List.of("640323", "640300", "640000", "000000");

    private static Map<String, BigDecimal> cells(int received) {
        return Map.of("requests.newReceived.total", BigDecimal.valueOf(received),
                "requests.newReceived.naturalPerson", BigDecimal.valueOf(received));
    }

    @Test
    void revisionReplacesAndWithdrawalRemovesInEveryAncestor() {
        try (ReportEvents events = ReportEvents.connect()) {
            events.version("h-1", "盐池县卫生健康局", "640323", SECTOR, 2022, "GOV_2021", 1, null, cells(10), List.of());
            events.version("h-2", "吴忠市卫生健康委员会", "640300", SECTOR, 2022, "GOV_2021", 1, null, cells(5), List.of());
            Totals.awaitReports("000000", SECTOR, 2022, 2);
            assertReceived("640323", 10, 1);
            assertReceived("640300", 15, 2);

            events.version("h-1", "盐池县卫生健康局", "640323", SECTOR, 2022, "GOV_2021", 2, null, cells(7), List.of());
            Eventually.assertThat(Totals.WAIT, () -> assertReceived("640000", 12, 2));
            for (String region : ANCESTORS) {
                assertReceived(region, region.equals("640323") ? 7 : 12, region.equals("640323") ? 1 : 2);
            }

            events.withdrawal("h-1", "盐池县卫生健康局", "640323", SECTOR, 2022, 3);
            Eventually.assertThat(Totals.WAIT, () -> assertReceived("000000", 5, 1));
            for (String region : ANCESTORS.subList(1, 4)) {
                assertReceived(region, 5, 1);
            }
            Totals county = Totals.of("640323", SECTOR, 2022);
            assertThat(county.reports()).isZero();
            assertThat(county.sum("requests.newReceived.total")).as("a withdrawn report leaves no sum, not 0").isNull();
        }
    }

    @Test
    void duplicatesAndOlderVersionsChangeNothing() {
        try (ReportEvents events = ReportEvents.connect()) {
            events.version("h-3", "同心县卫生健康局", "640324", SECTOR, 2023, "GOV_2021", 2, null, cells(20), List.of());
            events.version("h-3", "同心县卫生健康局", "640324", SECTOR, 2023, "GOV_2021", 1, null, cells(99), List.of());
            events.version("h-3", "同心县卫生健康局", "640324", SECTOR, 2023, "GOV_2021", 2, null, cells(20), List.of());
            events.version("h-3", "同心县卫生健康局", "640324", SECTOR, 2023, "GOV_2021", 2, null, cells(20), List.of());
            // a marker after them: once it is counted, the three before it have been applied too (same key, same order)
            events.version("h-3", "同心县卫生健康局", "640324", SECTOR, 2023, "GOV_2021", 3, null, cells(21), List.of());
            Eventually.assertThat(Totals.WAIT, () -> assertThat(Totals.of("640324", SECTOR, 2023).sum("requests.newReceived.total"))
                    .isEqualByComparingTo("21"));
            for (String region : List.of("640324", "640300", "640000")) {
                Totals t = Totals.of(region, SECTOR, 2023);
                assertThat(t.reports()).isEqualTo(1);
                assertThat(t.sum("requests.newReceived.total")).isEqualByComparingTo("21");
                assertThat(t.filled("requests.newReceived.total")).isEqualTo(1);
            }
        }
    }

    private static void assertReceived(String region, int expected, int reports) {
        Totals t = Totals.of(region, SECTOR, 2022);
        assertThat(t.reports()).as("reports in %s", region).isEqualTo(reports);
        assertThat(t.sum("requests.newReceived.total")).as("received in %s", region).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(t.filled("requests.newReceived.total")).isEqualTo(reports);
    }
}
