package org.nianbao.aggregation.query;

import java.math.BigDecimal;
import java.util.Map;
import org.nianbao.model.rules.MetricSource;

/**
 * The totals of one region × sector × level × year: per metric the sum over the reports that filled it and
 * how many did, and the number of reports. A metric no report filled is blank (absent), not 0.
 */
public record RollupRow(int reports, Map<String, BigDecimal> sums, Map<String, Integer> filled) {

    public static final RollupRow EMPTY = new RollupRow(0, Map.of(), Map.of());

    public BigDecimal value(String metric) {
        return sums.get(metric);
    }

    /** Reads this year's totals, and the previous year's for year-over-year indicators. */
    public MetricSource source(RollupRow previousYear) {
        return (code, offset) -> offset == 0 ? value(code)
                : offset == -1 && previousYear != null ? previousYear.value(code) : null;
    }
}
