package org.nianbao.aggregation.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nianbao.aggregation.web.Paged;
import org.nianbao.aggregation.web.Tabular;
import org.nianbao.model.event.RegionRef;
import org.nianbao.model.rules.RuleWarning;

/** The answers of the completeness and quality APIs. */
public final class OversightViews {

    private OversightViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgencyStatus", description = "An agency that has not reported, or reported late")
    public record AgencyStatus(@Schema(description = "MISSING (no current report) or LATE (published after the deadline)", example = "LATE") String status,
                               @Schema(example = "edu-620100") String agencyId,
                               @Schema(example = "兰州市教育局") String name,
                               @Schema(example = "620100") String regionCode,
                               @Schema(example = "CITY") String level,
                               @Schema(nullable = true, description = "The publication date the report gives", example = "2024-02-15") LocalDate publishedOn,
                               @Schema(nullable = true, description = "Days after the 31 January deadline", example = "15") Long daysLate) {
    }

    @Schema(name = "Completeness", description = "Who was expected to report, who did, and who did on time; the figures cover the "
            + "whole region, the agencies missing or late are listed a page at a time (the Link header names the first, previous, next and last pages)")
    public record Completeness(@Schema(description = "The region") RegionRef region,
                               @Schema(example = "EDUCATION") String sector,
                               @Schema(example = "2023") int year,
                               @Schema(description = "The publication deadline: 31 January of the next year", example = "2024-01-31") LocalDate deadline,
                               @Schema(description = "Active agencies registered in the region's subtree", example = "120") int expected,
                               @Schema(description = "Of those, agencies with a current report", example = "110") int submitted,
                               @Schema(description = "Of those, published by the deadline", example = "95") int onTime,
                               @Schema(nullable = true, description = "submitted / expected; null when none is expected", example = "0.916667") BigDecimal submissionRate,
                               @Schema(nullable = true, description = "onTime / expected; null when none is expected", example = "0.791667") BigDecimal onTimeRate,
                               @Schema(description = "Expected agencies without a current report", example = "10") int missing,
                               @Schema(description = "Agencies whose report was published after the deadline", example = "15") int late,
                               @Schema(description = "This page of the agencies missing (first, by region and id) and late (then, by region and id)")
                               List<AgencyStatus> items,
                               @Schema(example = "0") int page,
                               @Schema(example = "100") int size,
                               @Schema(description = "Agencies listed in all pages", example = "25") long total) implements Tabular, Paged {
        @Override
        public List<String> csvHeader() {
            return List.of("status", "agencyId", "name", "regionCode", "level", "publishedOn", "daysLate");
        }

        @Override
        public List<String> labels() {
            return List.of("状态", "机构代码", "机构名称", "地区代码", "层级", "公开日期", "逾期天数");
        }

        @Override
        public List<List<Object>> csvRows() {
            return items.stream().map(a -> java.util.Arrays.<Object>asList(a.status(), a.agencyId(), a.name(), a.regionCode(),
                    a.level(), a.publishedOn(), a.daysLate())).toList();
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

    @Schema(name = "Quality", description = "Where the numbers break the cross-check rules; the figures cover the whole region, the "
            + "reports are listed a page at a time, most warnings first (the Link header names the first, previous, next and last pages)")
    public record Quality(@Schema(description = "The region") RegionRef region,
                          @Schema(example = "EDUCATION") String sector,
                          @Schema(example = "2023") int year,
                          @Schema(description = "Current reports in the subtree", example = "110") int reports,
                          @Schema(description = "Reports with at least one warning", example = "23") int reportsWithWarnings,
                          @Schema(description = "Warnings counted by rule id") Map<String, Integer> warningsByRule,
                          @Schema(description = "Reports that disagree with the same agency's previous year (X1, X2); list them with rules=X1,X2", example = "4")
                          int crossYearMismatches,
                          @Schema(description = "This page of the reports with warnings (of the rules asked for, and only those warnings), most first")
                          List<ReportWarnings> items,
                          @Schema(example = "0") int page,
                          @Schema(example = "100") int size,
                          @Schema(description = "Reports listed in all pages", example = "23") long total) implements Tabular, Paged {
        @Override
        public List<String> csvHeader() {
            return List.of("agencyId", "name", "regionCode", "year", "version", "rule", "message");
        }

        @Override
        public List<String> labels() {
            return List.of("机构代码", "机构名称", "地区代码", "年度", "版本", "规则", "说明");
        }

        @Override
        public List<List<Object>> csvRows() {
            List<List<Object>> rows = new ArrayList<>();
            items.forEach(r -> r.warnings().forEach(w -> rows.add(List.of(r.agencyId(), r.name(), r.regionCode(), r.year(),
                    r.version(), w.rule(), w.message()))));
            return rows;
        }
    }
}
