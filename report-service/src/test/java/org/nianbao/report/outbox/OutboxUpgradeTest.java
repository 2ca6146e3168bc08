package org.nianbao.report.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.TopicReader;

/**
 * An outbox row written before migration V3, whose payload is the event's JSON itself rather than lz4, still reaches
 * Kafka unchanged: the state of a database upgraded while events were waiting to be relayed.
 */
@QuarkusTest
class OutboxUpgradeTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anUncompressedRowFromBeforeTheUpgradeIsRelayedAsItsJson() throws Exception {
        String key = "upgrade-" + UUID.randomUUID() + "/2020";
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + key + "/v1\",\"type\":\"org.nianbao.report.version.v1\"}";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_event (topic, record_key, payload) VALUES (?, ?, ?)")) {
            ps.setString(1, Topics.REPORTS);
            ps.setString(2, key);
            ps.setBytes(3, json.getBytes(StandardCharsets.UTF_8));
            ps.executeUpdate();
        }

        List<TopicReader.Event> events = TopicReader.await(Topics.REPORTS, key, 1, Duration.ofSeconds(30));

        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).isEqualTo(EventJson.mapper().readTree(json));
    }
}
