package org.nianbao.importer.document;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Excel workbooks (.xlsx and .xls): each sheet becomes an HTML table, merged regions as rowspan/colspan. Numbers are
 * written as the plain decimal the cell holds ({@code 9487}, {@code 0.5}), never in scientific notation or with the
 * float noise of a computed sum; a formula is read by its cached result (the value Excel showed when it saved).
 */
final class SheetTables {

    /** A double has 15-17 significant digits; the last ones are noise from binary fractions (0.1 + 0.2). */
    private static final MathContext SIGNIFICANT = new MathContext(15);

    private final DocumentLimits limits;
    private final DataFormatter formatter = new DataFormatter();

    SheetTables(DocumentLimits limits) {
        this.limits = limits;
    }

    ReadDocument read(byte[] bytes, DocumentFormat format) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() > limits.maxSheets()) {
                throw new DocumentException(DocumentException.Reason.TOO_LARGE, "The workbook has "
                        + workbook.getNumberOfSheets() + " sheets; at most " + limits.maxSheets()
                        + " are read. Send the sheets of the report alone.");
            }
            Html html = new Html(limits.maxCharacters());
            for (Sheet sheet : workbook) {
                sheet(sheet, html);
            }
            return new ReadDocument(format, ReadDocument.Kind.HTML, html.done(), null, List.of(), List.of());
        }
    }

    private void sheet(Sheet sheet, Html html) {
        if (sheet.getLastRowNum() + 1 > limits.maxRowsPerSheet()) {
            throw new DocumentException(DocumentException.Reason.TOO_LARGE, "The sheet \"" + sheet.getSheetName()
                    + "\" has " + (sheet.getLastRowNum() + 1) + " rows; at most " + limits.maxRowsPerSheet()
                    + " are read. Send the report's tables alone.");
        }
        Map<Long, CellRangeAddress> mergeStarts = new HashMap<>();
        Set<Long> covered = new HashSet<>();
        Map<Integer, Integer> mergedUpTo = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            mergeStarts.put(key(region.getFirstRow(), region.getFirstColumn()), region);
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                mergedUpTo.merge(r, region.getLastColumn(), Math::max);
            }
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    if (r != region.getFirstRow() || c != region.getFirstColumn()) {
                        covered.add(key(r, c));
                    }
                }
            }
        }
        boolean inTable = false;
        for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            int last = Math.max(lastUsedColumn(row), mergedUpTo.getOrDefault(r, -1));
            if (last < 0) {
                inTable = close(html, inTable);   // an empty row ends a table
                continue;
            }
            if (last == 0 && !covered.contains(key(r, 0)) && !mergeStarts.containsKey(key(r, 0))) {
                // a row of one cell is a heading or a sentence written into the sheet, not a table row
                inTable = close(html, inTable);
                html.paragraph(text(row.getCell(0)));
                continue;
            }
            if (!inTable) {
                html.openTable();
                inTable = true;
            }
            html.openRow();
            for (int c = 0; c <= last; c++) {
                if (covered.contains(key(r, c))) {
                    continue;
                }
                CellRangeAddress region = mergeStarts.get(key(r, c));
                int rowspan = region == null ? 1 : region.getLastRow() - region.getFirstRow() + 1;
                int colspan = region == null ? 1 : region.getLastColumn() - region.getFirstColumn() + 1;
                html.cell(row == null ? "" : text(row.getCell(c)), rowspan, colspan);
            }
            html.closeRow();
        }
        close(html, inTable);
    }

    private static boolean close(Html html, boolean inTable) {
        if (inTable) {
            html.closeTable();
        }
        return false;
    }

    /**
     * The last column of the row that holds a cell (blank cells with borders count: a blank table cell is not an
     * absent one); -1 for a row with nothing.
     */
    private static int lastUsedColumn(Row row) {
        int last = -1;
        if (row != null) {
            for (Cell cell : row) {
                boolean shown = cell.getCellType() != CellType.BLANK || cell.getCellStyle() != null
                        && cell.getCellStyle().getBorderBottom() != BorderStyle.NONE;
                if (shown) {
                    last = Math.max(last, cell.getColumnIndex());
                }
            }
        }
        return last;
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> number(cell);
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private String number(Cell cell) {
        String format = cell.getCellStyle() == null ? "" : cell.getCellStyle().getDataFormatString();
        if (DateUtil.isCellDateFormatted(cell) || (format != null && format.contains("%"))) {
            return formatter.formatCellValue(cell);   // a date or a percentage reads as Excel shows it
        }
        double value = cell.getNumericCellValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }
}
