package org.nianbao.report.agency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to register or change an agency. */
@Schema(name = "AgencyInput", description = "An agency to register or update. The level follows from the region.")
public record AgencyInput(
        @Schema(description = "Stable id; generated from sector and region when omitted on create "
                + "(lower-case letters, digits and '-', 2–64 characters)", example = "edu-610600")
        String id,
        @Schema(description = "The agency's official name", example = "延安市教育局", required = true)
        String name,
        @Schema(description = "GB/T 2260 code of the agency's region (6 digits)", example = "610600", required = true)
        String regionCode,
        @Schema(description = "Sector code", example = "EDUCATION", required = true)
        String sector,
        @Schema(description = "False retires the agency: it is then no longer expected to report", example = "true")
        Boolean active) {
}
