package org.nianbao.report.importer;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nianbao.importer.ImportException;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.model.validation.Problem;
import org.nianbao.service.problem.ApiProblem;
import org.nianbao.service.security.Callers;

@Path("/api/v1/reports:import")
@Tag(name = "Reports")
public class ImportResource {

    private final ImportService imports;
    private final SecurityIdentity caller;

    ImportResource(ImportService imports, SecurityIdentity caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Callers.SUBMITTER, Callers.ADMIN})
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a published report (text or HTML) into the submission format",
            description = "Detects the template, the agency and the year; reads every table cell it is sure of and reports "
                    + "what it could not place. With ?submit=true it also stores the report as a new version.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    example = "盐池县教育体育局 2020 年 政府信息公开工作年度报告\n一、总体情况\n…")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    example = "<html><body><h1>盐池县教育体育局2020年政府信息公开工作年度报告</h1><table>…</table></body></html>"))})
    @APIResponse(responseCode = "200", description = "Read (not stored)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportOutcome.class)))
    @APIResponse(responseCode = "201", description = "Read and stored as the first version", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportOutcome.class)))
    public Response importReport(@QueryParam("submit") @Parameter(description = "Also store the report", example = "false") boolean submit,
                                 @QueryParam("agencyId") @Parameter(description = "The agency, when the text names it otherwise", example = "edu-640323") String agencyId,
                                 @QueryParam("year") @Parameter(description = "The report year, when the text does not give it", example = "2020") Integer year,
                                 @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
                                 String body) {
        boolean html = contentType != null && contentType.toLowerCase().startsWith(MediaType.TEXT_HTML);
        ImportOutcome outcome;
        try {
            outcome = imports.read(body, html, agencyId, year);
        } catch (ImportException e) {
            throw new ApiProblem(ProblemDetail.of(422, "unreadable-report", "The text could not be read as a report",
                    e.getMessage() + " Nothing was stored."));
        }
        if (!submit) {
            return Response.ok(outcome).build();
        }
        if (outcome.agencyId() == null || outcome.year() == null) {
            throw ApiProblem.invalid("the report was read but cannot be stored; nothing was stored", List.of(
                    outcome.agencyId() == null ? new Problem("agencyId", "REQUIRED", null, "no registered agency is named "
                            + outcome.agencyName() + "; pass ?agencyId=", outcome.agencyName()) : null,
                    outcome.year() == null ? new Problem("year", "REQUIRED", null, "the text gives no report year; pass ?year=", null) : null)
                    .stream().filter(java.util.Objects::nonNull).toList());
        }
        Callers.requireAgency(caller, outcome.agencyId());
        ImportService.Stored stored = imports.submit(outcome);
        return (stored.created() ? Response.created(URI.create("/api/v1/agencies/" + outcome.agencyId() + "/reports/" + outcome.year()))
                : Response.ok()).entity(stored.outcome()).tag(new jakarta.ws.rs.core.EntityTag("v" + stored.outcome().stored().version())).build();
    }
}
