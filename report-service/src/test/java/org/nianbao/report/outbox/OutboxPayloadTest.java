package org.nianbao.report.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nianbao.report.support.Fixtures;

/** An outbox row stores its event compressed, and gives Kafka back the event's JSON byte for byte, old rows too. */
class OutboxPayloadTest {

    private static final byte[] REPORT_JSON = Fixtures.report("seed-004-yanchi-2020.json").toString().getBytes(StandardCharsets.UTF_8);

    @Test
    void aReportsJsonIsStoredCompressedAndComesBackWhole() {
        byte[] stored = OutboxPayload.stored(REPORT_JSON);

        assertThat(stored[0]).isEqualTo(OutboxPayload.LZ4_BLOCK);
        assertThat(stored.length).as("small enough to stay in the outbox row").isLessThan(REPORT_JSON.length / 2);
        assertThat(OutboxPayload.json(stored)).isEqualTo(REPORT_JSON);
    }

    @Test
    void aRowWrittenBeforeCompressionIsRelayedAsItIs() {
        byte[] json = "{\"specversion\":\"1.0\",\"id\":\"edu-640323/2020/v1\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(OutboxPayload.json(json)).isEqualTo(json);
    }

    @Test
    void shortAndEmptyDocumentsRoundTrip() {
        for (String text : new String[] {"", "{}", "{\"a\":\"年报\"}"}) {
            byte[] json = text.getBytes(StandardCharsets.UTF_8);
            assertThat(OutboxPayload.json(OutboxPayload.stored(json))).as(text).isEqualTo(json);
        }
    }
}
