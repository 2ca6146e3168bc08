package org.nianbao.importer;

import java.time.Duration;

/**
 * How much one import may read and answer, so that the work of a request stays proportional to a small input. The
 * report service sets them from {@code nianbao.import.*}; {@link #defaults()} are the same values.
 *
 * @param maxBytes          the input's size in UTF-8 bytes
 * @param maxLines          lines of a text, or lines a page's blocks and table rows make: each line is held as an
 *                          object while the document is read, so this bounds the memory of an import
 * @param maxTables         {@code <table>} elements in an HTML page (data and layout tables)
 * @param maxRowsPerTable   rows of one table: {@code <tr>} of an HTML table, tab-separated lines of a table area
 * @param maxColumns        columns of one row: grid columns of an HTML table, cells of a tab-separated line
 * @param maxCellsPerTable  cells of one table area (a line printed as one cell counts as one)
 * @param maxSpanCells      grid positions one HTML cell may cover, rowspan × colspan
 * @param maxListed         entries listed in each of unplaced, prose figures and notes; the rest are counted
 * @param timeout           how long one import may take before it gives up
 */
public record ImportLimits(long maxBytes, int maxLines, int maxTables, int maxRowsPerTable, int maxColumns, int maxCellsPerTable,
                           int maxSpanCells, int maxListed, Duration timeout) {

    /** Each limit, with the setting of the report service that changes it. */
    public enum Limit {
        BYTES("nianbao.import.max-bytes"),
        LINES("nianbao.import.max-lines"),
        TABLES("nianbao.import.max-tables"),
        ROWS_PER_TABLE("nianbao.import.max-rows-per-table"),
        COLUMNS("nianbao.import.max-columns"),
        CELLS_PER_TABLE("nianbao.import.max-cells-per-table"),
        SPAN_CELLS("nianbao.import.max-span-cells"),
        TIME("nianbao.import.timeout");

        private final String setting;

        Limit(String setting) {
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }
    }

    public ImportLimits {
        if (maxBytes < 1 || maxLines < 1 || maxTables < 1 || maxRowsPerTable < 1 || maxColumns < 1 || maxCellsPerTable < 1
                || maxSpanCells < 1 || maxListed < 0 || timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("import limits must be positive: " + this);
        }
    }

    /**
     * Ten times what the largest published reports need (a national table has at most 23 rows and 17 grid columns;
     * a report printed one cell per line has about 1,200 lines), so that no real report meets them.
     */
    public static ImportLimits defaults() {
        return new ImportLimits(1_048_576, 20_000, 100, 1_000, 100, 10_000, 1_000, 200, Duration.ofSeconds(10));
    }
}
