package org.nianbao.aggregation.web;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes {@link Tabular} answers as an Office Open XML spreadsheet: the Chinese labels in a bold, frozen first row,
 * then the same rows as the CSV, numbers as numeric cells (so they sum and sort), dates as dates, and a blank
 * (null) value as no cell at all, never 0. The workbook is streamed (SXSSF): only {@value #ROWS_IN_MEMORY} rows are
 * held at a time, the rest go to a temporary file that is deleted once the answer is written, so a national table
 * does not sit in the heap twice.
 */
@Provider
@Produces(XlsxWriter.XLSX)
public class XlsxWriter implements MessageBodyWriter<Tabular> {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int ROWS_IN_MEMORY = 200;
    private static final String SHEET = "nianbao";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Tabular.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Tabular table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            // temporary files of the streamed rows: compressed, as a national table is mostly repeated text
            book.setCompressTempFiles(true);
            SXSSFSheet sheet = book.createSheet(SHEET);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            header(sheet.createRow(0), table.labels(), bold);
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> values : table.csvRows()) {
                row(sheet.createRow(r++), values, date);
            }
            book.write(out);
        } finally {
            book.close();
            book.dispose();
        }
    }

    private static void header(Row row, List<String> labels, CellStyle style) {
        for (int i = 0; i < labels.size(); i++) {
            row.createCell(i).setCellValue(labels.get(i));
            row.getCell(i).setCellStyle(style);
        }
    }

    private static void row(Row row, List<Object> values, CellStyle date) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            if (value instanceof Number n) {
                // BigDecimal too: a spreadsheet holds doubles (15 significant digits), as Excel itself computes
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (value instanceof LocalDate d) {
                row.createCell(i).setCellValue(d);
                row.getCell(i).setCellStyle(date);
            } else {
                // a string cell is never run as a formula, so unlike the CSV it needs no apostrophe
                row.createCell(i).setCellValue(value.toString());
            }
        }
    }
}
