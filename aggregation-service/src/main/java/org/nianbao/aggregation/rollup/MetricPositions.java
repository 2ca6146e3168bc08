package org.nianbao.aggregation.rollup;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An immutable snapshot of the metric positions, read once per batch: the fold looks up every metric of every
 * report, and going through the CDI bean for each lookup showed up in the profile.
 */
public final class MetricPositions {

    private final Map<String, Integer> positions;
    private final int size;

    MetricPositions(Map<String, Integer> positions, int size) {
        this.positions = positions;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /**
     * A report's metric values by position, computed once per report version and then added into each of its
     * roll-up rows. Metrics without a position (unknown to this version of the service) are left out.
     */
    public Indexed index(Map<String, BigDecimal> metrics) {
        int[] at = new int[metrics.size()];
        BigDecimal[] values = new BigDecimal[metrics.size()];
        int n = 0;
        for (Map.Entry<String, BigDecimal> m : metrics.entrySet()) {
            Integer i = positions.get(m.getKey());
            if (i != null && m.getValue() != null) {
                at[n] = i;
                values[n++] = m.getValue();
            }
        }
        return new Indexed(java.util.Arrays.copyOf(at, n), java.util.Arrays.copyOf(values, n));
    }

    /** Metric values by position: {@code values[k]} belongs at {@code positions[k]}. */
    public record Indexed(int[] positions, BigDecimal[] values) {
    }
}
