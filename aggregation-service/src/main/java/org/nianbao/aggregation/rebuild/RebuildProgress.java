package org.nianbao.aggregation.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RebuildProgress", description = "Where a rebuild of the roll-ups stands")
public record RebuildProgress(
        @Schema(description = "IDLE, RUNNING, SWITCHING (applying the last events with the consumer paused), DONE or FAILED", example = "RUNNING") String state,
        @Schema(nullable = true, example = "2026-11-22T01:30:00Z") OffsetDateTime startedAt,
        @Schema(nullable = true, example = "2026-11-22T01:31:10Z") OffsetDateTime finishedAt,
        @Schema(description = "Events read from the start of the topics", example = "120000") long eventsRead,
        @Schema(description = "Events on the topics when the rebuild started", example = "200000") long eventsTotal,
        @Schema(description = "eventsRead / eventsTotal × 100", example = "60.0") double percent,
        @Schema(description = "Events applied per second so far", example = "21000") long eventsPerSecond,
        @Schema(nullable = true, description = "Why it failed", example = "the database is unreachable") String error) {

    public static final RebuildProgress IDLE = new RebuildProgress("IDLE", null, null, 0, 0, 0, 0, null);

    public boolean running() {
        return "RUNNING".equals(state) || "SWITCHING".equals(state);
    }
}
