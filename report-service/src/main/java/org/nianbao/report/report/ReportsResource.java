package org.nianbao.report.report;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import org.nianbao.service.security.Callers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nianbao.model.agency.Sector;
import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.validation.Problem;
import org.nianbao.service.web.Paging;
import org.nianbao.report.agency.PathParameters;
import org.nianbao.report.agency.RegionPrefix;
import org.nianbao.report.idempotency.IdempotentWrites;
import org.nianbao.service.problem.ApiProblem;

/** Reports across agencies: the listing and the validate-only check. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportsResource {

    private static final Set<String> STATUSES = Set.of("ACTIVE", "WITHDRAWN");

    private final ReportService reports;
    private final ReportBatch batch;
    private final BatchGate batchGate;
    private final SubmissionReader reader;
    private final ReportQuery query;
    private final SecurityIdentity caller;
    private final Clock clock;
    private final IdempotentWrites writes;

    ReportsResource(ReportService reports, ReportBatch batch, BatchGate batchGate, SubmissionReader reader, ReportQuery query,
                    SecurityIdentity caller, Clock clock, IdempotentWrites writes) {
        this.clock = clock;
        this.writes = writes;
        this.reports = reports;
        this.batch = batch;
        this.batchGate = batchGate;
        this.reader = reader;
        this.query = query;
        this.caller = caller;
    }

    /** The answer to a batch: each stored version's summary, in the order of the batch. */
    @Schema(name = "BatchResult")
    public record BatchResult(@Schema(description = "The stored versions, in the order sent") List<ReportSummary> reports) {
    }

    @POST
    @RolesAllowed({Callers.SUBMITTER, Callers.ADMIN})
    @Path("/reports:batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit or revise many reports at once",
            description = "{\"reports\": [submission, ...]}, 1 to " + ReportBatch.MAX_REPORTS + " of them, each naming its "
                    + "agencyId and year, at most one per agency and year. All are stored, each as a new version published "
                    + "to nianbao.reports.v1 exactly as a PUT of it would be, or none is: one Problem lists the problems of "
                    + "every report, each field prefixed with its place (reports[3].requests.newReceived.total). "
                    + "?strict=true refuses the batch when any report breaks a cross-check rule. A submitter may send its "
                    + "own agency's reports only; for a guarded edit of one report (If-Match), PUT it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ReportBatch")))
    @APIResponse(responseCode = "200", description = "Every report stored", content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "400", description = "Not a batch, or malformed JSON", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "ProblemDetail")))
    @APIResponse(responseCode = "403", description = "A report of an agency this token may not write", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "ProblemDetail")))
    @APIResponse(responseCode = "422", description = "Invalid reports: every problem of every report listed; nothing stored", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "ProblemDetail")))
    @APIResponse(responseCode = "503", description = "Too many batches at once; nothing stored, retry after Retry-After seconds", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "ProblemDetail")))
    public Response submitBatch(@QueryParam("strict") @Parameter(description = "Refuse the batch when a rule warns", example = "false") boolean strict,
                                @HeaderParam("Content-Type") String contentType,
                                InputStream body) {
        // The body is read only once the gate lets the batch in: a waiting batch holds neither its text nor its JSON
        // tree (the connection holds the bytes back), nor a database connection, as the transaction begins after.
        // With an Idempotency-Key the bytes are kept, to tell a repeat from another batch under the same key.
        boolean keyed = writes.key() != null;
        return batchGate.run(() -> {
            byte[] sent = keyed ? readAll(body) : null;
            InputStream source = keyed ? new ByteArrayInputStream(sent) : body;
            return writes.run(sent, () -> Response.ok(new BatchResult(batch.submit(reader.tree(source, contentType), strict,
                    agency -> Callers.mayWriteReportsOf(caller, agency)))).build());
        });
    }

    private static byte[] readAll(InputStream body) {
        try {
            return body == null ? new byte[0] : body.readAllBytes();
        } catch (IOException e) {
            throw ApiProblem.badRequest("the body could not be read; nothing was stored: send it again",
                    List.of(new Problem("", "MALFORMED", null, "unreadable body", null)));
        }
    }

    /** The result of a validate-only call that found no errors. */
    @Schema(name = "ValidationResult")
    public record ValidationResult(@Schema(description = "True: no errors (warnings do not block)", example = "true") boolean valid,
                                   @Schema(description = "Rule warnings the report would be stored with") List<RuleWarning> warnings) {
    }

    @POST
    @Authenticated
    @Path("/reports:validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a report without storing it",
            description = "Errors answer 400/422 Problem Details, exactly as a submission would; otherwise the rule "
                    + "warnings. Give agencyId and year in the body to include the cross-year rules X1 and X2.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ReportSubmission")))
    public ValidationResult validateReport(@HeaderParam("Content-Type") String contentType, byte[] body) {
        return new ValidationResult(true, reports.validate(reader.text(body, contentType)));
    }

    private Integer yearOrProblem(String text, List<Problem> problems) {
        Problem wrong = PathParameters.yearProblem(text, "year", clock);
        if (wrong != null) {
            problems.add(wrong);
            return null;
        }
        return Integer.parseInt(text);
    }

    @GET
    @Path("/reports")
    @Operation(summary = "List reports (current versions)", description = "Filter by region subtree, sector, year, level and status; "
            + "paged like every listing: items with page, size and total, and a Link header to the first, previous, next and last pages.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)))
    public Response listReports(@QueryParam("region") @Parameter(description = "Region code; its whole subtree is listed", example = "640000") String region,
                           @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class), example = "EDUCATION") String sector,
                           @QueryParam("year") @Parameter(example = "2020", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String yearText,
                           @QueryParam("level") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"PROVINCE", "CITY", "COUNTY"}), description = "PROVINCE, CITY or COUNTY", example = "COUNTY") String level,
                           @QueryParam("status") @Parameter(description = "ACTIVE or WITHDRAWN", example = "ACTIVE") String status,
                           @QueryParam("page") @DefaultValue("0") @Parameter(example = "0") int page,
                           @QueryParam("size") @DefaultValue("50") @Parameter(example = "50") int size,
                           @Context UriInfo uri) {
        List<Problem> problems = new ArrayList<>();
        Integer year = yearText == null ? null : yearOrProblem(yearText, problems);
        if (sector != null && Sector.parse(sector).isEmpty()) {
            problems.add(new Problem("sector", "UNKNOWN_SECTOR", null, "valid sectors: " + Sector.validCodes(), sector));
        }
        if (level != null && java.util.Arrays.stream(AgencyLevel.values()).noneMatch(l -> l.name().equalsIgnoreCase(level))) {
            problems.add(new Problem("level", "UNKNOWN_LEVEL", null, "valid levels: PROVINCE, CITY, COUNTY", level));
        }
        if (status != null && !STATUSES.contains(status.toUpperCase())) {
            problems.add(new Problem("status", "UNKNOWN_STATUS", null, "valid statuses: ACTIVE, WITHDRAWN", status));
        }
        Paging.check(page, size, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("the listing's filters have " + problems.size() + " problem(s)", problems);
        }
        String prefix = region == null ? null : RegionPrefix.of(region);
        ReportPage found = query.list(new ReportQuery.Filter(prefix, sector == null ? null : sector.toUpperCase(), year,
                level == null ? null : level.toUpperCase(), status == null ? null : status.toUpperCase()), page, size);
        ReportPage visible = new ReportPage(found.items().stream().map(r -> Callers.seesWarnings(caller, r.agencyId(), r.regionCode())
                ? r : r.withoutWarnings()).toList(), found.page(), found.size(), found.total());
        return Response.ok(visible).header("Link", Paging.links(uri.getRequestUri(), page, size, found.total())).build();
    }
}
