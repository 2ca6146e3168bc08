package org.nianbao.report.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.nianbao.model.event.CloudEvent;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.event.EventSchemas;

/**
 * Writes events to the outbox table inside the caller's transaction, and nudges the relay once that
 * transaction has committed so that events leave within milliseconds rather than at the next poll.
 */
@ApplicationScoped
public class Outbox {

    /** Fired inside the transaction; observed after it commits. */
    public record Written() {
    }

    @Inject
    Event<Written> written;

    @Inject
    OutboxRelay relay;

    @Inject
    KafkaSettings settings;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, CloudEvent<?> event) {
        OutboxEvent row = new OutboxEvent();
        row.topic = topic;
        row.recordKey = key;
        row.payload = stored(event);
        row.persist();
        written.fire(new Written());
    }

    /** An outbox row's values, for a caller that inserts it within its own statement (see {@link #row}); the payload as stored. */
    public record Row(String topic, String key, byte[] payload) {
    }

    /**
     * For a caller that inserts the outbox row itself, in the same statement as the change it announces (one round
     * trip instead of two): the row's values; it must be inserted into {@code outbox_event (topic, record_key,
     * payload)} in the caller's transaction. As with {@link #add}, the relay is nudged once that transaction commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Row row(String topic, String key, CloudEvent<?> event) {
        Row row = new Row(topic, key, stored(event));
        written.fire(new Written());
        return row;
    }

    /** The event as its row stores it, naming the published schema of its data (which every consumer may fetch). */
    private byte[] stored(CloudEvent<?> event) {
        return OutboxPayload.stored(EventJson.write(event.withDataschema(EventSchemas.uri(settings.events().publicUrl(), event.type()))));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Written ignored) {
        relay.wakeUp();
    }
}
