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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nianbao.model.region.Region;
import org.nianbao.model.validation.Problem;

/** One region's totals, drill-down, trend, completeness and quality. JSON, or CSV with Accept: text/csv. */
@Path("/api/v1/regions/{code}")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Regions", description = "Regional roll-ups: a county's bureau counts in its city, province and the country")
public class RegionResource {

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
    @Operation(summary = "Expected, submitted and on-time reports, with the missing and late agencies")
    public OversightViews.Completeness completeness(@PathParam("code") @Parameter(example = "640000") String code,
                                                    @QueryParam("year") @Parameter(required = true, example = "2023", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String year,
                                                    @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class), example = "EDUCATION") String sector) throws SQLException {
        RegionYear q = RegionYear.parse(code, sector, year);
        return oversight.completeness(q.region(), q.sector(), q.year());
    }

    @GET
    @Path("/quality")
    @RolesAllowed({Callers.OVERSEER, Callers.ADMIN})
    @Operation(summary = "Rule warnings by rule, the reports with the most, and cross-year mismatches (X1, X2)")
    public OversightViews.Quality quality(@PathParam("code") @Parameter(example = "430000") String code,
                                          @QueryParam("year") @Parameter(required = true, example = "2023", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String year,
                                          @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class), example = "EDUCATION") String sector) throws SQLException {
        RegionYear q = RegionYear.parse(code, sector, year);
        Callers.requireOverseerOf(caller, q.region().code());
        return oversight.quality(q.region(), q.sector(), q.year());
    }

    /** The region, sector and year most region queries take, checked together. */
    private record RegionYear(Region region, String sector, int year) {
        static RegionYear parse(String code, String sector, String year) {
            QueryParams p = new QueryParams();
            Region region = p.region(code, "code");
            String s = p.sector(sector);
            int y = p.year(year, "year");
            p.done();
            return new RegionYear(region, s, y);
        }
    }
}
