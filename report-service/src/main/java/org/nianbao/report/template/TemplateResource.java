package org.nianbao.report.template;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nianbao.model.rules.IndicatorDefinition;
import org.nianbao.model.rules.RuleDefinition;
import org.nianbao.model.template.Section;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.report.problem.ApiProblem;

/** Serves the report formats from the catalog, so that dashboards and integrators can build forms from them. */
@Path("/api/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "The national report formats: cells, groups, cross-check rules and indicators")
public class TemplateResource {

    private final TemplateCatalog catalog = TemplateCatalog.standard();

    /** The whole catalog. */
    public record CatalogView(List<Section> sections, List<Template> templates, List<RuleDefinition> rules,
                              List<IndicatorDefinition> indicators) {
    }

    /** One template with the rules that apply to it and the indicators every report has. */
    public record TemplateView(@JsonUnwrapped Template template, List<RuleDefinition> rules,
                               List<IndicatorDefinition> indicators) {
    }

    @GET
    @Operation(summary = "Every template, rule and indicator")
    public CatalogView all() {
        return new CatalogView(catalog.sections(), catalog.templates(), catalog.rules(), catalog.indicators());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One template: its tables (rows × columns with cell codes, labels and kinds), groups, rules and indicators")
    public TemplateView one(@PathParam("id") @Parameter(example = "GOV_2021") String id) {
        Template template = catalog.find(id).orElseThrow(() -> ApiProblem.notFound(
                "no template " + id + "; valid: " + catalog.templates().stream().map(Template::id).toList()));
        List<RuleDefinition> rules = catalog.rules().stream()
                .filter(r -> r.equation() == null || r.appliesTo(template)).toList();
        return new TemplateView(template, rules, catalog.indicators());
    }
}
