package org.nianbao.importer;

import java.util.List;

/**
 * Tells how the lines of one table region are laid out. Tab-separated lines and HTML rows are recognised line by
 * line; for the other lines of the region it decides between one cell per line ending in {@code |} and one cell
 * per line, and whether empty lines are cells or only separate them (seed 002 puts an empty line after every cell
 * and marks a blank cell with a non-breaking space).
 */
final class LayoutDetector {

    private static final double PIPE_SHARE = 0.3;
    private static final double SEPARATOR_SHARE = 0.6;

    /** The layout of the region's plain lines, and whether its empty lines are blank cells. */
    record RegionLayout(TableLayout lineLayout, boolean emptyLinesAreCells) {
    }

    RegionLayout detect(List<SourceLine> lines) {
        int content = 0;
        int empty = 0;
        int pipes = 0;
        int tabs = 0;
        for (SourceLine line : lines) {
            if (line.htmlRow()) {
                continue;
            }
            if (isTabRow(line) || PipeRows.isPipeRow(line)) {
                tabs++;
                continue;
            }
            String text = line.text();
            if (text.isEmpty()) {
                empty++;
                continue;
            }
            content++;
            if (text.strip().endsWith("|")) {
                pipes++;
            }
        }
        if (content > 0 && pipes >= content * PIPE_SHARE) {
            return new RegionLayout(TableLayout.PIPE_PER_LINE, false);
        }
        boolean separated = empty >= content * SEPARATOR_SHARE;
        // with tab rows or separating empty lines, an empty line only ends a row; otherwise it is a blank cell
        return new RegionLayout(TableLayout.LINE_PER_CELL, !separated && tabs == 0 && content > 0);
    }

    static boolean isTabRow(SourceLine line) {
        return !line.htmlRow() && line.text().indexOf('\t') >= 0;
    }
}
