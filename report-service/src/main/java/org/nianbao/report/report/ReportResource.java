package org.nianbao.report.report;

import org.nianbao.service.security.Callers;
import org.nianbao.service.web.EntityTags;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nianbao.report.agency.PathParameters;
import org.nianbao.report.idempotency.IdempotentWrites;

/** One agency's report for one year: submit, revise, withdraw, read and its history. */
@Path("/api/v1/agencies/{agencyId}/reports/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Annual reports (政府信息公开工作年度报告) by agency and year")
public class ReportResource {

    private final ReportService reports;
    private final SubmissionReader reader;
    private final SecurityIdentity caller;
    private final IdempotentWrites writes;

    ReportResource(ReportService reports, SubmissionReader reader, SecurityIdentity caller, IdempotentWrites writes) {
        this.reports = reports;
        this.reader = reader;
        this.caller = caller;
        this.writes = writes;
    }

    @PUT
    @RolesAllowed({Callers.SUBMITTER, Callers.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit or revise a report",
            description = "Each accepted call adds a new immutable version and publishes it to nianbao.reports.v1. "
                    + "Rule violations are stored as warnings; ?strict=true refuses them instead. "
                    + "Send If-Match with the current ETag to guard against concurrent edits. "
                    + "With Prefer: return=minimal (RFC 7240) the answer is the version's summary instead of the whole report.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ReportSubmission")))
    @APIResponse(responseCode = "201", description = "First version stored; with Prefer: return=minimal, its ReportSummary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(anyOf = {ReportVersionView.class, ReportSummary.class})))
    @APIResponse(responseCode = "200", description = "New version stored; with Prefer: return=minimal, its ReportSummary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(anyOf = {ReportVersionView.class, ReportSummary.class})))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a body that is no text in its charset, or a path that names no report", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "ProblemDetail")))
    @APIResponse(responseCode = "404", description = "Unknown agency", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "ProblemDetail")))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "ProblemDetail")))
    @APIResponse(responseCode = "422", description = "Invalid report: every problem listed", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "ProblemDetail")))
    public Response submitReport(@PathParam("agencyId") @Parameter(example = "edu-610600") String agencyId,
                           @PathParam("year") @Parameter(example = "2019", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String yearText,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the version you revise", example = "\"v1\"") String ifMatch,
                           @HeaderParam("If-None-Match") @Parameter(description = "* to create only", example = "*") String ifNoneMatch,
                           @QueryParam("strict") @Parameter(description = "Refuse the report when a rule warns", example = "false") boolean strict,
                           @HeaderParam("Prefer") @Parameter(description = "return=minimal: answer with the summary only",
                                   example = "return=minimal") String prefer,
                           @HeaderParam("Content-Type") String contentType,
                           byte[] body) {
        int year = PathParameters.reportYear(agencyId, yearText);
        Callers.requireAgency(caller, agencyId);
        return writes.run(body, () -> {
            ReportService.Accepted accepted = reports.submit(agencyId, year, reader.text(body, contentType), ifMatch, ifNoneMatch, strict);
            int version = accepted.summary().version();
            Response.ResponseBuilder response = accepted.created()
                    ? Response.created(URI.create("/api/v1/agencies/" + agencyId + "/reports/" + year))
                    : Response.ok();
            if (Preferences.returnMinimal(prefer)) {
                response.entity(accepted.summary()).header("Preference-Applied", Preferences.RETURN_MINIMAL);
            } else {
                response.entity(accepted.version());
            }
            return response.tag(new jakarta.ws.rs.core.EntityTag("v" + version))
                    .header("Content-Location", versionPath(agencyId, year, version)).build();
        });
    }

    @GET
    @Operation(summary = "Read the current version", description = "The ETag names the version, for If-Match; "
            + "If-None-Match with it answers 304 until a new version is stored.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportVersionView.class)))
    @APIResponse(responseCode = "304", description = "The version named in If-None-Match is still the current one")
    public Response currentReport(@PathParam("agencyId") @Parameter(example = "edu-610600") String agencyId,
                            @PathParam("year") @Parameter(example = "2019", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String yearText,
                            @HeaderParam("If-None-Match") @Parameter(description = "The ETag you hold: 304 while it is still current", example = "\"v1\"") String ifNoneMatch) {
        int year = PathParameters.reportYear(agencyId, yearText);
        return revalidated(ifNoneMatch, visible(reports.current(agencyId, year)));
    }

    @DELETE
    @RolesAllowed({Callers.SUBMITTER, Callers.ADMIN})
    @Operation(summary = "Withdraw the report", description = "Adds a WITHDRAWN version; the history stays.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportVersionView.class)))
    public Response withdrawReport(@PathParam("agencyId") @Parameter(example = "edu-610600") String agencyId,
                             @PathParam("year") @Parameter(example = "2019", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String yearText,
                             @HeaderParam("If-Match") @Parameter(description = "ETag of the current version", example = "\"v1\"") String ifMatch) {
        int year = PathParameters.reportYear(agencyId, yearText);
        Callers.requireAgency(caller, agencyId);
        return writes.run(null, () -> {
            ReportVersionView v = reports.withdraw(agencyId, year, ifMatch);
            return Response.ok(v).tag(new jakarta.ws.rs.core.EntityTag("v" + v.version())).build();
        });
    }

    @GET
    @Path("/versions")
    @Operation(summary = "The version history, oldest first")
    public List<ReportVersionView> reportVersions(@PathParam("agencyId") @Parameter(example = "edu-610600") String agencyId,
                                            @PathParam("year") @Parameter(example = "2019", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String yearText) {
        int year = PathParameters.reportYear(agencyId, yearText);
        return reports.versions(agencyId, year).stream().map(this::visible).toList();
    }

    @GET
    @Path("/versions/{version}")
    @Operation(summary = "One version")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportVersionView.class)))
    public Response reportVersion(@PathParam("agencyId") @Parameter(example = "edu-610600") String agencyId,
                            @PathParam("year") @Parameter(example = "2019", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String yearText,
                            @PathParam("version") @Parameter(example = "1") int version,
                            @HeaderParam("If-None-Match") @Parameter(description = "The ETag you hold: 304, as a version never changes", example = "\"v1\"") String ifNoneMatch) {
        int year = PathParameters.reportYear(agencyId, yearText);
        return revalidated(ifNoneMatch, visible(reports.oneVersion(agencyId, year, version)));
    }

    /**
     * A version's answer, or 304 when If-None-Match names it. What a caller sees of it depends on its token (the rule
     * warnings), so a shared cache keeps one copy per Authorization, and every use is revalidated.
     */
    private static Response revalidated(String ifNoneMatch, ReportVersionView v) {
        Response answer = EntityTags.answer(ifNoneMatch, Etags.of(v.version()), v, "no-cache", v.submittedAt());
        answer.getHeaders().add("Vary", "Authorization");
        return answer;
    }

    /** Reads are public; the rule warnings only for those who oversee the agency (see {@link Callers#seesWarnings}). */
    private ReportVersionView visible(ReportVersionView v) {
        return Callers.seesWarnings(caller, v.agencyId(), v.regionCode()) ? v : v.withoutWarnings();
    }

    private static String versionPath(String agencyId, int year, int version) {
        return "/api/v1/agencies/" + agencyId + "/reports/" + year + "/versions/" + version;
    }
}
