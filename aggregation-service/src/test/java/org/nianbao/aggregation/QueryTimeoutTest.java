package org.nianbao.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A read the database cannot answer in time is stopped by the service itself: the caller gets a 503 Problem
 * with Retry-After instead of a connection held for as long as the query would run, and the next read is served.
 */
@QuarkusTest
@TestProfile(QueryTimeoutTest.OneSecond.class)
class QueryTimeoutTest {

    public static class OneSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nianbao.query.timeout", "1s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReadBlockedPastTheTimeoutIsStoppedAndTheNextOneIsServed() throws Exception {
        String totals = "/api/v1/regions/620000/totals?year=2023&sector=EDUCATION&level=ALL";
        given().get(totals).then().statusCode(200);

        try (Connection blocker = dataSource.getConnection(); Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE rollup, report_state IN ACCESS EXCLUSIVE MODE"); // every read of the totals waits
            // without the timeout the read would wait for the lock: release it after a while so such a failure shows
            // as a 200 rather than a hung test
            ScheduledExecutorService release = Executors.newSingleThreadScheduledExecutor();
            release.schedule(() -> {
                blocker.rollback();
                return null;
            }, 20, TimeUnit.SECONDS);
            Response blocked;
            try {
                blocked = given().get(totals);
            } finally {
                release.shutdownNow();
            }
            blocker.rollback();

            assertThat(blocked.statusCode()).isEqualTo(503);
            assertThat(blocked.contentType()).startsWith("application/problem+json");
            assertThat(blocked.header("Retry-After")).isNotBlank();
            assertThat(blocked.jsonPath().getString("detail")).contains("ran longer than 1 s");
        }
        given().get(totals).then().statusCode(200);
    }
}
