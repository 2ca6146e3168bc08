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

/**
 * A sent event leaves the outbox table at once, and the log of sends keeps a note of it (without the payload) for
 * nianbao.outbox.keep-sent (0 s in tests, pruned every second), so that neither grows forever.
 */
@QuarkusTest
class OutboxPruningTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSentEventLeavesTheOutboxAndItsLogEntryIsPrunedOnceKeptLongEnough() throws Exception {
        boolean logged = false;
        String key = null;
        // the log entry lives up to prune-every (1 s in tests): submit until one is seen there
        for (int attempt = 0; attempt < 5 && !logged; attempt++) {
            String agency = Fixtures.newAgency("640323");
            given().contentType("application/json").body(Fixtures.report("seed-004-yanchi-2020.json").toString())
                    .put("/api/v1/agencies/{a}/reports/2020", agency)
                    .then().statusCode(201);
            key = Topics.reportKey(agency, 2020);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (rows("outbox_event", key) > 0 && System.nanoTime() < deadline) {
                logged |= rows("outbox_sent", key) > 0;
                Thread.sleep(5);
            }
            assertThat(rows("outbox_event", key)).as("the sent event's row in the outbox").isZero();
            for (int i = 0; i < 20 && !logged; i++) {
                logged = rows("outbox_sent", key) > 0;
                Thread.sleep(5);
            }
        }
        assertThat(logged).as("the send, seen in outbox_sent before its pruning").isTrue();
        assertThat(TopicReader.await(Topics.REPORTS, key, 1, Duration.ofSeconds(30))).as("the event on its topic").hasSize(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (rows("outbox_sent", key) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(rows("outbox_sent", key)).as("the send's log entry, past keep-sent").isZero();
        assertThat(TopicReader.await(Topics.REPORTS, key, 1, Duration.ofSeconds(5))).as("still on the topic").hasSize(1);
    }

    private long rows(String table, String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE record_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
