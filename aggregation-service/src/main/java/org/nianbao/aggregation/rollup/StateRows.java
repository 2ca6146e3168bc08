package org.nianbao.aggregation.rollup;

import java.math.BigDecimal;
import java.util.List;

/** Report states as rows of COPY's text format, for a bulk load of the report-state table. */
public final class StateRows {

    /** The columns a row holds, in order (province_code is generated from the ancestors). */
    public static final String COLUMNS = "agency_id, year, version, status, agency_name, region_code, ancestors, sector, level,"
            + " template, published_on, first_submitted_at, submitted_at, metric_values, other_metrics, warnings, warning_count";

    private StateRows() {
    }

    public static void append(StringBuilder out, ReportState s, MetricPositions positions) {
        CopyStream.field(out, s.agencyId()).append('\t').append(s.year()).append('\t').append(s.version()).append('\t');
        CopyStream.field(out, s.status()).append('\t');
        CopyStream.field(out, s.agencyName()).append('\t');
        CopyStream.field(out, s.regionCode()).append('\t');
        CopyStream.field(out, arrayOf(s.ancestors())).append('\t');
        CopyStream.field(out, s.sector()).append('\t');
        CopyStream.field(out, s.level()).append('\t');
        CopyStream.field(out, s.template()).append('\t');
        CopyStream.field(out, s.publishedOn()).append('\t');
        CopyStream.field(out, s.firstSubmittedAt()).append('\t');
        CopyStream.field(out, s.submittedAt()).append('\t');
        out.append(positions.arrayLiteral(s.metrics())).append('\t');
        CopyStream.field(out, StateColumns.json(positions.unpositioned(s.metrics()))).append('\t');
        CopyStream.field(out, StateColumns.json(s.warnings())).append('\t');
        out.append(s.warnings().size()).append('\n');
    }

    /** Region codes are digits only, so they need no quoting inside an array literal. */
    private static String arrayOf(List<String> codes) {
        return "{" + String.join(",", codes) + "}";
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
                    at = java.util.Arrays.copyOf(at, n * 2);
                    values = java.util.Arrays.copyOf(values, n * 2);
                }
                at[n] = position;
                values[n++] = number(text, start, stop);
            }
            position++;
            start = stop + 1;
        }
        return new MetricPositions.Indexed(java.util.Arrays.copyOf(at, n), java.util.Arrays.copyOf(values, n));
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
