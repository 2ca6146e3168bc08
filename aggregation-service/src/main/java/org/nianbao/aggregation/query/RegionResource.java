package org.nianbao.aggregation.query;

import org.nianbao.model.agency.Sector;
import org.nianbao.service.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Year;
import java.util.Set;
import org.nianbao.aggregation.web.CsvWriter;
import org.nianbao.aggregation.web.XlsxWriter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nianbao.model.region.Region;
import org.nianbao.model.validation.Problem;

/** One region's totals, drill-down, trend, completeness and quality. JSON, CSV or a spreadsheet, as the Accept header asks. */
@Path("/api/v1/regions/{code}")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV, XlsxWriter.XLSX})
@Tag(name = "Regions", description = "Regional roll-ups: a county's bureau counts in its city, province and the country")
public class RegionResource {

    private static final int MAX_RULES = 50;

    private final RollupQueries rollups;
    private final OversightQueries oversight;
    private final SecurityIdentity caller;

    RegionResource(RollupQueries rollups, OversightQueries oversight, SecurityIdentity caller) {
        this.rollups = rollups;
        this.oversight = oversight;
        this.caller = caller;
    }

    @GET
    @Path("/totals")
    @Operation(summary = "Every cell total, the indicators and the report count of a region")
    public Views.Totals totals(@PathParam("code") @Parameter(description = "Division code; 000000 is the country", example = "620000") String code,
                               @QueryParam("year") @Parameter(required = true, example = "2023", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String year,
                               @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class), description = "Default EDUCATION", example = "EDUCATION") String sector,
                               @QueryParam("level") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"ALL", "PROVINCE", "CITY", "COUNTY"}), description = "ALL (default), PROVINCE, CITY or COUNTY: which agencies count", example = "ALL") String level)
            throws SQLException {
        QueryParams p = new QueryParams();
        Region region = p.region(code, "code");
        String s = p.sector(sector);
        int y = p.year(year, "year");
        String l = p.level(level);
        p.done();
        return rollups.totals(region, s, l, y);
    }

    @GET
    @Path("/breakdown")
    @Operation(summary = "One metric by child region, and by agency sitting directly in the region")
    public Views.Breakdown breakdown(@PathParam("code") @Parameter(example = "620000") String code,
                                     @QueryParam("year") @Parameter(required = true, example = "2023", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String year,
                                     @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class), example = "EDUCATION") String sector,
                                     @QueryParam("metric") @Parameter(description = "A cell or group code, or an indicator", example = "requests.newReceived.total") String metric)
            throws SQLException {
        QueryParams p = new QueryParams();
        Region region = p.region(code, "code");
        String s = p.sector(sector);
        int y = p.year(year, "year");
        MetricRef m = p.metric(metric, "metric");
        p.done();
        return rollups.breakdown(region, s, y, m);
    }

    @GET
    @Path("/trend")
    @Operation(summary = "One metric per year, with change and percent change")
    public Views.Trend trend(@PathParam("code") @Parameter(example = "620000") String code,
                             @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class), example = "EDUCATION") String sector,
                             @QueryParam("metric") @Parameter(example = "disclosureRate") String metric,
                             @QueryParam("from") @Parameter(description = "First year (default: 5 years before 'to')", example = "2019", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String from,
                             @QueryParam("to") @Parameter(description = "Last year (default: last year)", example = "2024", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String to,
                             @QueryParam("level") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"ALL", "PROVINCE", "CITY", "COUNTY"}), example = "ALL") String level) throws SQLException {
        QueryParams p = new QueryParams();
        Region region = p.region(code, "code");
        String s = p.sector(sector);
        MetricRef m = p.metric(metric, "metric");
        String l = p.level(level);
        int last = to == null ? p.yearInRange(Year.now().getValue() - 1, "to") : p.year(to, "to");
        int first = from == null ? p.yearInRange(Math.max(QueryParams.FIRST_YEAR, last - 5), "from") : p.year(from, "from");
        if (first > last || last - first > 30) {
            p.add(new Problem("from", "OUT_OF_RANGE", null, "from must not be after to, and span at most 30 years", from));
        }
        p.done();
        return rollups.trend(region, s, l, m, first, last);
    }

    @GET
    @Path("/completeness")
    @Operation(summary = "Expected, submitted and on-time reports, with the missing and late agencies a page at a time",
            description = "The figures cover the whole region; the agencies missing (first) and late are paged like every "
                    + "listing: items with page, size and total, and a Link header to the first, previous, next and last pages.")
    public OversightViews.Completeness completeness(
            @PathParam("code") @Parameter(example = "640000") String code,
            @QueryParam("year") @Parameter(required = true, example = "2023", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String year,
            @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class), example = "EDUCATION") String sector,
            @QueryParam("status") @Parameter(description = "MISSING or LATE: list only those (default both)", schema = @Schema(type = SchemaType.STRING, enumeration = {"MISSING", "LATE"}), example = "LATE") String status,
            @QueryParam("page") @Parameter(description = "From 0 (default 0)", example = "0", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(description = "1–1000 (default 100)", example = "100", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size)
            throws SQLException {
        QueryParams p = new QueryParams();
        RegionYear q = RegionYear.parse(p, code, sector, year);
        if (status != null && !status.equals(OversightQueries.MISSING) && !status.equals(OversightQueries.LATE)) {
            p.add(new Problem("status", "UNKNOWN_STATUS", null, "MISSING or LATE", status));
        }
        PageRequest listed = p.page(page, size);
        p.done();
        return oversight.completeness(q.region(), q.sector(), q.year(), status, listed);
    }

    @GET
    @Path("/quality")
    @RolesAllowed({Callers.OVERSEER, Callers.ADMIN})
    @Operation(summary = "Rule warnings by rule, and the reports with warnings (most first) a page at a time",
            description = "The figures cover the whole region; the reports are paged like every listing: items with page, size "
                    + "and total, and a Link header to the first, previous, next and last pages. rules=X1,X2 lists the "
                    + "cross-year mismatches.")
    public OversightViews.Quality quality(
            @PathParam("code") @Parameter(example = "430000") String code,
            @QueryParam("year") @Parameter(required = true, example = "2023", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String year,
            @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class), example = "EDUCATION") String sector,
            @QueryParam("rules") @Parameter(explode = Explode.FALSE, schema = @Schema(type = SchemaType.ARRAY, implementation = String.class), description = "Comma-separated rule ids: list only reports with a warning of these, and only those warnings", example = "[\"X1\", \"X2\"]") String rules,
            @QueryParam("page") @Parameter(description = "From 0 (default 0)", example = "0", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(description = "1–1000 (default 100)", example = "20", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size)
            throws SQLException {
        QueryParams p = new QueryParams();
        RegionYear q = RegionYear.parse(p, code, sector, year);
        Set<String> ruleIds = rules == null ? Set.of() : Set.copyOf(p.list(rules, "rules", MAX_RULES));
        PageRequest listed = p.page(page, size);
        p.done();
        Callers.requireOverseerOf(caller, q.region().code());
        return oversight.quality(q.region(), q.sector(), q.year(), ruleIds, listed);
    }

    /** The region, sector and year most region queries take, checked together. */
    private record RegionYear(Region region, String sector, int year) {
        static RegionYear parse(QueryParams p, String code, String sector, String year) {
            return new RegionYear(p.region(code, "code"), p.sector(sector), p.year(year, "year"));
        }
    }
}
