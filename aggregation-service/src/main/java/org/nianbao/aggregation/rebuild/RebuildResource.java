package org.nianbao.aggregation.rebuild;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nianbao.service.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nianbao.service.problem.ApiProblem;

@Path("/api/v1/admin/rebuild")
@RolesAllowed(Callers.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class RebuildResource {

    private final RebuildService rebuild;

    RebuildResource(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Rebuild every roll-up from the start of the topics",
            description = "Runs in the background into fresh tables; the APIs serve the old totals until it switches. "
                    + "202 with the progress; GET the same path to follow it.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RebuildProgress.class)))
    public Response startRebuild() {
        if (!rebuild.start()) {
            throw ApiProblem.conflict("a rebuild is already running; GET /api/v1/admin/rebuild shows its progress");
        }
        return Response.accepted(rebuild.progress()).location(URI.create("/api/v1/admin/rebuild")).build();
    }

    @GET
    @Operation(summary = "The progress of the last rebuild")
    public RebuildProgress rebuildProgress() {
        return rebuild.progress();
    }
}
