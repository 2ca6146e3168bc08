package org.nianbao.aggregation.rollup;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * What a batch of events changes in one roll-up row. Events of a batch are merged here first, so a row that
 * many reports touch (a province, the country) is written once per batch, not once per report.
 * <p>
 * Sums are exact. Almost every cell is a whole number, so each sum is kept as a {@code long} and only the rest
 * (fractions, or a sum past the range of a long) as a {@link BigDecimal} beside it: adding BigDecimals allocated
 * a new object per metric and row, 3,700 per revised report, and under load the collector took a tenth of the
 * consumer's time (BENCHMARKS.md).
 */
public final class RollupDelta {

    private int reports;
    private long[] whole;
    private BigDecimal[] rest; // null until some sum needs it
    private int[] filled;

    RollupDelta(int metrics) {
        whole = new long[metrics];
        filled = new int[metrics];
    }

    /** Adds (sign +1) or removes (sign −1) one report's metric values. */
    void add(MetricPositions.Indexed metrics, int sign) {
        reports += sign;
        int[] at = metrics.positions();
        BigDecimal[] values = metrics.values();
        for (int k = 0; k < at.length; k++) {
            addValue(at[k], values[k], sign);
            filled[at[k]] += sign;
        }
    }

    /** Adds everything another delta holds (same positions, or fewer). */
    void add(RollupDelta other) {
        reports += other.reports;
        for (int i = 0; i < other.whole.length; i++) {
            addWhole(i, other.whole[i]);
            if (other.rest != null && other.rest[i] != null) {
                addRest(i, other.rest[i]);
            }
            filled[i] += other.filled[i];
        }
    }

    /**
     * Adds the stored row's values, given as PostgreSQL array text (NULL for blank): the result is what the row holds
     * after this batch. Read as text rather than through the driver's arrays, which made a BigDecimal of each of the
     * 254 positions of every row.
     */
    void addStored(int storedReports, String storedSums, String storedFilled) {
        reports += storedReports;
        MetricPositions.Indexed sums = StateRows.parseValues(storedSums);
        MetricPositions.Indexed counts = StateRows.parseValues(storedFilled);
        int n = Math.max(lastPosition(sums), lastPosition(counts)) + 1;
        if (n > whole.length) {
            // written by a newer instance that knows more metrics: keep its positions rather than cut them off
            whole = Arrays.copyOf(whole, n);
            filled = Arrays.copyOf(filled, n);
            if (rest != null) {
                rest = Arrays.copyOf(rest, n);
            }
        }
        int[] at = sums.positions();
        BigDecimal[] values = sums.values();
        for (int k = 0; k < at.length; k++) {
            if (values[k].signum() != 0) {
                addValue(at[k], values[k], +1);
            }
        }
        at = counts.positions();
        values = counts.values();
        for (int k = 0; k < at.length; k++) {
            filled[at[k]] += values[k].intValueExact();
        }
    }

    private static int lastPosition(MetricPositions.Indexed indexed) {
        int[] at = indexed.positions();
        return at.length == 0 ? -1 : at[at.length - 1];
    }

    private void addValue(int i, BigDecimal value, int sign) {
        if (value.scale() == 0 && value.precision() <= 18) { // fits a long; precision is cached in the value
            long v = value.longValue();
            addWhole(i, sign > 0 ? v : -v);
        } else {
            addRest(i, sign > 0 ? value : value.negate());
        }
    }

    private void addWhole(int i, long v) {
        long sum = whole[i] + v;
        if (((whole[i] ^ sum) & (v ^ sum)) < 0) { // overflow: carry the whole sum into the exact part
            addRest(i, BigDecimal.valueOf(whole[i]).add(BigDecimal.valueOf(v)));
            whole[i] = 0;
        } else {
            whole[i] = sum;
        }
    }

    private void addRest(int i, BigDecimal v) {
        if (rest == null) {
            rest = new BigDecimal[whole.length];
        }
        rest[i] = rest[i] == null ? v : rest[i].add(v);
    }

    /**
     * True if adding this changes nothing: the batch's versions of the row's reports cancel out, as when a report is
     * submitted again with the same numbers. Such a row need not be written at all.
     */
    boolean changesNothing() {
        if (reports != 0) {
            return false;
        }
        for (int i = 0; i < whole.length; i++) {
            if (!blank(i, true)) { // a sum written NULL is also an unchanged count
                return false;
            }
        }
        return true;
    }

    public int reports() {
        return reports;
    }

