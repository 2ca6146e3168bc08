package org.nianbao.aggregation.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Sums stay exact whether the values are whole, fractional, negative or past the range of a long. */
class RollupDeltaTest {

    private static MetricPositions.Indexed values(String... v) {
        int[] at = new int[v.length];
        BigDecimal[] values = new BigDecimal[v.length];
        for (int i = 0; i < v.length; i++) {
            at[i] = i;
            values[i] = new BigDecimal(v[i]);
        }
        return new MetricPositions.Indexed(at, values);
    }

    @Test
    void addsAndRemovesWholeAndFractionalValuesExactly() {
        RollupDelta d = new RollupDelta(3);
        d.add(values("5", "1.25", "0.1"), +1);
        d.add(values("7", "2", "0.2"), +1);
        d.add(values("5", "1.25", "0.1"), -1);

        assertThat(d.reports()).isEqualTo(1);
        assertThat(d.sums()).containsExactly(new BigDecimal("7"), new BigDecimal("2.00"), new BigDecimal("0.2"));
        assertThat(d.filled()).containsExactly(1, 1, 1);
    }

    @Test
    void sumsPastTheRangeOfALongStayExact() {
        RollupDelta d = new RollupDelta(1);
        String big = "9000000000000000000"; // 9e18: twice that is past Long.MAX_VALUE (9.22e18)
        d.add(values("999999999999999999"), +1); // 18 digits, added as a long
        d.add(values("999999999999999999"), +1);
        d.add(values(big), +1);
        d.add(values(big), +1);

        assertThat(d.sums()[0]).isEqualByComparingTo(new BigDecimal("19999999999999999998"));
    }

    @Test
    void aLongSumThatOverflowsCarriesOver() {
        RollupDelta d = new RollupDelta(1);
        for (int i = 0; i < 12; i++) {
            d.add(values("900000000000000000"), +1); // 9e17 each; 12 of them pass Long.MAX_VALUE
        }
        assertThat(d.sums()[0]).isEqualByComparingTo(new BigDecimal("10800000000000000000"));
    }

    @Test
    void storedRowsAndOtherDeltasAddIn() {
        RollupDelta batch = new RollupDelta(2);
        batch.add(values("3", "0.5"), +1);
        RollupDelta more = new RollupDelta(2);
        more.add(values("-1", "1"), +1);
        batch.add(more);
        batch.addStored(4, "{10,NULL,6}", "{4,NULL,3}");

        assertThat(batch.reports()).isEqualTo(6);
        // the stored row knew a third metric: it is kept
        assertThat(batch.sums()).containsExactly(new BigDecimal("12"), new BigDecimal("1.5"), new BigDecimal("6"));
        assertThat(batch.filled()).containsExactly(6, 2, 3);
        assertThat(batch.sumsLiteral()).isEqualTo("{12,1.5,6}");
    }

    @Test
    void aDeltaWhoseVersionsCancelOutChangesNothing() {
        RollupDelta resubmitted = new RollupDelta(3);
        resubmitted.add(values("3", "0.5"), -1);
        resubmitted.add(values("3", "0.5"), +1);
        assertThat(resubmitted.changesNothing()).isTrue();

        RollupDelta revised = new RollupDelta(3);
        revised.add(values("3", "0.5"), -1);
        revised.add(values("3", "0.75"), +1);
        assertThat(revised.changesNothing()).isFalse();

        RollupDelta blankedACell = new RollupDelta(3); // same sums, but a cell went from 0 to blank
        blankedACell.add(new MetricPositions.Indexed(new int[] {0, 2}, new BigDecimal[] {new BigDecimal("3"), BigDecimal.ZERO}), -1);
        blankedACell.add(new MetricPositions.Indexed(new int[] {0}, new BigDecimal[] {new BigDecimal("3")}), +1);
        assertThat(blankedACell.changesNothing()).isFalse();
    }

    @Test
    void arrayLiteralsLeaveBlankPositionsNullAndKeepEveryValueExact() {
        RollupDelta d = new RollupDelta(5);
        d.add(new MetricPositions.Indexed(new int[] {0, 2, 3}, new BigDecimal[] {
                new BigDecimal("12"), new BigDecimal("0.25"), BigDecimal.ZERO}), +1);
        d.add(new MetricPositions.Indexed(new int[] {0}, new BigDecimal[] {new BigDecimal("900000000000000000")}), +1);
        for (int i = 0; i < 11; i++) {
            d.add(new MetricPositions.Indexed(new int[] {0}, new BigDecimal[] {new BigDecimal("900000000000000000")}), +1);
        }

        // position 3 was filled with 0: a 0 sum, not a blank; positions 1 and 4 nobody filled
        assertThat(d.sumsLiteral()).isEqualTo("{10800000000000000012,NULL,0.25,0,NULL}");
        assertThat(d.filledLiteral()).isEqualTo("{13,NULL,1,1,NULL}");
    }

    @Test
    void aPositionEmptiedByAWithdrawalIsBlankAgain() {
        RollupDelta d = new RollupDelta(2);
        d.add(values("3", "0.5"), +1);
        d.add(values("3", "0.5"), -1);
        assertThat(d.sumsLiteral()).isEqualTo("{NULL,NULL}");
        assertThat(d.filledLiteral()).isEqualTo("{NULL,NULL}");
    }

    @Test
    void aPendingDeltaKeepsOnlyTheSpanItChangesAndReadsBackAtItsPositions() {
        RollupDelta revision = new RollupDelta(254);
        revision.add(new MetricPositions.Indexed(new int[] {37, 40}, new BigDecimal[] {new BigDecimal("5"), new BigDecimal("2.5")}), +1);
        revision.add(new MetricPositions.Indexed(new int[] {37, 40}, new BigDecimal[] {new BigDecimal("3"), new BigDecimal("2.5")}), -1);
        revision.add(new MetricPositions.Indexed(new int[] {38}, new BigDecimal[] {new BigDecimal("1")}), +1);

        // positions 37-38 change; 40's value is the same in both versions, so the span ends at 38 (PostgreSQL: 38-39)
        assertThat(revision.sumsSpanLiteral()).isEqualTo("[38:39]={2,1}");
        assertThat(revision.filledSpanLiteral()).isEqualTo("[39:39]={1}");

        RollupDelta read = new RollupDelta(254);
        read.addStored(0, revision.sumsSpanLiteral(), revision.filledSpanLiteral());
        assertThat(read.sums()[37]).isEqualByComparingTo("2");
        assertThat(read.sums()[38]).isEqualByComparingTo("1");
        assertThat(read.filled()[38]).isEqualTo(1);
        assertThat(read.filledLiteral()).isEqualTo(revision.filledLiteral());
        assertThat(read.sumsLiteral()).isEqualTo(revision.sumsLiteral());
    }

    @Test
    void aSpanFromTheFirstPositionNeedsNoBoundsAndAnEmptyOneIsEmpty() {
        RollupDelta d = new RollupDelta(4);
        d.add(values("1", "2"), +1);
        assertThat(d.sumsSpanLiteral()).isEqualTo("{1,2}");
        RollupDelta countOnly = new RollupDelta(4);
        countOnly.add(new MetricPositions.Indexed(new int[0], new BigDecimal[0]), +1); // a report with no cell filled
        assertThat(countOnly.sumsSpanLiteral()).isEqualTo("{}");
        assertThat(countOnly.changesNothing()).isFalse();
    }
}
