package org.nianbao.model.template;

import java.math.BigDecimal;

/**
 * What a number in a cell may be; the parser enforces it (rule R5), and the importer and the aggregation read the same
 * limits. The bounds are far above any real report (the largest counts of a province are in the hundreds of thousands,
 * its fees in the tens of 万元) and far below what a roll-up of every agency over every year could overflow.
 */
public enum CellKind {
    /** A whole number, never negative. */
    COUNT(0, false),
    /** A whole number that may be negative (本年增/减). */
    CHANGE(0, true),
    /** A decimal amount, never negative, to at most 4 decimal places (1 元 is 0.0001 万元); see the cell's unit. */
    AMOUNT(4, false);

    /** No cell of any kind may hold more than this, in absolute value: 10^9 (a billion requests, or 10^13 元). */
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1000000000");

    private final int maxScale;
    private final boolean mayBeNegative;

    CellKind(int maxScale, boolean mayBeNegative) {
        this.maxScale = maxScale;
        this.mayBeNegative = mayBeNegative;
    }

    public boolean whole() {
        return maxScale == 0;
    }

    /** The decimal places a value may have: 0 for counts, 4 for amounts. */
    public int maxScale() {
        return maxScale;
    }

    public boolean mayBeNegative() {
        return mayBeNegative;
    }

    /** The largest absolute value a cell of this kind may hold. */
    public BigDecimal maxMagnitude() {
        return MAX_MAGNITUDE;
    }
}
