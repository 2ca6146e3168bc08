package org.nianbao.aggregation.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nianbao.aggregation.rollup.MetricPositions;
import org.nianbao.aggregation.rollup.StateRows;
import org.nianbao.model.template.Template;

/**
 * One roll-up row as stored: its row in {@code rollup} and the deltas still pending for it, each as the array text
 * PostgreSQL prints, added up into a {@link RollupRow}. Decoded by hand: the driver's generic array decoding made
 * an object from a string for every one of the 254 positions of both arrays.
 */
final class StoredRow {

    private int reports;
    private final List<String> sums = new ArrayList<>(1);
    private final List<String> filled = new ArrayList<>(1);

    /** Adds the row, or one of its pending deltas (whose numbers may be negative). */
    StoredRow add(int reports, String sumsText, String filledText) {
        this.reports += reports;
        sums.add(sumsText);
        filled.add(filledText);
        return this;
    }

    /**
     * The row's totals. Element k of the arrays is metric position {@code at[k]} (null: position k). Metrics no
     * report fills, all deltas counted, are left out: blank, not 0.
     */
    RollupRow toRow(MetricPositions positions, int[] at) {
        BigDecimal[] total = new BigDecimal[0];
        int[] counts = new int[0];
        for (int part = 0; part < sums.size(); part++) {
            MetricPositions.Indexed s = StateRows.parseValues(sums.get(part));
            MetricPositions.Indexed f = StateRows.parseValues(filled.get(part));
            int size = Math.max(last(s), last(f)) + 1;
            if (size > counts.length) {
                total = Arrays.copyOf(total, size);
                counts = Arrays.copyOf(counts, size);
            }
            for (int k = 0; k < s.positions().length; k++) {
                int element = s.positions()[k];
                total[element] = total[element] == null ? s.values()[k] : total[element].add(s.values()[k]);
            }
            for (int k = 0; k < f.positions().length; k++) {
                counts[f.positions()[k]] += f.values()[k].intValueExact();
            }
        }
        Map<String, BigDecimal> values = Template.codeMap();
        Map<String, Integer> filledBy = Template.codeMap();
        for (int element = 0; element < counts.length; element++) {
            int position = at == null ? element : at[element];
            if (counts[element] > 0 && position < positions.size()) {
                values.put(positions.code(position), total[element] == null ? BigDecimal.ZERO : total[element]);
                filledBy.put(positions.code(position), counts[element]);
            }
        }
        return new RollupRow(reports, values, filledBy);
    }

    private static int last(MetricPositions.Indexed indexed) {
        int[] p = indexed.positions();
        return p.length == 0 ? -1 : p[p.length - 1];
    }
}
