package org.nianbao.aggregation.rollup;

import java.util.Comparator;

/** One roll-up row: a region × sector × agency level (or ALL) × year. */
public record RollupKey(String regionCode, String sector, String level, int year) implements Comparable<RollupKey> {

    public static final String ALL_LEVELS = "ALL";

    private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::regionCode)
            .thenComparing(RollupKey::sector).thenComparing(RollupKey::level).thenComparingInt(RollupKey::year);

    /** Rows are always written in this order, so concurrent writers lock them in the same order (no deadlocks). */
    @Override
    public int compareTo(RollupKey other) {
        return ORDER.compare(this, other);
    }
}
