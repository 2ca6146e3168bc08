package org.nianbao.report.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nianbao.service.web.EntityTags;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nianbao.model.rules.IndicatorDefinition;
import org.nianbao.model.rules.RuleDefinition;
import org.nianbao.model.template.Section;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.service.problem.ApiProblem;

/** Serves the report formats from the catalog, so that dashboards and integrators can build forms from them. */
@Path("/api/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "The national report formats: cells, groups, cross-check rules and indicators")
public class TemplateResource {

    /** Templates change only with a release: an hour's reuse without asking, then revalidation. */
    static final String CACHE_CONTROL = "public, max-age=3600";

    private final TemplateCatalog catalog = TemplateCatalog.standard();
    private final Map<String, byte[]> written = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    TemplateResource(ObjectMapper json) {
        this.json = json;
    }

    /** The whole catalog. */
    @Schema(name = "TemplateCatalog", description = "Every template, rule and indicator")
    public record CatalogView(@Schema(description = "The six sections of every report") List<Section> sections,
                              @Schema(description = "GOV_2019, GOV_2021 and LEGACY") List<Template> templates,
                              @Schema(description = "Cross-check rules R1–R5, X1, X2 and T1") List<RuleDefinition> rules,
                              @Schema(description = "Derived indicators") List<IndicatorDefinition> indicators) {
    }

    /** One template with the rules that apply to it and the indicators every report has. */
    @Schema(name = "TemplateDocument", description = "A template with the rules that apply to it and the indicators")
    public record TemplateView(@JsonUnwrapped Template template,
                               @Schema(description = "Rules that apply to reports of this template") List<RuleDefinition> rules,
                               @Schema(description = "Derived indicators, per report and per aggregate") List<IndicatorDefinition> indicators) {
    }

    @GET
    @Operation(summary = "Every template, rule and indicator",
            description = "Fixed for a release: cached for an hour (Cache-Control), then revalidated with the ETag (If-None-Match: 304).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogView.class)))
    @APIResponse(responseCode = "304", description = "The catalog named in If-None-Match is still the current one")
    public Response listTemplates(@HeaderParam("If-None-Match") @Parameter(description = "The ETag you hold", example = "W/\"3q2-7w\"") String ifNoneMatch) {
        return cached(ifNoneMatch, "", () -> new CatalogView(catalog.sections(), catalog.templates(), catalog.rules(), catalog.indicators()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One template: its tables (rows × columns with cell codes, labels and kinds), groups, rules and indicators",
            description = "Cached for an hour, then revalidated with the ETag, as the catalog.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "304", description = "The template named in If-None-Match is still the current one")
    public Response getTemplate(@PathParam("id") @Parameter(example = "GOV_2021") String id,
                                @HeaderParam("If-None-Match") @Parameter(description = "The ETag you hold", example = "W/\"3q2-7w\"") String ifNoneMatch) {
        Template template = catalog.find(id).orElseThrow(() -> ApiProblem.notFound(
                "no template " + id + "; valid: " + catalog.templates().stream().map(Template::id).toList()));
        return cached(ifNoneMatch, template.id(), () -> {
            List<RuleDefinition> rules = catalog.rules().stream()
                    .filter(r -> r.equation() == null || r.appliesTo(template)).toList();
            return new TemplateView(template, rules, catalog.indicators());
        });
    }

    /** The catalog never changes while the service runs: each answer is written once, and tagged by its bytes. */
    private Response cached(String ifNoneMatch, String key, Supplier<Object> view) {
        byte[] body = written.computeIfAbsent(key, k -> {
            try {
                return json.writeValueAsBytes(view.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return EntityTags.answer(ifNoneMatch, EntityTags.weakOf(body), body, CACHE_CONTROL, null);
    }
}
