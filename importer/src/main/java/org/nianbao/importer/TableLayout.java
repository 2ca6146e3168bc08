package org.nianbao.importer;

/** How a report table was laid out in the published text. */
public enum TableLayout {
    /** One cell per line, each line ending in {@code |} (text copied from an HTML table, seed 000). */
    PIPE_PER_LINE,
    /** One cell per line, possibly with empty lines between the cells (seed 002). */
    LINE_PER_CELL,
    /** One table row per line, cells separated by tabs (seed 004). */
    TAB_SEPARATED,
    /** An HTML {@code <table>}, read as a grid with its rowspans and colspans expanded. */
    HTML_TABLE,
    /** The table was not found. */
    NONE
}
