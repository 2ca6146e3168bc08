package org.nianbao.aggregation.rollup;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a batch of events changes in one roll-up row. Events of a batch are merged here first, so a row that
 * many reports touch (a province, the country) is written once per batch, not once per report.
 */
public final class RollupDelta {

    private int reports;
    private final BigDecimal[] sums;
    private final int[] filled;

    RollupDelta(int metrics) {
        sums = new BigDecimal[metrics];
        filled = new int[metrics];
    }

    /** Adds (sign +1) or removes (sign −1) one report's metric values. */
    void add(Map<String, BigDecimal> metrics, int sign, MetricDictionary dictionary) {
        reports += sign;
        for (Map.Entry<String, BigDecimal> metric : metrics.entrySet()) {
            dictionary.position(metric.getKey()).ifPresent(i -> {
                BigDecimal value = sign > 0 ? metric.getValue() : metric.getValue().negate();
                sums[i] = sums[i] == null ? value : sums[i].add(value);
                filled[i] += sign;
            });
        }
    }

    public int reports() {
        return reports;
    }

    public BigDecimal[] sums() {
        BigDecimal[] copy = new BigDecimal[sums.length];
        for (int i = 0; i < sums.length; i++) {
            copy[i] = sums[i] == null ? BigDecimal.ZERO : sums[i];
        }
        return copy;
    }

    public Integer[] filled() {
        Integer[] copy = new Integer[filled.length];
        for (int i = 0; i < filled.length; i++) {
            copy[i] = filled[i];
        }
        return copy;
    }
}
