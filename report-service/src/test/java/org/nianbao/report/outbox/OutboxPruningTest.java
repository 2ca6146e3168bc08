package org.nianbao.report.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.report.support.Api.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.Fixtures;
import org.nianbao.report.support.TopicReader;

/** Sent events leave the outbox table after nianbao.outbox.keep-sent (0 s in tests), so it does not grow forever. */
@QuarkusTest
class OutboxPruningTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sentEventsAreDeletedFromTheOutboxOnceKeptLongEnough() throws Exception {
        String agency = Fixtures.newAgency("640323");
        given().contentType("application/json").body(Fixtures.report("seed-004-yanchi-2020.json").toString())
                .put("/api/v1/agencies/{a}/reports/2020", agency)
                .then().statusCode(201);
        String key = Topics.reportKey(agency, 2020);
        assertThat(TopicReader.await(Topics.REPORTS, key, 1, Duration.ofSeconds(30))).hasSize(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long left = outboxRows(key);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = outboxRows(key);
        }
        assertThat(left).as("the sent event's outbox row").isZero();
        assertThat(TopicReader.await(Topics.REPORTS, key, 1, Duration.ofSeconds(5))).as("still on the topic").hasSize(1);
    }

    private long outboxRows(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE record_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
