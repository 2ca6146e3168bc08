package org.nianbao.aggregation.query;

import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.nianbao.model.agency.Sector;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.nianbao.aggregation.web.CsvWriter;
import org.nianbao.aggregation.web.XlsxWriter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nianbao.model.region.Region;
import org.nianbao.model.validation.Problem;

@Path("/api/v1")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV, XlsxWriter.XLSX})
@Tag(name = "Comparisons", description = "Side by side, rankings")
public class CompareResource {

    private static final int MAX_COMPARED = 50;
    private static final int MAX_METRICS = 20;

    private final RollupQueries rollups;

    CompareResource(RollupQueries rollups) {
        this.rollups = rollups;
    }

    @GET
    @Path("/compare")
    @Operation(summary = "Regions or agencies side by side, with differences (against the first) and shares")
    public Views.Comparison compare(@QueryParam("regions") @Parameter(explode = Explode.FALSE, schema = @Schema(type = SchemaType.ARRAY, implementation = String.class), description = "Comma-separated region codes", example = "[\"620000\", \"640000\"]") String regions,
                                    @QueryParam("agencies") @Parameter(explode = Explode.FALSE, schema = @Schema(type = SchemaType.ARRAY, implementation = String.class), description = "Comma-separated agency ids (instead of regions)", example = "[\"edu-610600\", \"edu-140700\"]") String agencies,
                                    @QueryParam("year") @Parameter(required = true, example = "2023", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String year,
                                    @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class), example = "EDUCATION") String sector,
                                    @QueryParam("level") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"ALL", "PROVINCE", "CITY", "COUNTY"}), description = "For regions: ALL, PROVINCE, CITY or COUNTY", example = "ALL") String level,
                                    @QueryParam("metrics") @Parameter(explode = Explode.FALSE, schema = @Schema(type = SchemaType.ARRAY, implementation = String.class), description = "Comma-separated cell/group codes or indicators", example = "[\"requests.newReceived.total\", \"disclosureRate\"]") String metrics)
            throws SQLException {
        QueryParams p = new QueryParams();
        String s = p.sector(sector);
        int y = p.year(year, "year");
        String l = p.level(level);
        List<MetricRef> m = p.list(metrics, "metrics", MAX_METRICS).stream().map(code -> p.metric(code, "metrics"))
                .filter(Objects::nonNull).toList();
        if ((regions == null) == (agencies == null)) {
            p.add(new Problem("regions", "REQUIRED", null, "give either regions=… or agencies=…", null));
            p.done();
        }
        if (agencies != null) {
            List<String> ids = p.list(agencies, "agencies", MAX_COMPARED);
            p.done();
            return rollups.compareAgencies(ids, s, y, m);
        }
        List<Region> compared = p.list(regions, "regions", MAX_COMPARED).stream().map(code -> p.region(code, "regions")).toList();
        p.done();
        return rollups.compareRegions(compared, s, l, y, m);
    }

    @GET
    @Path("/rankings")
    @Operation(summary = "Child regions, or agencies of one level, ranked by an indicator or metric")
    public Views.Ranking rankings(@QueryParam("parent") @Parameter(description = "The region whose children (or agencies) are ranked; default the country", example = "620000") String parent,
                                  @QueryParam("level") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"PROVINCE", "CITY", "COUNTY"}), description = "Rank agencies of this level (PROVINCE, CITY, COUNTY) in the parent's subtree; omit to rank child regions", example = "COUNTY") String level,
                                  @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class), example = "EDUCATION") String sector,
                                  @QueryParam("year") @Parameter(required = true, example = "2023", schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String year,
                                  @QueryParam("indicator") @Parameter(description = "An indicator or a cell/group code", example = "disclosureRate") String indicator,
                                  @QueryParam("order") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"desc", "asc"}), description = "desc (default) or asc", example = "desc") String order,
                                  @QueryParam("limit") @Parameter(description = "1–1000, default 20", example = "20") Integer limit) throws SQLException {
        QueryParams p = new QueryParams();
        Region region = p.region(parent == null ? Region.COUNTRY_CODE : parent, "parent");
        String s = p.sector(sector);
        int y = p.year(year, "year");
        MetricRef m = p.metric(indicator, "indicator");
        String agencyLevel = level == null ? null : p.level(level);
        if ("ALL".equals(agencyLevel)) {
            agencyLevel = null;
        }
        if (order != null && !order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
            p.add(new Problem("order", "UNKNOWN_ORDER", null, "asc or desc", order));
        }
        int n = limit == null ? 20 : limit;
        if (n < 1 || n > 1000) {
            p.add(new Problem("limit", "OUT_OF_RANGE", null, "1 to 1000", limit));
        }
        p.done();
        return rollups.rank(region, agencyLevel, s, y, m, order == null || order.equalsIgnoreCase("desc"), n);
    }
}
