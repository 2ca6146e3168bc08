package org.nianbao.aggregation.rollup;

import java.math.BigDecimal;

/**
 * What a batch of events changes in one roll-up row. Events of a batch are merged here first, so a row that
 * many reports touch (a province, the country) is written once per batch, not once per report.
 */
public final class RollupDelta {

    private int reports;
    private BigDecimal[] sums;
    private int[] filled;

    RollupDelta(int metrics) {
        sums = new BigDecimal[metrics];
        filled = new int[metrics];
    }

    /** Adds (sign +1) or removes (sign −1) one report's metric values. */
    void add(MetricPositions.Indexed metrics, int sign) {
        reports += sign;
        int[] at = metrics.positions();
        BigDecimal[] values = metrics.values();
        for (int k = 0; k < at.length; k++) {
            int i = at[k];
            BigDecimal value = sign > 0 ? values[k] : values[k].negate();
            sums[i] = sums[i] == null ? value : sums[i].add(value);
            filled[i] += sign;
        }
    }

    /** Adds everything another delta holds (same positions, or fewer). */
    void add(RollupDelta other) {
        reports += other.reports;
        for (int i = 0; i < other.sums.length; i++) {
            if (other.sums[i] != null) {
                sums[i] = sums[i] == null ? other.sums[i] : sums[i].add(other.sums[i]);
            }
            filled[i] += other.filled[i];
        }
    }

    /** Adds the stored row's values: the result is what the row holds after this batch. */
    void addStored(int storedReports, BigDecimal[] storedSums, Integer[] storedFilled) {
        reports += storedReports;
        if (storedSums.length > sums.length || storedFilled.length > filled.length) {
            // written by a newer instance that knows more metrics: keep its positions rather than cut them off
            int n = Math.max(storedSums.length, storedFilled.length);
            sums = java.util.Arrays.copyOf(sums, n);
            filled = java.util.Arrays.copyOf(filled, n);
        }
        for (int i = 0; i < Math.min(sums.length, storedSums.length); i++) {
            if (storedSums[i] != null && storedSums[i].signum() != 0) {
                sums[i] = sums[i] == null ? storedSums[i] : sums[i].add(storedSums[i]);
            }
        }
        for (int i = 0; i < Math.min(filled.length, storedFilled.length); i++) {
            filled[i] += storedFilled[i] == null ? 0 : storedFilled[i];
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
