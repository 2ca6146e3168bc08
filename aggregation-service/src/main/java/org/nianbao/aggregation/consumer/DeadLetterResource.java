package org.nianbao.aggregation.consumer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nianbao.model.validation.Problem;
import org.nianbao.service.problem.ApiProblem;
import org.nianbao.service.security.Callers;

/** The events the consumer set aside because they cannot be applied, for an admin to inspect. */
@Path("/api/v1/admin/dead-letters")
@RolesAllowed(Callers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operating the aggregation: events set aside, rebuilding the roll-ups")
public class DeadLetterResource {

    private static final int MAX_LIMIT = 1000;

    private final DeadLetters deadLetters;

    DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Schema(name = "DeadLetters", description = "The events set aside, newest first")
    public record Listing(@Schema(description = "Events set aside in all", example = "1") long total,
                          @Schema(description = "Events set aside by this instance since it started", example = "1") long setAsideSinceStart,
                          @Schema(description = "The newest ones, at most limit") List<DeadLetter> items) {
    }

    @GET
    @Operation(summary = "List the events set aside because they cannot be applied",
            description = "An event whose payload cannot be read, or whose values the database refuses, is stored here "
                    + "instead of blocking its partition; the events after it are applied.")
    public Listing deadLetters(@QueryParam("limit") @DefaultValue("100") @Parameter(description = "1–1000", example = "100") int limit)
            throws SQLException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("limit must be 1 to " + MAX_LIMIT,
                    List.of(new Problem("limit", "OUT_OF_RANGE", null, "1 to " + MAX_LIMIT, limit)));
        }
        return new Listing(deadLetters.count(), deadLetters.setAsideSinceStart(), deadLetters.newest(limit));
    }
}
