package org.nianbao.aggregation.rollup;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Report states as rows for a bulk load of the report-state table, and stored arrays read back. */
public final class StateRows {

    /** The columns a row holds, in order (province_code is generated from the ancestors). */
    public static final String COLUMNS = "agency_id, year, version, status, agency_name, region_code, ancestors, sector, level,"
            + " template, published_on, first_submitted_at, submitted_at, metric_values, other_metrics, warnings, warning_count";

    private StateRows() {
    }

    /**
     * A report state as a row of COPY's binary format ({@link BinaryRows}), in the order of {@link #COLUMNS}:
     * PostgreSQL takes the metric values' numbers without parsing them. {@code scratch} is reused from row to row
     * ({@link MetricPositions#size()} long, left all null).
     */
    public static void append(BinaryRows out, ReportState s, MetricPositions positions, BigDecimal[] scratch) {
        out.row(17).text(s.agencyId()).int4(s.year()).int4(s.version()).text(s.status()).text(s.agencyName())
                .text(s.regionCode()).varcharArray(s.ancestors()).text(s.sector()).text(s.level()).text(s.template())
                .date(s.publishedOn()).timestamptz(s.firstSubmittedAt()).timestamptz(s.submittedAt());
        int length = positions.byPosition(s.metrics(), scratch);
        out.numericArray(scratch, length);
        Arrays.fill(scratch, 0, length, null);
        out.jsonb(StateColumns.json(positions.unpositioned(s.metrics()))).jsonb(StateColumns.json(s.warnings()))
                .int4(s.warnings().size());
    }

    /**
     * Parses a numeric or integer array as PostgreSQL prints it ({@code {1,NULL,2.5}}: a report's
     * {@code metric_values}, a roll-up row's sums or counts; {@code [38:41]={1,NULL,NULL,-1}} for a pending delta's
     * span) into the non-blank positions (from 0) and values. Done by hand:
     * the driver's generic array decoding made a BigDecimal from a string for every element, which was most of a
     * bulk fold's time.
     */
    public static MetricPositions.Indexed parseValues(String text) {
        int n = 0;
        int[] at = new int[64];
        BigDecimal[] values = new BigDecimal[64];
        int position = 0;
        int start = 1;
        if (text.startsWith("[")) { // an array with its own bounds, [38:41]={…}: a pending delta's span
            int colon = text.indexOf(':');
            position = Integer.parseInt(text, 1, colon, 10) - 1; // PostgreSQL counts from 1
            start = text.indexOf('{') + 1;
        }
        int end = text.length() - 1; // without the braces
        while (start < end) {
            int comma = text.indexOf(',', start);
            int stop = comma < 0 || comma > end ? end : comma;
            if (!(stop - start == 4 && text.startsWith("NULL", start))) {
                if (n == at.length) {
                    at = Arrays.copyOf(at, n * 2);
                    values = Arrays.copyOf(values, n * 2);
                }
                at[n] = position;
                values[n++] = number(text, start, stop);
            }
            position++;
            start = stop + 1;
        }
        return new MetricPositions.Indexed(Arrays.copyOf(at, n), Arrays.copyOf(values, n));
    }

    private static BigDecimal number(String text, int start, int stop) {
        if (stop - start < 18) {
            long v = 0;
            boolean negative = text.charAt(start) == '-';
            int i = negative ? start + 1 : start;
            for (; i < stop; i++) {
                char ch = text.charAt(i);
                if (ch < '0' || ch > '9') {
                    return new BigDecimal(text.substring(start, stop)); // a decimal fraction or an exponent
                }
                v = v * 10 + (ch - '0');
            }
            return BigDecimal.valueOf(negative ? -v : v);
        }
        return new BigDecimal(text.substring(start, stop));
    }
}
