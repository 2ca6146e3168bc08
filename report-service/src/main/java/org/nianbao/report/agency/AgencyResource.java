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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
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
import org.nianbao.service.web.EntityTags;
import org.nianbao.service.web.Paging;

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
    @Operation(summary = "Read an agency", description = "The ETag names its revision; If-None-Match with it answers 304 until it changes.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "304", description = "The revision named in If-None-Match is still the current one")
    public Response getAgency(@PathParam("id") @Parameter(example = "edu-610600") String id,
                              @HeaderParam("If-None-Match") @Parameter(description = "The ETag you hold", example = "\"r1\"") String ifNoneMatch) {
        AgencyView agency = agencies.get(PathParameters.agencyId(id, "id"));
        return EntityTags.answer(ifNoneMatch, "\"r" + agency.revision() + "\"", agency, "no-cache", agency.updatedAt());
    }

    @GET
    @Operation(summary = "List agencies", description = "Filter by region subtree (a province, city or county code) and sector; "
            + "paged like every listing: items with page, size and total, and a Link header to the first, previous, next and "
            + "last pages. The ETag changes with the page's content; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgencyPage.class)))
    @APIResponse(responseCode = "304", description = "The page named in If-None-Match has not changed")
    public Response listAgencies(@QueryParam("region") @Parameter(description = "Region code; its whole subtree is listed", example = "640000") String region,
                                 @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class), example = "EDUCATION") String sector,
                                 @QueryParam("page") @DefaultValue("0") @Parameter(example = "0") int page,
                                 @QueryParam("size") @DefaultValue("100") @Parameter(description = "1–1000", example = "100") int size,
                                 @HeaderParam("If-None-Match") @Parameter(description = "The ETag you hold", example = "W/\"3q2-7w\"") String ifNoneMatch,
                                 @Context UriInfo uri) {
        List<Problem> problems = new ArrayList<>();
        Sector parsed = sector == null ? null : Sector.parse(sector).orElse(null);
        if (sector != null && parsed == null) {
            problems.add(new Problem("sector", "UNKNOWN_SECTOR", null, "valid sectors: " + Sector.validCodes(), sector));
        }
        Paging.check(page, size, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("the listing's parameters have " + problems.size() + " problem(s)", problems);
        }
        AgencyPage found = agencies.list(region == null ? null : RegionPrefix.of(region), parsed, page, size);
        Response answer = EntityTags.answer(ifNoneMatch, EntityTags.weakOf(jsonBytes(found)), found, "no-cache", null);
        answer.getHeaders().add("Link", Paging.links(uri.getRequestUri(), page, size, found.total()));
        return answer;
    }

    /** The input as JSON again: what tells a repeat under an Idempotency-Key from another request. */
    private byte[] canonical(AgencyInput input) {
        return input == null ? null : jsonBytes(input);
    }

    private byte[] jsonBytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
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
