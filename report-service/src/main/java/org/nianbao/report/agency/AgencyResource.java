package org.nianbao.report.agency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nianbao.service.security.Callers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.nianbao.model.agency.Sector;
import org.nianbao.model.validation.Problem;
import org.nianbao.report.idempotency.IdempotentWrites;
import org.nianbao.service.problem.ApiProblem;

@Path("/api/v1/agencies")
@Tag(name = "Agencies", description = "The registry of reporting agencies")
public class AgencyResource {

    private final AgencyService agencies;
    private final IdempotentWrites writes;
    private final ObjectMapper json;

    AgencyResource(AgencyService agencies, IdempotentWrites writes, ObjectMapper json) {
        this.agencies = agencies;
        this.writes = writes;
        this.json = json;
    }

    @POST
    @RolesAllowed(Callers.ADMIN)
    @Operation(summary = "Register an agency", description = "Publishes the agency to nianbao.agencies.v1.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgencyView.class)))
    public Response createAgency(AgencyInput input) {
        return writes.run(canonical(input), () -> {
            AgencyView created = agencies.create(requireBody(input));
            return Response.created(URI.create("/api/v1/agencies/" + created.id())).entity(created).build();
        });
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Callers.ADMIN)
    @Operation(summary = "Change an agency", description = "Name, region, sector or active flag; publishes the change.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgencyView.class)))
    public Response updateAgency(@PathParam("id") @Parameter(example = "edu-610600") String id, AgencyInput input) {
        String agencyId = PathParameters.agencyId(id, "id");
        return writes.run(canonical(input), () -> Response.ok(agencies.update(agencyId, requireBody(input))).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an agency")
    public AgencyView getAgency(@PathParam("id") @Parameter(example = "edu-610600") String id) {
        return agencies.get(PathParameters.agencyId(id, "id"));
    }

    @GET
    @Operation(summary = "List agencies", description = "Filter by region subtree (a province, city or county code) and sector.")
    public List<AgencyView> listAgencies(@QueryParam("region") @Parameter(description = "Region code; its whole subtree is listed", example = "640000") String region,
                                 @QueryParam("sector") @Parameter(example = "EDUCATION") String sector,
                                 @QueryParam("page") @DefaultValue("0") @Parameter(example = "0") int page,
                                 @QueryParam("size") @DefaultValue("100") @Parameter(description = "1–1000", example = "100") int size) {
        List<Problem> problems = new ArrayList<>();
        Sector parsed = sector == null ? null : Sector.parse(sector).orElse(null);
        if (sector != null && parsed == null) {
            problems.add(new Problem("sector", "UNKNOWN_SECTOR", null, "valid sectors: " + Sector.validCodes(), sector));
        }
        Paging.check(page, size, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("the listing's parameters have " + problems.size() + " problem(s)", problems);
        }
        return agencies.list(region == null ? null : RegionPrefix.of(region), parsed, page, size);
    }

    /** The input as JSON again: what tells a repeat under an Idempotency-Key from another request. */
    private byte[] canonical(AgencyInput input) {
        try {
            return input == null ? null : json.writeValueAsBytes(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AgencyInput requireBody(AgencyInput input) {
        if (input == null) {
            throw ApiProblem.badRequest("a JSON body is required", List.of());
        }
        return input;
    }
}
