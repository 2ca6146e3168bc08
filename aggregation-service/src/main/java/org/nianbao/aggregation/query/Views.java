package org.nianbao.aggregation.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nianbao.aggregation.web.Tabular;
import org.nianbao.model.event.RegionRef;
import org.nianbao.model.rules.IndicatorDefinition;
import org.nianbao.model.template.TemplateCatalog;

/** The answers of the aggregation APIs. Each is JSON, and a table for CSV and spreadsheet answers ({@link Tabular}). */
public final class Views {

    private Views() {
    }

    @Schema(name = "CellTotal", description = "A metric's total over the reports that filled it")
    public record CellTotal(@Schema(description = "Sum over the reports that filled the cell", example = "1234") BigDecimal sum,
                            @Schema(description = "How many reports filled it (blank cells are not counted)", example = "17") int filled,
                            @Schema(description = "Chinese label", example = "一、本年新收政府信息公开申请数量·总计") String label) {
    }

    @Schema(name = "RegionTotals", description = "Every total of a region, sector, level and year, with the indicators")
    public record Totals(@Schema(description = "The region") RegionRef region,
                         @Schema(example = "EDUCATION") String sector,
                         @Schema(description = "ALL, PROVINCE, CITY or COUNTY: which agencies are counted", example = "ALL") String level,
                         @Schema(example = "2023") int year,
                         @Schema(description = "Reports counted", example = "17") int reports,
                         @Schema(description = "Totals by cell or group code; a metric no report filled is absent")
                         @JsonSerialize(using = CellTotals.Json.class) Map<String, CellTotal> cells,
                         @Schema(description = "Indicators computed from the totals (never summed); null when a denominator is 0 or blank")
                         Map<String, BigDecimal> indicators) implements Tabular {
        @Override
        public List<String> csvHeader() {
            return List.of("region", "sector", "level", "year", "metric", "label", "sum", "filled", "reports");
        }

        @Override
        public List<String> labels() {
            return List.of("地区代码", "领域", "机构层级", "年度", "指标代码", "指标名称", "合计", "填报数", "报告数");
        }

        @Override
        public List<List<Object>> csvRows() {
            List<List<Object>> rows = new ArrayList<>();
            cells.forEach((code, t) -> rows.add(List.of(region.code(), sector, level, year, code, t.label(), t.sum(), t.filled(), reports)));
            indicators.forEach((code, v) -> rows.add(java.util.Arrays.asList(region.code(), sector, level, year, code,
                    TemplateCatalog.standard().indicator(code).map(IndicatorDefinition::label).orElse(code), v, null, reports)));
            return rows;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BreakdownRow", description = "A child region, or an agency sitting directly in the region")
    public record BreakdownRow(@Schema(description = "REGION or AGENCY", example = "REGION") String kind,
                               @Schema(description = "Region code or agency id", example = "620100") String code,
                               @Schema(example = "兰州市") String name,
                               @Schema(description = "Region level (PROVINCE, PREFECTURE, COUNTY) or agency level", example = "PREFECTURE") String level,
                               @Schema(description = "Reports counted", example = "9") int reports,
                               @Schema(nullable = true, description = "The metric's value; null when blank or not computable", example = "42") BigDecimal value,
                               @Schema(nullable = true, description = "Numerator of an indicator (for a summed metric, the value)", example = "42") BigDecimal numerator,
                               @Schema(nullable = true, description = "Denominator of an indicator", example = "60") BigDecimal denominator,
                               @Schema(nullable = true, description = "For summed metrics: this row's share of the region's total", example = "0.25") BigDecimal share) {
    }

    @Schema(name = "Breakdown", description = "A region's metric by child region and by agency directly in it")
    public record Breakdown(@Schema(description = "The region") RegionRef region,
                            @Schema(example = "EDUCATION") String sector,
                            @Schema(example = "2023") int year,
                            @Schema(example = "requests.newReceived.total") String metric,
                            @Schema(example = "一、本年新收政府信息公开申请数量·总计") String metricLabel,
                            @Schema(nullable = true, description = "The region's own total of the metric", example = "168") BigDecimal total,
                            @Schema(description = "Child regions first, then agencies directly in the region") List<BreakdownRow> rows) implements Tabular {
        @Override
        public List<String> csvHeader() {
            return List.of("kind", "code", "name", "level", "reports", metric, "numerator", "denominator", "share");
        }

        @Override
        public List<String> labels() {
            return List.of("类别", "代码", "名称", "层级", "报告数", metricLabel, "分子", "分母", "占比");
        }

        @Override
        public List<List<Object>> csvRows() {
            return rows.stream().map(r -> java.util.Arrays.<Object>asList(r.kind(), r.code(), r.name(), r.level(), r.reports(),
                    r.value(), r.numerator(), r.denominator(), r.share())).toList();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ComparedValue", description = "One metric of one compared region or agency")
    public record ComparedValue(@Schema(nullable = true, example = "168") BigDecimal value,
                                @Schema(nullable = true, description = "value − the first entity's value", example = "-12") BigDecimal difference,
                                @Schema(nullable = true, description = "For summed metrics: value / the sum over the compared entities", example = "0.48") BigDecimal share) {
    }

    @Schema(name = "ComparedEntity", description = "A region or agency in a comparison")
    public record ComparedEntity(@Schema(description = "Region code or agency id", example = "620000") String code,
                                 @Schema(example = "甘肃省") String name,
                                 @Schema(description = "Reports counted", example = "101") int reports,
                                 @Schema(description = "By metric code") Map<String, ComparedValue> metrics) {
    }

    @Schema(name = "Comparison", description = "Regions or agencies side by side; differences are against the first")
    public record Comparison(@Schema(description = "regions or agencies", example = "regions") String by,
                             @Schema(example = "EDUCATION") String sector,
                             @Schema(example = "2023") int year,
                             @Schema(description = "The metrics compared", example = "[\"requests.newReceived.total\", \"disclosureRate\"]") List<String> metrics,
                             @Schema(description = "In the order asked for") List<ComparedEntity> entities) implements Tabular {
        @Override
        public List<String> csvHeader() {
            return List.of("code", "name", "reports", "metric", "value", "difference", "share");
        }

        @Override
        public List<String> labels() {
            return List.of("代码", "名称", "报告数", "指标", "数值", "差值", "占比");
        }

        @Override
        public List<List<Object>> csvRows() {
            List<List<Object>> rows = new ArrayList<>();
            for (ComparedEntity e : entities) {
                for (String m : metrics) {
                    ComparedValue v = e.metrics().get(m);
                    rows.add(java.util.Arrays.asList(e.code(), e.name(), e.reports(), m, v.value(), v.difference(), v.share()));
                }
            }
            return rows;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TrendPoint", description = "A metric in one year")
    public record TrendPoint(@Schema(example = "2023") int year,
                             @Schema(description = "Reports counted", example = "101") int reports,
                             @Schema(nullable = true, example = "168") BigDecimal value,
                             @Schema(nullable = true, description = "value − the previous year's", example = "12") BigDecimal change,
                             @Schema(nullable = true, description = "change / the previous year's value; null when that is 0 or blank", example = "0.076923") BigDecimal percentChange) {
    }

    @Schema(name = "Trend", description = "A metric of a region over the years")
    public record Trend(@Schema(description = "The region") RegionRef region,
                        @Schema(example = "EDUCATION") String sector,
                        @Schema(example = "ALL") String level,
                        @Schema(example = "requests.newReceived.total") String metric,
                        @Schema(example = "一、本年新收政府信息公开申请数量·总计") String metricLabel,
                        @Schema(description = "One point per year, oldest first") List<TrendPoint> points) implements Tabular {
        @Override
        public List<String> csvHeader() {
            return List.of("year", "reports", metric, "change", "percentChange");
        }

        @Override
        public List<String> labels() {
            return List.of("年度", "报告数", metricLabel, "变化", "变化率");
        }

        @Override
        public List<List<Object>> csvRows() {
            return points.stream().map(p -> java.util.Arrays.<Object>asList(p.year(), p.reports(), p.value(), p.change(), p.percentChange())).toList();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RankingEntry", description = "One ranked region or agency")
    public record RankingEntry(@Schema(nullable = true, description = "1 = first in the requested order; equal values share a rank; "
                                       + "absent for entries without a value", example = "1") Integer rank,
                               @Schema(description = "Region code or agency id", example = "620100") String code,
                               @Schema(example = "兰州市") String name,
                               @Schema(description = "Region code of an agency, or the region itself", example = "620100") String regionCode,
                               @Schema(nullable = true, example = "0.8125") BigDecimal value,
                               @Schema(nullable = true, example = "13") BigDecimal numerator,
                               @Schema(nullable = true, example = "16") BigDecimal denominator,
                               @Schema(description = "Reports counted", example = "9") int reports) {
    }

    @Schema(name = "Ranking", description = "Child regions, or agencies of one level, in rank order")
    public record Ranking(@Schema(description = "The parent region") RegionRef parent,
                          @Schema(description = "regions, or agencies of the given level", example = "regions") String entities,
                          @Schema(example = "EDUCATION") String sector,
                          @Schema(example = "2023") int year,
                          @Schema(example = "disclosureRate") String indicator,
                          @Schema(description = "desc or asc", example = "desc") String order,
                          @Schema(description = "Entries with no value (blank or zero denominator), listed after the ranked ones", example = "2") int unranked,
                          @Schema(description = "In rank order") List<RankingEntry> entries) implements Tabular {
        @Override
        public List<String> csvHeader() {
            return List.of("rank", "code", "name", "regionCode", indicator, "numerator", "denominator", "reports");
        }

        @Override
        public List<String> labels() {
            MetricRef ranked = MetricRef.of(indicator, TemplateCatalog.standard());
            return List.of("排名", "代码", "名称", "地区代码", ranked == null ? indicator : ranked.label(), "分子", "分母", "报告数");
        }

        @Override
        public List<List<Object>> csvRows() {
            return entries.stream().map(e -> java.util.Arrays.<Object>asList(e.rank(), e.code(), e.name(), e.regionCode(), e.value(),
                    e.numerator(), e.denominator(), e.reports())).toList();
        }
    }
}
