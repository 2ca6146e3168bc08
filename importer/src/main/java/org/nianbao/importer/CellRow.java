package org.nianbao.importer;

import java.util.List;

/**
 * Cells as the tokenizer found them ({@code table}: the HTML table of the row, 0 for text). A physical row (a tab-separated line, an HTML table row) knows where a table
 * row ends; in the one-cell-per-line layouts every line is a row of its own and only the labels tell where a table
 * row ends.
 */
record CellRow(int line, List<CellText> cells, boolean physical, TableLayout layout, int table) {

    CellRow {
        cells = List.copyOf(cells);
    }
}
