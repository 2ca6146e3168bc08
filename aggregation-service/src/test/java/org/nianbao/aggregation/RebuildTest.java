package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.ReportEvents;
import org.nianbao.testsupport.TestTokens;

/** A rebuild replays the topics into fresh tables and switches to them with the same totals. */
@QuarkusTest
class RebuildTest {

    private static final String SECTOR = "ECOLOGY_ENVIRONMENT";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rebuildReplaysEverythingAndServesTheSameTotals() throws SQLException {
        try (ReportEvents e = ReportEvents.connect()) {
            for (int i = 0; i < 30; i++) {
                e.version("ee-" + i, "生态环境局 " + i, "430602", SECTOR, 2022, "GOV_2021", 1, null,
                        Map.of("requests.newReceived.total", BigDecimal.valueOf(i)), List.of());
                e.version("ee-" + i, "生态环境局 " + i, "430602", SECTOR, 2022, "GOV_2021", 2, null,
                        Map.of("requests.newReceived.total", BigDecimal.valueOf(2L * i)), List.of());
            }
            e.withdrawal("ee-0", "生态环境局 0", "430602", SECTOR, 2022, 3);
        }
        Totals.awaitState("000000", SECTOR, 2022, 29, "requests.newReceived.total", 2 * (29 * 30 / 2));
        // a column's compression, set here explicitly, must carry over to the tables a rebuild makes (migration V6)
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE rollup ALTER COLUMN sums SET COMPRESSION pglz");
            s.execute("ALTER TABLE report_state ALTER COLUMN metric_values SET COMPRESSION pglz");
        }
        List<String> columnsBefore = columnSettings();
        assertThat(columnsBefore).contains("rollup.sums storage x compression p", "report_state.metric_values storage x compression p");
        String before = given().queryParam("year", 2022).queryParam("sector", SECTOR).get("/api/v1/regions/000000/totals").asString();

        given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/rebuild").then().statusCode(202).body("state", equalTo("RUNNING"));
        Eventually.assertThat(Duration.ofSeconds(120), () -> given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/rebuild").then()
                .body("state", equalTo("DONE")));

        Totals after = Totals.of("000000", SECTOR, 2022);
        assertThat(after.reports()).isEqualTo(29);
        assertThat(after.sum("requests.newReceived.total")).isEqualByComparingTo(BigDecimal.valueOf(2 * (29 * 30 / 2)));
        assertThat(given().queryParam("year", 2022).queryParam("sector", SECTOR).get("/api/v1/regions/000000/totals").asString())
                .isEqualTo(before);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/admin/rebuild").then().body("percent", equalTo(100.0f));
        // the report states were staged in an unlogged table; what went live must survive a crash of PostgreSQL
        assertThat(unloggedTables()).as("live tables that a crash of PostgreSQL would empty").isEmpty();
        assertThat(columnSettings()).as("the live tables' columns, storage and compression").isEqualTo(columnsBefore);

        // the live consumer goes on applying into the switched tables
        try (ReportEvents e = ReportEvents.connect()) {
            e.version("ee-1", "生态环境局 1", "430602", SECTOR, 2022, "GOV_2021", 3, null,
                    Map.of("requests.newReceived.total", BigDecimal.valueOf(1000)), List.of());
        }
        Eventually.assertThat(Totals.WAIT, () -> assertThat(Totals.of("430000", SECTOR, 2022).sum("requests.newReceived.total"))
                .isEqualByComparingTo(BigDecimal.valueOf(2 * (29 * 30 / 2) - 2 + 1000)));
    }

    private List<String> columnSettings() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.relname || '.' || a.attname || ' storage ' || a.attstorage || ' compression '"
                     + " || a.attcompression FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relkind = 'r'"
                     + " AND c.relnamespace = 'public'::regnamespace AND c.relname IN ('rollup', 'rollup_pending', 'report_state', 'agency_state')"
                     + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    private List<String> unloggedTables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT relname FROM pg_class WHERE relkind = 'r' AND relpersistence = 'u'"
                     + " AND relnamespace = 'public'::regnamespace")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
