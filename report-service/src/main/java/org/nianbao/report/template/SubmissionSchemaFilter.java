package org.nianbao.report.template;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.nianbao.model.template.CellDefinition;
import org.nianbao.model.template.CellKind;
import org.nianbao.model.template.Section;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;

/**
 * Writes the {@code ReportSubmission} schema of the OpenAPI document from the template catalog: every cell
 * of every template as a nested field with its Chinese label, kind, templates and an example. The API docs
 * thereby read the same definition as the validator, and cannot drift from it.
 */
public class SubmissionSchemaFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("ReportSubmission", submission(TemplateCatalog.standard()));
        openAPI.getComponents().addSchema("ProblemDetail", ProblemSchemas.problemDetail());
    }

    static Schema submission(TemplateCatalog catalog) {
        Schema root = object("An annual report in the submission format. Cell codes are the dotted paths of the "
                + "nested number fields (e.g. requests.outcome.withheld.stateSecret.naturalPerson). A null or missing "
                + "cell is blank, never 0.")
                .addRequired("template")
                .addProperty("template", string("The report format", "GOV_2019")
                        .enumeration(catalog.templates().stream().map(t -> (Object) t.id()).toList()))
                .addProperty("agencyId", string("For validate-only: the agency, to run the cross-year rules", "edu-610600"))
                .addProperty("year", OASFactory.createSchema().addType(SchemaType.INTEGER)
                        .description("For validate-only: the report year (a submission takes it from the path)")
                        .addExample(2019))
                .addProperty("publishedOn", string("The date the agency published the report", "2020-01-20").format("date"));
        Map<String, CellDefinition> cells = new LinkedHashMap<>();
        Map<String, List<String>> templatesOfCell = new LinkedHashMap<>();
        for (Template template : catalog.templates()) {
            for (CellDefinition cell : template.cells()) {
                cells.putIfAbsent(cell.code(), cell);
                templatesOfCell.computeIfAbsent(cell.code(), c -> new java.util.ArrayList<>()).add(template.id());
            }
        }
        for (Section section : catalog.sections()) {
            if (section.text()) {
                root.addProperty(section.code(), string(section.number() + "、" + section.label()
                        + " (text, at most 65,536 characters)", "无").addType(SchemaType.NULL));
                continue;
            }
            Schema sectionSchema = object(section.number() + "、" + section.label());
            cells.values().stream().filter(c -> c.section().equals(section.code()))
                    .forEach(c -> place(sectionSchema, c.code().substring(section.code().length() + 1).split("\\."),
                            leaf(c, templatesOfCell.get(c.code()))));
            root.addProperty(section.code(), sectionSchema);
        }
        return root;
    }

    private static void place(Schema parent, String[] path, Schema leaf) {
        Schema node = parent;
        for (int i = 0; i < path.length - 1; i++) {
            Schema child = node.getProperties() == null ? null : node.getProperties().get(path[i]);
            if (child == null) {
                child = object(null);
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
                .description(cell.label() + " (" + kind + "; " + templates.stream().collect(Collectors.joining(", ")) + ")")
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
