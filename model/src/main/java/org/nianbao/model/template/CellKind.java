package org.nianbao.model.template;

/** What a number in a cell may be; the parser enforces it (rule R5). */
public enum CellKind {
    /** A whole number, never negative. */
    COUNT,
    /** A whole number that may be negative (本年增/减). */
    CHANGE,
    /** A decimal amount, never negative; see the cell's unit. */
    AMOUNT;

    public boolean whole() {
        return this != AMOUNT;
    }

    public boolean mayBeNegative() {
        return this == CHANGE;
    }
}
