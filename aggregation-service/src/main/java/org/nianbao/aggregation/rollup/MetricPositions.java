package org.nianbao.aggregation.rollup;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;

/**
 * An immutable snapshot of the metric positions, read once per batch: the fold looks up every metric of every
 * report, and going through the CDI bean for each lookup showed up in the profile. It also converts a report's
 * metrics between their two forms: by code in Java, by position in the database ({@code metric_values}).
 */
public final class MetricPositions {

    private final Map<String, Integer> positions;
    private final String[] codes;

    /** The catalog's own instance of each of its codes. */
    private static final Map<String, String> CATALOG_CODES = catalogCodes();

    /** {@code codes.get(i)} is the metric at position i. */
    public MetricPositions(List<String> codes) {
        // The codes come from the database, each a new String. Holding the catalog's instances instead makes every
        // lookup in a map keyed by them (labels, the answer's order) equal by identity: comparing two copies of a
        // 40-character code in String.equals was a fifth of a province's totals in a profile (BENCHMARKS.md).
        this.codes = codes.stream().map(code -> CATALOG_CODES.getOrDefault(code, code)).toArray(String[]::new);
        Map<String, Integer> byCode = Template.codeMap();
        for (int i = 0; i < this.codes.length; i++) {
            byCode.put(this.codes[i], i);
        }
        // not Map.copyOf: its open addressing probes long runs for these codes, whose hashes cluster (Template.codeMap)
        this.positions = byCode;
    }

    private static Map<String, String> catalogCodes() {
        Map<String, String> canonical = Template.codeMap();
        TemplateCatalog.standard().metricCodes().forEach(code -> canonical.put(code, code));
        return canonical;
    }

    public int size() {
        return codes.length;
    }

    public Integer position(String code) {
        return positions.get(code);
    }

    public String code(int position) {
        return codes[position];
    }

    /** The positions of the named codes, each once; codes without a position are left out (no stored row has them). */
    public int[] positionsOf(Collection<String> codes) {
        return codes.stream().map(positions::get).filter(Objects::nonNull).distinct().mapToInt(Integer::intValue).toArray();
    }

    /** SQL for the elements of an array column at the given positions, e.g. {@code ARRAY[s.sums[3], s.sums[10]]}. */
    public static String selectedElements(String column, int[] at) {
        StringBuilder out = new StringBuilder("ARRAY[");
        for (int k = 0; k < at.length; k++) {
            out.append(k == 0 ? "" : ", ").append(column).append('[').append(at[k] + 1).append(']'); // SQL arrays start at 1
        }
        return out.append(']').toString();
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
        return new Indexed(Arrays.copyOf(at, n), Arrays.copyOf(values, n));
    }

    /** The SQL array literal of {@code metric_values}: one element per position, NULL where blank. */
    public String arrayLiteral(Map<String, BigDecimal> metrics) {
        BigDecimal[] values = new BigDecimal[codes.length];
        int last = byPosition(metrics, values) - 1;
        StringBuilder out = new StringBuilder(16 + 6 * (last + 1)).append('{');
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                out.append(',');
            }
            BigDecimal v = values[i];
            if (v == null) {
                out.append("NULL");
            } else if (v.scale() == 0 && v.precision() <= 18) {
                out.append(v.longValue()); // almost every cell: no string of its own (a rebuild writes ~200 million)
            } else {
                out.append(v.toPlainString());
            }
        }
        return out.append('}').toString();
    }

    /**
     * Puts each metric with a position at its position in {@code values} (at least {@link #size()} long, all null),
     * and returns the length of {@code metric_values}: up to the last position filled.
     */
    public int byPosition(Map<String, BigDecimal> metrics, BigDecimal[] values) {
        int length = 0;
        for (Map.Entry<String, BigDecimal> m : metrics.entrySet()) {
            Integer i = positions.get(m.getKey());
            if (i != null && m.getValue() != null) {
                values[i] = m.getValue();
                length = Math.max(length, i + 1);
            }
        }
        return length;
    }

    /** The metrics this snapshot has no position for: they are stored by name. */
    public Map<String, BigDecimal> unpositioned(Map<String, BigDecimal> metrics) {
        Map<String, BigDecimal> other = new HashMap<>();
        metrics.forEach((code, value) -> {
            if (!positions.containsKey(code) && value != null) {
                other.put(code, value);
            }
        });
        return other;
    }

    /**
     * Metrics by code from stored values: {@code values[k]} is the value at {@code at[k]} (or at k when {@code at}
     * is null), plus those stored by name.
     */
    public Map<String, BigDecimal> byCode(BigDecimal[] values, int[] at, Map<String, BigDecimal> other) {
        Map<String, BigDecimal> metrics = Template.codeMap();
        metrics.putAll(other);
        for (int k = 0; k < values.length; k++) {
            int i = at == null ? k : at[k];
            if (values[k] != null && i < codes.length) {
                metrics.put(codes[i], values[k]);
            }
        }
        return metrics;
    }

    /** Metric values by position: {@code values[k]} belongs at {@code positions[k]}. */
    public record Indexed(int[] positions, BigDecimal[] values) {
    }
}
