package org.nianbao.importer;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTML {@code <table>} expanded to a grid: a cell with {@code rowspan}/{@code colspan} occupies every position it
 * spans, so that a value can be traced to the header cells above it (法人或其他组织 over five columns) and the row
 * labels to its left (三、本年度办理结果 down 23 rows).
 */
final class HtmlTableGrid {

    /** Spans beyond these are broken markup, not tables; they are cut so that a bad page cannot blow up the grid. */
    private static final int MAX_ROWSPAN = 500;
    private static final int MAX_COLSPAN = 100;

    /** A cell where it starts, with its extent. */
    record Cell(String text, int row, int column, int rowspan, int colspan) {
    }

    private final List<List<Cell>> startingCells = new ArrayList<>();
    private final Map<Long, Cell> occupied = new HashMap<>();
    private int width;

    private HtmlTableGrid() {
    }

    static HtmlTableGrid of(Element table) {
        HtmlTableGrid grid = new HtmlTableGrid();
        for (Element tr : rowsOf(table)) {
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
        List<Cell> cells = new ArrayList<>();
        int column = 0;
        for (Element td : tr.children()) {
            if (!td.normalName().equals("td") && !td.normalName().equals("th")) {
                continue;
            }
            while (occupied.containsKey(position(row, column))) {
                column++;
            }
            Cell cell = new Cell(td.text(), row, column, span(td, "rowspan", MAX_ROWSPAN), span(td, "colspan", MAX_COLSPAN));
            for (int r = row; r < row + cell.rowspan(); r++) {
                for (int c = column; c < column + cell.colspan(); c++) {
                    occupied.put(position(r, c), cell);
                }
            }
            cells.add(cell);
            column += cell.colspan();
            width = Math.max(width, column);
        }
        startingCells.add(cells);
    }

    private static int span(Element td, String attribute, int max) {
        try {
            int value = Integer.parseInt(td.attr(attribute).trim());
            return Math.max(1, Math.min(value, max));
        } catch (NumberFormatException absent) {
            return 1;
        }
    }

    private static long position(int row, int column) {
        return ((long) row << 32) | column;
    }

    int height() {
        return startingCells.size();
    }

    int width() {
        return width;
    }

    /** The cell covering a grid position (a spanning cell covers several), or null where the row is short. */
    Cell at(int row, int column) {
        return occupied.get(position(row, column));
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
