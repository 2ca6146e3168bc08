package org.nianbao.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the envelope and its {@code data} travel as one JSON
 * record value, so any consumer can read it without a CloudEvents SDK.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String specversion, String id, String source, String type, String subject,
                            OffsetDateTime time, String datacontenttype, T data) {

    public static <T> CloudEvent<T> of(String id, String type, String subject, OffsetDateTime time, T data) {
        return new CloudEvent<>("1.0", id, Topics.SOURCE, type, subject, time, "application/json", data);
    }
}
