package org.nianbao.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the envelope and its {@code data} travel as one JSON
 * record value, so any consumer can read it without a CloudEvents SDK. {@code dataschema}, when present, is the
 * absolute URI of the JSON Schema of the event type's {@code data} ({@link EventSchemas}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String specversion, String id, String source, String type, String subject,
                            OffsetDateTime time, String datacontenttype, String dataschema, T data) {

    /**
     * The content type of a record that carries one event in structured mode (the CloudEvents Kafka protocol binding's
     * {@code content-type} header); a consumer, or a CloudEvents SDK, tells an event from any other record by it.
     */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static <T> CloudEvent<T> of(String id, String type, String subject, OffsetDateTime time, T data) {
        return new CloudEvent<>("1.0", id, Topics.SOURCE, type, subject, time, "application/json", null, data);
    }

    /** This event with {@code dataschema} set. */
    public CloudEvent<T> withDataschema(String uri) {
        return new CloudEvent<>(specversion, id, source, type, subject, time, datacontenttype, uri, data);
    }
}
