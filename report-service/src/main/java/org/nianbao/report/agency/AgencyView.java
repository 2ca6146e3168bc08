package org.nianbao.report.agency;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nianbao.model.event.RegionRef;

@Schema(name = "Agency", description = "A registered agency")
public record AgencyView(
        @Schema(example = "edu-610600") String id,
        @Schema(example = "延安市教育局") String name,
        @Schema(example = "610600") String regionCode,
        @Schema(description = "The region and its ancestors, nearest first") List<RegionRef> regionPath,
        @Schema(example = "EDUCATION") String sector,
        @Schema(description = "PROVINCE, CITY or COUNTY, from the region", example = "CITY") String level,
        @Schema(example = "true") boolean active,
        @Schema(description = "Increases with every change", example = "1") long revision,
        @Schema(example = "2026-01-15T08:00:00Z") OffsetDateTime updatedAt) {
}
