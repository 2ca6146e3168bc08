package org.nianbao.importer;

import org.nianbao.model.template.Column;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The header cells of the table rows above the current data rows, looked up by grid column. What the headers above a
 * column name is worked out once per column (and row of the template), not again for every value under them: a
 * table of many rows would otherwise rescan every header for every value.
 */
final class HeaderCells {

    private final LabelMatcher matcher;
    private final List<CellText> cells = new ArrayList<>();
    private final Map<Integer, Above> byColumn = new HashMap<>();
    private String unit;

    HeaderCells(LabelMatcher matcher) {
        this.matcher = matcher;
    }

    void add(CellText cell) {
        cells.add(cell);
        byColumn.clear();
        String remark = LabelKey.unitRemark(cell.key());
        if (remark != null) {
            unit = remark;
        }
    }

    void clear() {
        cells.clear();
        byColumn.clear();
        unit = null;
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    /** The unit the last header with a unit remark names (本年收费金额（单位：万元）), or null. */
    String unit() {
        return unit;
    }

    /** The headers over a grid column. */
    Above above(int column) {
        return byColumn.computeIfAbsent(column, c -> new Above(
                cells.stream().filter(h -> h.colStart() <= c && c < h.colEnd()).toList()));
    }

    /** The header cells over one grid column, and what they name. */
    final class Above {

        private final List<CellText> headers;
        private final Map<LabelMatcher.RowRef, Set<Column>> columnsNamed = new HashMap<>();
        private Set<LabelMatcher.RowRef> rowsNamed;

        private Above(List<CellText> headers) {
            this.headers = headers;
        }

        /** Whether a header over the column names this column of the row. */
        boolean namesColumn(LabelMatcher.RowRef row, Column column) {
            return columnsNamed.computeIfAbsent(row, r -> headers.stream().map(h -> matcher.column(r, h.key()))
                    .flatMap(Optional::stream).collect(Collectors.toSet())).contains(column);
        }

        /** Whether a header over the column is the row's label (rows printed side by side). */
        boolean namesRow(LabelMatcher.RowRef row) {
            if (rowsNamed == null) {
                rowsNamed = headers.stream().map(h -> matcher.row(h.key())).flatMap(Optional::stream)
                        .collect(Collectors.toSet());
            }
            return rowsNamed.contains(row);
        }
    }
}
