package org.nianbao.importer;

import java.util.List;

/**
 * One line of the input after normalisation. A row of an HTML table is one line whose {@code cells} hold the grid
 * cells that start in that row (cells continued from a rowspan above are left out); plain text lines have no cells.
 *
 * @param number 1-based line number (for HTML: of the extracted text)
 * @param text   the line's text
 * @param cells  the cells of an HTML table row, or null
 * @param table  which HTML table of the page the row belongs to (1, 2, …); 0 for a plain line
 */
record SourceLine(int number, String text, List<GridCell> cells, int table) {

    SourceLine {
        cells = cells == null ? null : List.copyOf(cells);
    }

    static SourceLine text(int number, String text) {
        return new SourceLine(number, text, null, 0);
    }

    boolean htmlRow() {
        return cells != null;
    }

    /** A cell of an HTML table row: its text and the grid columns it spans, {@code [colStart, colEnd)}. */
    record GridCell(String text, int colStart, int colEnd) {

        boolean covers(int column) {
            return column >= colStart && column < colEnd;
        }
    }
}
