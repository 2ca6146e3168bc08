package org.nianbao.importer;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An HTML {@code <table>} laid out as a grid: a cell with {@code rowspan}/{@code colspan} occupies every position it
 * spans, so that a value can be traced to the header cells above it (法人或其他组织 over five columns) and the row
 * labels to its left (三、本年度办理结果 down 23 rows).
 * <p>
 * The grid is not expanded into positions: for each column it keeps the row where the last span over it ends, so a
 * cell costs its colspan however many rows it spans. A rowspan past the table's last row ends there, as in a browser;
 * a table or a cell beyond the {@link ImportLimits} stops the import with the limit it met.
 */
final class HtmlTableGrid {

    /** A cell where it starts, with its extent. */
    record Cell(String text, int row, int column, int rowspan, int colspan) {
    }

    private final ImportLimits limits;
    private final Deadline deadline;
    private final int table;
    private final int rows;
    private final List<List<Cell>> startingCells = new ArrayList<>();
    /** For each grid column, the first row no span from an earlier row reaches. */
    private int[] freeFrom = new int[16];
    private int width;
    private int cells;

    private HtmlTableGrid(ImportLimits limits, Deadline deadline, int table, int rows) {
        this.limits = limits;
        this.deadline = deadline;
        this.table = table;
        this.rows = rows;
    }

    static HtmlTableGrid of(Element table) {
        ImportLimits limits = ImportLimits.defaults();
        return of(table, 1, limits, Deadline.after(limits.timeout()));
    }

    /** The grid of the {@code table}-th table of the page. */
    static HtmlTableGrid of(Element table, int number, ImportLimits limits, Deadline deadline) {
        List<Element> trs = rowsOf(table);
        if (trs.size() > limits.maxRowsPerTable()) {
            throw new ImportLimitException(ImportLimits.Limit.ROWS_PER_TABLE, "Table %d of the page has %,d rows; at "
                    + "most %,d are read. A report table has far fewer: send the report's own page, or split the "
                    + "document.", number, trs.size(), limits.maxRowsPerTable());
        }
        HtmlTableGrid grid = new HtmlTableGrid(limits, deadline, number, trs.size());
        for (Element tr : trs) {
            grid.addRow(tr);
        }
        return grid;
    }

    /** The rows of this table, not those of a table nested in it. */
    private static List<Element> rowsOf(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            switch (child.normalName()) {
                case "tr" -> rows.add(child);
                case "thead", "tbody", "tfoot" -> child.children().stream()
                        .filter(e -> e.normalName().equals("tr")).forEach(rows::add);
                default -> { }
            }
        }
        return rows;
    }

    private void addRow(Element tr) {
        int row = startingCells.size();
        List<Cell> rowCells = new ArrayList<>();
        int column = 0;
        for (Element td : tr.children()) {
            if (!td.normalName().equals("td") && !td.normalName().equals("th")) {
                continue;
            }
            deadline.check();
            while (column < width && freeFrom[column] > row) {
                column++;
            }
            int rowspan = Math.min(span(td, "rowspan"), rows - row);
            int colspan = span(td, "colspan");
            check(row, column, rowspan, colspan);
            Cell cell = new Cell(td.text(), row, column, rowspan, colspan);
            occupy(column, colspan, row + rowspan);
            rowCells.add(cell);
            column += colspan;
            width = Math.max(width, column);
        }
        startingCells.add(rowCells);
    }

    private void check(int row, int column, int rowspan, int colspan) {
        if ((long) column + colspan > limits.maxColumns()) {
            throw new ImportLimitException(ImportLimits.Limit.COLUMNS, "Row %d of table %d of the page reaches past "
                    + "grid column %,d; at most %,d columns are read. A report table has far fewer: check the "
                    + "colspan attributes of that row.", row + 1, table, limits.maxColumns(),
                    limits.maxColumns());
        }
        if ((long) rowspan * colspan > limits.maxSpanCells()) {
            throw new ImportLimitException(ImportLimits.Limit.SPAN_CELLS, "A cell in row %d of table %d of the page "
                    + "spans %,d rows × %,d columns (%,d grid cells); one cell may cover at most %,d. Check its rowspan "
                    + "and colspan attributes.", row + 1, table, rowspan, colspan, (long) rowspan * colspan,
                    limits.maxSpanCells());
        }
        if (++cells > limits.maxCellsPerTable()) {
            throw new ImportLimitException(ImportLimits.Limit.CELLS_PER_TABLE, "Table %d of the page has more than "
                    + "%,d cells; at most %,d are read. A report table has far fewer: send the report's own page, or "
                    + "split the document.", table, limits.maxCellsPerTable(), limits.maxCellsPerTable());
        }
    }

    private void occupy(int column, int colspan, int untilRow) {
        if (column + colspan > freeFrom.length) {
            freeFrom = Arrays.copyOf(freeFrom, Math.max(column + colspan, freeFrom.length * 2));
        }
        for (int c = column; c < column + colspan; c++) {
            freeFrom[c] = Math.max(freeFrom[c], untilRow);
        }
    }

    /** A span attribute: 1 when absent, not a number or below 1. */
    private static int span(Element td, String attribute) {
        try {
            return Math.max(1, Integer.parseInt(td.attr(attribute).trim()));
        } catch (NumberFormatException absent) {
            return 1;
        }
    }

    int height() {
        return startingCells.size();
    }

    int width() {
        return width;
    }

    /** The cell covering a grid position (a spanning cell covers several), or null where the row is short. */
    Cell at(int row, int column) {
        for (int r = row; r >= 0; r--) {
            for (Cell cell : startingCells.get(r)) {
                if (cell.row() + cell.rowspan() > row && cell.column() <= column && column < cell.column() + cell.colspan()) {
                    return cell;
                }
            }
        }
        return null;
    }

    /** The text at a grid position: a spanning cell's text repeats over every position it covers. */
    String text(int row, int column) {
        Cell cell = at(row, column);
        return cell == null ? "" : cell.text();
    }

    /** The cells that start in a row, left to right. */
    List<Cell> startingIn(int row) {
        return startingCells.get(row);
    }
}
