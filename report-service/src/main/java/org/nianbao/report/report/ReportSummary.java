package org.nianbao.report.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportSummary", description = "A report's current version, as listed")
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record ReportSummary(
        @Schema(example = "edu-640323") String agencyId,
        @Schema(example = "盐池县教育体育局") String agencyName,
        @Schema(example = "640323") String regionCode,
        @Schema(example = "EDUCATION") String sector,
        @Schema(example = "COUNTY") String level,
        @Schema(example = "2020") int year,
        @Schema(example = "1") int version,
        @Schema(example = "ACTIVE") String status,
        @Schema(example = "GOV_2019") String template,
        @Schema(nullable = true, example = "2021-01-28") LocalDate publishedOn,
        @Schema(example = "2021-01-28T10:00:00Z") OffsetDateTime submittedAt,
        @Schema(nullable = true, description = "How many rule warnings the version has; for the agency, its overseers and admins only",
                example = "0") Integer warnings) {

    ReportSummary withoutWarnings() {
        return new ReportSummary(agencyId, agencyName, regionCode, sector, level, year, version, status, template,
                publishedOn, submittedAt, null);
    }
}
