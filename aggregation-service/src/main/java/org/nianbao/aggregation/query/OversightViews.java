package org.nianbao.aggregation.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nianbao.aggregation.web.Tabular;
import org.nianbao.model.event.RegionRef;
import org.nianbao.model.rules.RuleWarning;

/** The answers of the completeness and quality APIs. */
public final class OversightViews {

    private OversightViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgencyStatus", description = "An agency that has not reported, or reported late")
    public record AgencyStatus(@Schema(example = "edu-620100") String agencyId,
                               @Schema(example = "兰州市教育局") String name,
                               @Schema(example = "620100") String regionCode,
                               @Schema(example = "CITY") String level,
                               @Schema(nullable = true, description = "The publication date the report gives", example = "2024-02-15") LocalDate publishedOn,
                               @Schema(nullable = true, description = "Days after the 31 January deadline", example = "15") Long daysLate) {
    }

    @Schema(name = "Completeness", description = "Who was expected to report, who did, and who did on time")
    public record Completeness(@Schema(description = "The region") RegionRef region,
                               @Schema(example = "EDUCATION") String sector,
                               @Schema(example = "2023") int year,
                               @Schema(description = "The publication deadline: 31 January of the next year", example = "2024-01-31") LocalDate deadline,
                               @Schema(description = "Active agencies registered in the region's subtree", example = "120") int expected,
                               @Schema(description = "Of those, agencies with a current report", example = "110") int submitted,
                               @Schema(description = "Of those, published by the deadline", example = "95") int onTime,
                               @Schema(nullable = true, description = "submitted / expected; null when none is expected", example = "0.916667") BigDecimal submissionRate,
                               @Schema(nullable = true, description = "onTime / expected; null when none is expected", example = "0.791667") BigDecimal onTimeRate,
                               @Schema(description = "Expected agencies without a current report") List<AgencyStatus> missing,
                               @Schema(description = "Agencies whose report was published after the deadline") List<AgencyStatus> late) implements Tabular {
        @Override
        public List<String> csvHeader() {
            return List.of("status", "agencyId", "name", "regionCode", "level", "publishedOn", "daysLate");
        }

        @Override
        public List<List<Object>> csvRows() {
            List<List<Object>> rows = new ArrayList<>();
            missing.forEach(a -> rows.add(java.util.Arrays.asList("MISSING", a.agencyId(), a.name(), a.regionCode(), a.level(), null, null)));
            late.forEach(a -> rows.add(java.util.Arrays.asList("LATE", a.agencyId(), a.name(), a.regionCode(), a.level(), a.publishedOn(), a.daysLate())));
            return rows;
        }
    }

    @Schema(name = "ReportWarnings", description = "A report and its rule warnings")
    public record ReportWarnings(@Schema(example = "edu-430602") String agencyId,
                                 @Schema(example = "岳阳楼区教育局") String name,
                                 @Schema(example = "430602") String regionCode,
                                 @Schema(example = "2023") int year,
                                 @Schema(example = "3") int version,
                                 @Schema(description = "How many warnings", example = "4") int count,
                                 @Schema(description = "The warnings") List<RuleWarning> warnings) {
    }

    @Schema(name = "Quality", description = "Where the numbers break the cross-check rules")
    public record Quality(@Schema(description = "The region") RegionRef region,
                          @Schema(example = "EDUCATION") String sector,
                          @Schema(example = "2023") int year,
                          @Schema(description = "Current reports in the subtree", example = "110") int reports,
                          @Schema(description = "Reports with at least one warning", example = "23") int reportsWithWarnings,
                          @Schema(description = "Warnings counted by rule id") Map<String, Integer> warningsByRule,
                          @Schema(description = "The reports with the most warnings, most first") List<ReportWarnings> worstReports,
                          @Schema(description = "Reports that disagree with the same agency's previous year (X1, X2)") List<ReportWarnings> crossYearMismatches) implements Tabular {
        @Override
        public List<String> csvHeader() {
            return List.of("agencyId", "name", "regionCode", "year", "version", "rule", "message");
        }

        @Override
        public List<List<Object>> csvRows() {
            List<List<Object>> rows = new ArrayList<>();
            worstReports.forEach(r -> r.warnings().forEach(w -> rows.add(List.of(r.agencyId(), r.name(), r.regionCode(), r.year(),
                    r.version(), w.rule(), w.message()))));
            return rows;
        }
    }
}