    /** The exact sums, for checks; rows are written from {@link #sumsLiteral()}. */
    BigDecimal[] sums() {
        BigDecimal[] sums = new BigDecimal[whole.length];
        for (int i = 0; i < whole.length; i++) {
            BigDecimal w = BigDecimal.valueOf(whole[i]);
            sums[i] = rest == null || rest[i] == null ? w : w.add(rest[i]);
        }
        return sums;
    }

    /**
     * The sums as a PostgreSQL array literal, for COPY and for a {@code ?::numeric[]} parameter: {@code {12,NULL,0.5}}.
     * A position no report fills is NULL (readers look at {@code filled} first and take NULL as 0): PostgreSQL
     * reads NULL faster than a number, and the rows of few reports leave many positions blank, those of the other
     * template among them (the national average is 30 of 254). Written straight from the {@code long}s, without a
     * BigDecimal per position.
     */
    public String sumsLiteral() {
        return literal(false, true);
    }

    /** The sums as {@link #sumsLiteral()} gives them, in COPY's binary format: for the rebuild's bulk write. */
    public void appendSums(BinaryRows out) {
        boolean nulls = false;
        for (int i = 0; i < whole.length && !nulls; i++) {
            nulls = blank(i, true);
        }
        int mark = out.arrayStart(whole.length, nulls, BinaryRows.NUMERIC);
        for (int i = 0; i < whole.length; i++) {
            if (blank(i, true)) {
                out.nul();
            } else if (rest == null || rest[i] == null) {
                out.numeric(whole[i]);
            } else {
                out.numeric(BigDecimal.valueOf(whole[i]).add(rest[i]));
            }
        }
        out.endArray(mark);
    }

    /** The counts as {@link #filledLiteral()} gives them, in COPY's binary format. */
    public void appendFilled(BinaryRows out) {
        boolean nulls = false;
        for (int i = 0; i < filled.length && !nulls; i++) {
            nulls = filled[i] == 0;
        }
        int mark = out.arrayStart(filled.length, nulls, BinaryRows.INT4);
        for (int count : filled) {
            if (count == 0) {
                out.nul();
            } else {
                out.int4(count);
            }
        }
        out.endArray(mark);
    }

    /** The counts as a PostgreSQL array literal, NULL for 0 as in {@link #sumsLiteral()}: {@code {3,NULL,1}}. */
    public String filledLiteral() {
        return literal(false, false);
    }

    /**
     * The sums as a pending delta is stored: only the span from the first to the last position it changes, with that
     * span's bounds ({@code [38:41]={1,NULL,NULL,-1}}). A revision usually changes a few cells; written whole, each of
     * its eight deltas was two arrays of 254 positions, nearly all NULL, that PostgreSQL parsed, stored and printed
     * again for the compactor. Reading {@code sums[i]} outside the span gives NULL, as a blank position does.
     */
    String sumsSpanLiteral() {
        return literal(true, true);
    }

    /** The counts of a pending delta, as {@link #sumsSpanLiteral()}. */
    String filledSpanLiteral() {
        return literal(true, false);
    }

    private String literal(boolean spanOnly, boolean sums) {
        int from = 0;
        int to = whole.length;
        if (spanOnly) {
            while (from < to && blank(from, sums)) {
                from++;
            }
            while (to > from && blank(to - 1, sums)) {
                to--;
            }
            if (from == to) {
                return "{}";
            }
        }
        StringBuilder out = new StringBuilder((sums ? 8 : 3) * (to - from) + 12);
        if (from > 0) {
            out.append('[').append(from + 1).append(':').append(to).append("]="); // PostgreSQL counts from 1
        }
        out.append('{');
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(',');
            }
            if (blank(i, sums)) {
                out.append("NULL");
            } else if (!sums) {
                out.append(filled[i]);
            } else if (rest == null || rest[i] == null) {
                out.append(whole[i]);
            } else {
                out.append(BigDecimal.valueOf(whole[i]).add(rest[i]).toPlainString());
            }
        }
        return out.append('}').toString();
    }

    /** A sum is written NULL where no report fills the position and it adds nothing; a count where it is 0. */
    private boolean blank(int i, boolean sums) {
        if (!sums) {
            return filled[i] == 0;
        }
        return filled[i] == 0 && whole[i] == 0 && (rest == null || rest[i] == null || rest[i].signum() == 0);
    }

    Integer[] filled() {
        Integer[] copy = new Integer[filled.length];
        for (int i = 0; i < filled.length; i++) {
            copy[i] = filled[i];
        }
        return copy;
    }
}
