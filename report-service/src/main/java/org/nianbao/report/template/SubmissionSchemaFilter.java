package org.nianbao.report.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.nianbao.model.template.CellDefinition;
import org.nianbao.model.template.CellKind;
import org.nianbao.model.template.Section;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.report.idempotency.IdempotencyKey;
import org.nianbao.report.report.ReportBatch;

/**
 * Writes the report schemas of the OpenAPI document from the template catalog: every cell of every template
 * as a nested field with its Chinese label, kind, templates and an example. The API docs thereby read the same
 * definition as the validator, and cannot drift from it.
 */
public class SubmissionSchemaFilter implements OASFilter {

    /** The component name of each numeric section's cells, shared by submissions and responses. */
    static final String IDEMPOTENCY_KEY = "IdempotencyKey";

    static final String TEMPLATE_ID = "TemplateId";

    static final Map<String, String> SECTION_SCHEMAS = Map.of(
            "activeDisclosure", "ActiveDisclosureCells",
            "requests", "RequestCells",
            "reviewLitigation", "ReviewLitigationCells");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        TemplateCatalog catalog = TemplateCatalog.standard();
        openAPI.getComponents().addSchema(TEMPLATE_ID, string("A report format of the catalog", "GOV_2019")
                .enumeration(catalog.templates().stream().map(t -> (Object) t.id()).toList()));
        templateParameters(openAPI);
        sectionSchemas(catalog).forEach(openAPI.getComponents()::addSchema);
        openAPI.getComponents().addSchema("ReportSubmission", submission(catalog));
        openAPI.getComponents().addSchema("ReportBatch", object("Many submissions at once (POST /api/v1/reports:batch),"
                + " each naming its agencyId and year")
                .addRequired("reports")
                .addProperty("reports", OASFactory.createSchema().addType(SchemaType.ARRAY).minItems(1)
                        .description("The reports: each stored as a new version, or none when any has a problem")
                        .maxItems(ReportBatch.MAX_REPORTS).items(OASFactory.createSchema().ref("ReportSubmission"))));
        openAPI.getComponents().addSchema("ProblemDetail", ProblemSchemas.problemDetail());
        idempotencyKeys(openAPI);
    }

    /** A path naming a template names one of the catalog's. */
    private static void templateParameters(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItem("/api/v1/templates/{id}") == null) {
            return;
        }
        Operation read = openAPI.getPaths().getPathItem("/api/v1/templates/{id}").getGET();
        read.getParameters().stream().filter(p -> "id".equals(p.getName()))
                .forEach(p -> p.schema(OASFactory.createSchema().ref(TEMPLATE_ID)));
    }

    /**
     * Every write takes an Idempotency-Key: one reusable header parameter, named by each write operation with the
     * answers a key adds (409 while the first request runs, 422 for a key reused with another request).
     */
    static void idempotencyKeys(OpenAPI openAPI) {
        openAPI.getComponents().addParameter(IDEMPOTENCY_KEY, OASFactory.createParameter()
                .name(IdempotencyKey.HEADER).in(Parameter.In.HEADER).required(false)
                .description("Makes a write safe to retry (IETF httpapi draft \"The Idempotency-Key HTTP Header Field\"): a "
                        + "unique string per write, e.g. a UUID, at most " + IdempotencyKey.MAX_LENGTH + " characters, "
                        + "quoted (RFC 8941) or not. A repeat with the same key, method, target and body within 24 h "
                        + "(nianbao.idempotency.keep) gets the first answer again (status, ETag, Location, body) and stores "
                        + "nothing; keys are the caller's own (the token's subject).")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING).maxLength(IdempotencyKey.MAX_LENGTH))
                .example("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.endsWith(":validate")) {
                return; // stores nothing
            }
            for (Operation operation : new Operation[] {item.getPUT(), item.getPOST(), item.getDELETE()}) {
                if (operation == null) {
                    continue;
                }
                operation.addParameter(OASFactory.createParameter().ref(IDEMPOTENCY_KEY));
                APIResponses responses = operation.getResponses();
                if (responses.getAPIResponse("409") == null) {
                    responses.addAPIResponse("409", problem("A request with the same Idempotency-Key is still in progress"
                            + (path.equals("/api/v1/agencies") ? ", or the agency exists" : "")
                            + (item.getDELETE() == operation ? ", or the report is already withdrawn" : "")));
                }
                if (responses.getAPIResponse("422") == null) {
                    responses.addAPIResponse("422", problem("Invalid input, or an Idempotency-Key first sent with another request"));
                }
            }
        });
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType("application/problem+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("ProblemDetail"))));
    }

    static Schema submission(TemplateCatalog catalog) {
        Schema root = object("An annual report in the submission format. Cell codes are the dotted paths of the "
                + "nested number fields (e.g. requests.outcome.withheld.stateSecret.naturalPerson). A null or missing "
                + "cell is blank, never 0.")
                .addRequired("template")
                .addProperty("template", OASFactory.createSchema().ref(TEMPLATE_ID).description("The report format"))
                .addProperty("agencyId", string("For validate-only: the agency, to run the cross-year rules; required in a batch", "edu-610600"))
                .addProperty("year", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("For validate-only: the report year (a PUT takes it from the path; required in a batch)")
                        .addExample(2019))
                .addProperty("publishedOn", string("The date the agency published the report", "2020-01-20").format("date"));
        for (Section section : catalog.sections()) {
            root.addProperty(section.code(), section.text()
                    ? string(section.number() + "、" + section.label() + " (text, at most 65,536 characters)", "无")
                            .addType(SchemaType.NULL)
                    : OASFactory.createSchema().ref(SECTION_SCHEMAS.get(section.code())));
        }
        return root;
    }

    /** One nested object schema per numeric section, covering the cells of every template. */
    static Map<String, Schema> sectionSchemas(TemplateCatalog catalog) {
        Map<String, CellDefinition> cells = new LinkedHashMap<>();
        Map<String, List<String>> templatesOfCell = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>(); // code of a row, group or block → printed label
        for (Template template : catalog.templates()) {
            for (CellDefinition cell : template.cells()) {
                cells.putIfAbsent(cell.code(), cell);
                templatesOfCell.computeIfAbsent(cell.code(), c -> new ArrayList<>()).add(template.id());
                labels.putIfAbsent(cell.section() + "." + cell.rowCode(), cell.rowLabel());
                int dot = cell.rowCode().indexOf('.');
                if (cell.block() != null && dot > 0) {
                    labels.putIfAbsent(cell.section() + "." + cell.rowCode().substring(0, dot), cell.block());
                }
            }
            template.groups().forEach(g -> labels.putIfAbsent(g.code(), g.label()));
        }
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (Section section : catalog.sections()) {
            if (section.text()) {
                continue;
            }
            Schema sectionSchema = object(section.number() + "、" + section.label());
            for (CellDefinition cell : cells.values()) {
                if (cell.section().equals(section.code())) {
                    String[] path = cell.code().substring(section.code().length() + 1).split("\\.");
                    place(sectionSchema, section.code(), path, leaf(cell, templatesOfCell.get(cell.code())), labels);
                }
            }
            schemas.put(SECTION_SCHEMAS.get(section.code()), sectionSchema);
        }
        return schemas;
    }

    private static void place(Schema parent, String section, String[] path, Schema leaf, Map<String, String> labels) {
        Schema node = parent;
        StringBuilder code = new StringBuilder(section);
        for (int i = 0; i < path.length - 1; i++) {
            code.append('.').append(path[i]);
            Schema child = node.getProperties() == null ? null : node.getProperties().get(path[i]);
            if (child == null) {
                child = object(labels.getOrDefault(code.toString(), "cells under " + code));
                node.addProperty(path[i], child);
            }
            node = child;
        }
        node.addProperty(path[path.length - 1], leaf);
    }

    private static Schema leaf(CellDefinition cell, List<String> templates) {
        String kind = switch (cell.kind()) {
            case COUNT -> "count, whole and ≥ 0";
            case CHANGE -> "signed change, whole";
            case AMOUNT -> "amount in " + (cell.unit() == null ? "万元" : cell.unit()) + ", decimal ≥ 0";
        };
        Schema schema = OASFactory.createSchema()
                .addType(cell.kind() == CellKind.AMOUNT ? SchemaType.NUMBER : SchemaType.INTEGER)
                .addType(SchemaType.NULL)
                .description(cell.label() + " (" + kind + "; " + String.join(", ", templates) + ")")
                .addExample(cell.kind() == CellKind.AMOUNT ? new BigDecimal("12.5") : cell.kind() == CellKind.CHANGE ? -1 : 3);
        return cell.kind() == CellKind.CHANGE ? schema : schema.minimum(BigDecimal.ZERO);
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description(description);
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description).addExample(example);
    }
}
