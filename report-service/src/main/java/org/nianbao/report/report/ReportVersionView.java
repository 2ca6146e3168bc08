package org.nianbao.report.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SortedSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nianbao.model.rules.RuleWarning;

/** One version of a report as the API returns it: the submission format plus its metadata. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReportVersion", description = "One immutable version of an agency's annual report. Cells use the "
        + "canonical codes as nested fields (see GET /api/v1/templates/{id}); a blank cell is absent, never 0.")
public record ReportVersionView(
        @Schema(example = "edu-610600") String agencyId,
        @Schema(example = "延安市教育局") String agencyName,
        @Schema(example = "610600") String regionCode,
        @Schema(example = "EDUCATION") String sector,
        @Schema(example = "CITY") String level,
        @Schema(example = "2019") int year,
        @Schema(description = "1, 2, … in order of acceptance", example = "2") int version,
        @Schema(nullable = true, description = "The version this one replaced", example = "1") Integer previousVersion,
        @Schema(description = "ACTIVE, or WITHDRAWN for the version that withdrew the report", example = "ACTIVE") String status,
        @Schema(example = "GOV_2019") String template,
        @Schema(nullable = true, description = "When the agency published the report", example = "2020-01-20") LocalDate publishedOn,
        @Schema(description = "When this version was accepted", example = "2020-01-21T09:30:00Z") OffsetDateTime submittedAt,
        @Schema(description = "一、总体情况", example = "2019年,我局按照“依法公开、突出重点、注重实效”的原则……") String overview,
        @Schema(ref = "ActiveDisclosureCells") ObjectNode activeDisclosure,
        @Schema(ref = "RequestCells") ObjectNode requests,
        @Schema(ref = "ReviewLitigationCells") ObjectNode reviewLitigation,
        @Schema(description = "五、存在的主要问题及改进情况", example = "一是网站架构和页面布局陈旧……") String problems,
        @Schema(description = "六、其他需要报告的事项", example = "无") String otherMatters,
        @Schema(description = "Cells the submitter sent explicitly as null (blank)") SortedSet<String> blankCells,
        @Schema(description = "Number of filled cells", example = "198") int filledCells,
        @Schema(nullable = true, description = "Cross-check rule warnings (R1–R4, X1, X2, T1) stored with this version; shown to the "
                + "agency, the overseers of its region and admins only") List<RuleWarning> warnings) {

    /** The published report without the oversight detail. */
    public ReportVersionView withoutWarnings() {
        return new ReportVersionView(agencyId, agencyName, regionCode, sector, level, year, version, previousVersion, status,
                template, publishedOn, submittedAt, overview, activeDisclosure, requests, reviewLitigation, problems,
                otherMatters, blankCells, filledCells, null);
    }
}
