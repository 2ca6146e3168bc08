package org.nianbao.importer;

/** How a report table was laid out in the published text. */
public enum TableLayout {
    /** One cell per line, each line ending in {@code |} (text copied from an HTML table, seed 000). */
    PIPE_PER_LINE,
    /** One cell per line, possibly with empty lines between the cells (seed 002). */
    LINE_PER_CELL,
    /** One table row per line, cells separated by tabs (seed 004). */
    TAB_SEPARATED,
    /** One table row per line, cells between {@code |} (Markdown tables, text converted from PDF). */
    PIPE_ROWS,
    /**
     * Several cells on one line without a cell separator: columns separated by runs of spaces (text taken from a
     * PDF), or cells that run together (a page flattened by a crawler).
     */
    INLINE,
    /** An HTML {@code <table>}, read as a grid with its rowspans and colspans expanded. */
    HTML_TABLE,
    /** The table was not found. */
    NONE
}
