package org.nianbao.model.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.nianbao.model.region.RegionLevel;

/** A region as carried in events, so a consumer needs no division list of its own to roll up. */
@Schema(description = "A region of the division tree")
public record RegionRef(@Schema(description = "GB/T 2260 division code (000000 for the country)", example = "610600") String code, @Schema(description = "Division name", example = "延安市") String name, @Schema(description = "COUNTRY, PROVINCE, PREFECTURE or COUNTY", example = "PREFECTURE") RegionLevel level) {
}
