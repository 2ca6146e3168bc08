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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nianbao.importer.ImportException;
import org.nianbao.importer.ImportLimitException;
import org.nianbao.importer.document.DocumentException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.nianbao.model.problem.ProblemDetail;
import org.nianbao.model.validation.Problem;
import org.nianbao.model.agency.AgencyId;
import org.nianbao.report.agency.PathParameters;
import org.nianbao.report.idempotency.IdempotentWrites;
import org.nianbao.service.problem.ApiProblem;
import org.nianbao.service.security.Callers;

@Path("/api/v1/reports:import")
@Tag(name = "Reports")
public class ImportResource {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String DOC = "application/msword";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String XLS = "application/vnd.ms-excel";

    /** After a timeout the service was busy or the document is very slow to read: a later try may pass. */
    private static final int TIMEOUT_RETRY_AFTER_SECONDS = 30;

    private final ImportService imports;
    private final SecurityIdentity caller;
    private final Clock clock;
    private final IdempotentWrites writes;

    ImportResource(ImportService imports, SecurityIdentity caller, Clock clock, IdempotentWrites writes) {
        this.imports = imports;
        this.caller = caller;
        this.clock = clock;
        this.writes = writes;
    }

    @POST
    @RolesAllowed({Callers.SUBMITTER, Callers.ADMIN})
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, PDF, DOCX, DOC, XLSX, XLS, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a published report (PDF, Word, Excel, HTML or text) into the submission format",
            description = "Detects the template, the agency and the year; reads every table cell it is sure of and reports "
                    + "what it could not place. With ?submit=true it also stores the report as a new version. The body is "
                    + "the document itself with its media type (application/octet-stream: the format is told by the bytes; "
                    + "text in any charset, e.g. text/html; charset=GBK), or multipart/form-data with one part named file.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    example = "盐池县教育体育局 2020 年 政府信息公开工作年度报告\n一、总体情况\n…")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    example = "<html><body><h1>盐池县教育体育局2020年政府信息公开工作年度报告</h1><table>…</table></body></html>")),
            @Content(mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = DOCX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = DOC, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLS, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = ImportUpload.class))})
    @APIResponse(responseCode = "200", description = "Read (not stored)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportOutcome.class)))
    @APIResponse(responseCode = "201", description = "Read and stored as the first version", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportOutcome.class)))
    @APIResponse(responseCode = "413", description = "The document is larger than nianbao.import.max-document-bytes (PDF, Word, Excel) or its text larger than nianbao.import.max-bytes; nothing was read or stored", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "415", description = "Not a PDF, Word, Excel, HTML or text document (an image, an archive, …); nothing was read or stored", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "422", description = "Not a report, a PDF without a text layer (a scan), a damaged or password-protected document, text in no known charset, beyond an import limit (tables, rows, columns, cells, spans; the detail names it), or with ?submit=true missing its agency or year; nothing was stored", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "503", description = "Busy: reading the document took longer than nianbao.import.timeout, or the service is unavailable; nothing was stored; try again later (Retry-After)", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response importReport(@QueryParam("submit") @Parameter(description = "Also store the report", example = "false") boolean submit,
                                 @QueryParam("agencyId") @Parameter(description = "The agency, when the text names it otherwise", example = "edu-640323") String agencyId,
                                 @QueryParam("agencyName") @Parameter(description = "The agency's name, when the text names none "
                                         + "(e.g. read from the file name): the registered agency of exactly that name is used",
                                         example = "盐池县教育体育局") String agencyName,
                                 @QueryParam("year") @Parameter(description = "The report year, when the text does not give it", example = "2020",
                                         schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int32")) String yearText,
                                 @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
                                 byte[] body) {
        return importDocument(submit, agencyId, agencyName, yearText, body, contentType, null);
    }

    /** The same import, the document sent as the part "file" of a form (its file name and content type help tell the format). */
    @POST
    @RolesAllowed({Callers.SUBMITTER, Callers.ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response importUpload(@QueryParam("submit") boolean submit, @QueryParam("agencyId") String agencyId,
                                 @QueryParam("agencyName") String agencyName, @QueryParam("year") String yearText, @RestForm("file") FileUpload file) {
        if (file == null) {
            queryParameters(agencyId, yearText);
            throw ApiProblem.invalid("the form has no file; send the report as the part named file (curl -F file=@report.pdf); nothing was stored",
                    List.of(new Problem("file", Problem.REQUIRED, null, "the report document", null)));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return importDocument(submit, agencyId, agencyName, yearText, bytes, file.contentType(), file.fileName());
    }

    /** The multipart form of an upload, for the API description. */
    @Schema(name = "ImportUpload", description = "A report document sent as a form")
    public record ImportUpload(@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
            description = "The document: PDF, Word, Excel, HTML or text; its file name and content type help tell the format") String file) {
    }

    private Response importDocument(boolean submit, String agencyId, String agencyName, String yearText, byte[] body,
                                    String mediaType, String fileName) {
        Integer year = queryParameters(agencyId, yearText);
        ImportOutcome outcome;
        try {
            outcome = imports.read(body, mediaType, fileName, agencyId, agencyName, year);
        } catch (DocumentException e) {
            throw unreadableDocument(e);
        } catch (ImportLimitException e) {
            throw limitMet(e);
        } catch (ImportException e) {
            throw new ApiProblem(ProblemDetail.of(422, "unreadable-report", "The text could not be read as a report",
                    e.getMessage() + " Nothing was stored."));
        }
        boolean unknownAgency = agencyId != null && !imports.isRegistered(agencyId);
        if (!submit) {
            if (unknownAgency) {
                throw ApiProblem.notFound("no agency " + agencyId + "; register it with POST /api/v1/agencies first");
            }
            return Response.ok(outcome).build();
        }
        List<Problem> problems = storingProblems(outcome, unknownAgency);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid("the report was read but cannot be stored; nothing was stored", problems);
        }
        Callers.requireAgency(caller, outcome.agencyId());
        // a retried import with the same Idempotency-Key and document is read again, then answered as the first time
        return writes.run(body, () -> {
            ImportService.Stored stored = imports.submit(outcome);
            return (stored.created() ? Response.created(URI.create("/api/v1/agencies/" + outcome.agencyId() + "/reports/" + outcome.year()))
                    : Response.ok()).entity(stored.outcome()).tag(new jakarta.ws.rs.core.EntityTag("v" + stored.outcome().stored().version())).build();
        });
    }

    /** Everything that keeps a read report from being stored, all at once. */
    private static List<Problem> storingProblems(ImportOutcome outcome, boolean unknownAgency) {
        List<Problem> problems = new ArrayList<>();
        if (unknownAgency) {
            problems.add(new Problem("agencyId", "UNKNOWN_AGENCY", null, "no agency " + outcome.agencyId()
                    + " is registered; register it with POST /api/v1/agencies first", outcome.agencyId()));
        } else if (outcome.agencyId() == null) {
            problems.add(new Problem("agencyId", Problem.REQUIRED, null, outcome.agencyName() == null
                    ? "the text names no agency; pass ?agencyId="
                    : "no registered agency is named " + outcome.agencyName() + "; pass ?agencyId= or register it",
                    outcome.agencyName()));
        }
        if (outcome.year() == null) {
            problems.add(new Problem("year", Problem.REQUIRED, null, "the text gives no report year; pass ?year=", null));
        }
        return problems;
    }

    /** A document the reader cannot turn into text: 415 for another format, 413 when too large, 422 otherwise. */
    private static ApiProblem unreadableDocument(DocumentException e) {
        String detail = e.getMessage() + " Nothing was stored.";
        return switch (e.reason()) {
            case UNSUPPORTED_FORMAT -> ApiProblem.unsupportedMediaType(detail, List.of());
            case TOO_LARGE -> new ApiProblem(ProblemDetail.of(413, "import-too-large", "The document is too large to import",
                    detail));
            case NO_TEXT_LAYER -> new ApiProblem(ProblemDetail.of(422, "no-text-layer", "The PDF has no text layer", detail));
            case UNDECODABLE, UNREADABLE -> new ApiProblem(ProblemDetail.of(422, "unreadable-document",
                    "The document could not be read", detail));
        };
    }

    /**
     * A document beyond the import limits: 413 when it is too large, 503 (try again later) when reading it took too
     * long, 422 naming the limit otherwise. Nothing was stored.
     */
    private static ApiProblem limitMet(ImportLimitException e) {
        String detail = e.getMessage() + " Nothing was stored. (limit: " + e.limit().setting() + ")";
        return switch (e.limit()) {
            case BYTES -> new ApiProblem(ProblemDetail.of(413, "import-too-large", "The document is too large to import",
                    detail));
            case TIME -> ApiProblem.busy(detail, TIMEOUT_RETRY_AFTER_SECONDS);
            default -> new ApiProblem(ProblemDetail.of(422, "import-limit", "The document is beyond the import limits",
                    detail));
        };
    }

    /** The agency and year given as query parameters, checked as a path's are (a fullwidth 2022 is no year); null when absent. */
    private Integer queryParameters(String agencyId, String yearText) {
        List<Problem> problems = new ArrayList<>();
        if (agencyId != null && !AgencyId.valid(agencyId)) {
            problems.add(new Problem("agencyId", Problem.INVALID_ID, null, AgencyId.RULE, agencyId));
        }
        Problem year = yearText == null ? null : PathParameters.yearProblem(yearText, "year", clock);
        if (year != null) {
            problems.add(year);
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("the query parameters are not valid; nothing was read or stored", problems);
        }
        return yearText == null ? null : Integer.valueOf(yearText);
    }
}
