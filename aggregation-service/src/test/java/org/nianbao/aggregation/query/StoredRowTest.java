package org.nianbao.aggregation.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.aggregation.rollup.MetricPositions;

/** A roll-up row read with its pending deltas: what a dashboard shows between two compactions. */
class StoredRowTest {

    private static final MetricPositions POSITIONS = new MetricPositions(List.of("a", "b", "c", "d"));

    @Test
    void pendingDeltasAreAddedToTheRowIncludingRevisionsAndWithdrawals() {
        RollupRow row = new StoredRow()
                .add(2, "{10,NULL,3,7}", "{2,NULL,1,1}")      // the row: two reports
                .add(1, "{5,4,NULL}", "{1,1,NULL}")            // a new report, which fills b, not c
                .add(0, "{-3,NULL,NULL,0}", "{NULL,NULL,NULL,NULL}") // a revision of a: 8 -> 5
                .add(-1, "{NULL,NULL,NULL,-7}", "{NULL,NULL,NULL,-1}") // a withdrawal: the only report with d
                .toRow(POSITIONS, null);

        assertThat(row.reports()).isEqualTo(2);
        assertThat(row.value("a")).isEqualByComparingTo("12");
        assertThat(row.filled()).containsEntry("a", 3).containsEntry("b", 1).containsEntry("c", 1);
        assertThat(row.value("b")).isEqualByComparingTo("4");
        assertThat(row.value("c")).isEqualByComparingTo("3");
        assertThat(row.value("d")).as("no report left fills d: blank, not 0").isNull();
        assertThat(row.filled()).doesNotContainKey("d");
    }

    @Test
    void selectedElementsMapToTheirPositionsAndKeepFractions() {
        RollupRow row = new StoredRow()
                .add(1, "{1.25,NULL}", "{1,NULL}")
                .add(1, "{0.5,6}", "{1,1}")
                .toRow(POSITIONS, new int[] {3, 1}); // element 0 is d, element 1 is b

        assertThat(row.value("d")).isEqualByComparingTo(new BigDecimal("1.75"));
        assertThat(row.filled()).containsEntry("d", 2).containsEntry("b", 1).doesNotContainKeys("a", "c");
        assertThat(row.value("b")).isEqualByComparingTo("6");
    }

    @Test
    void pendingDeltasStoredAsSpansAddAtTheirOwnPositions() {
        RollupRow row = new StoredRow()
                .add(2, "{10,NULL,3,7}", "{2,NULL,1,1}")
                .add(0, "[3:3]={2}", "{}")             // a revision of c: +2, as PostgreSQL prints a span
                .add(-1, "[4:4]={-7}", "[4:4]={-1}")    // the withdrawal of the only report with d
                .add(1, "[2:3]={4,NULL}", "[2:2]={1}")  // a new report filling b only
                .toRow(POSITIONS, null);

        assertThat(row.reports()).isEqualTo(2);
        assertThat(row.value("a")).isEqualByComparingTo("10");
        assertThat(row.value("b")).isEqualByComparingTo("4");
        assertThat(row.value("c")).isEqualByComparingTo("5");
        assertThat(row.filled()).containsEntry("b", 1).containsEntry("c", 1).doesNotContainKey("d");
    }
}
