package org.nianbao.aggregation.consumer;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeadLetter", description = "An event that could not be applied, set aside")
public record DeadLetter(@Schema(description = "Topic", example = "nianbao.reports.v1") String topic,
                         @Schema(description = "Partition", example = "3") int partition,
                         @Schema(description = "Offset in its partition", example = "1042") long offset,
                         @Schema(nullable = true, description = "Record key", example = "edu-640323/2022") String key,
                         @Schema(description = "The payload as UTF-8 text (bytes that are no UTF-8 shown as U+FFFD)",
                                 example = "{\"specversion\":\"1.0\", ...}") String payload,
                         @Schema(description = "Size of the payload in bytes", example = "5120") int payloadBytes,
                         @Schema(description = "Why it could not be applied",
                                 example = "org.postgresql.util.PSQLException: ERROR: date out of range") String error,
                         @Schema(example = "2026-12-07T21:30:00Z") OffsetDateTime setAsideAt) {
}
