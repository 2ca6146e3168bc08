package org.nianbao.importer.document;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.nianbao.importer.ReportImporter;
import org.nianbao.model.template.TemplateCatalog;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A corpus report's 2021 tables written as Word and Excel files (merged header cells), read back and imported. */
class OfficeDocumentTest {

    private static final String REPORT = "hongze-qzf-2024";
    private static final ReportImporter IMPORTER = new ReportImporter(TemplateCatalog.standard());
    private final DocumentReader reader = new DocumentReader();
    private final Map<String, BigDecimal> expected = CorpusScore.expectedCells(REPORT);
    private final List<Gov2021Tables.Printed> tables = new Gov2021Tables(expected).tables();

    @Test
    void wordTablesWithMergedCellsImportEveryCell() throws IOException {
        ReadDocument read = reader.read(docx(), null, "报告.docx");

        assertThat(read.format()).isEqualTo(DocumentFormat.DOCX);
        assertThat(read.content()).contains("<td colspan=\"7\">申请人情况</td>")
                .contains("<td rowspan=\"22\">三、本年度办理结果</td>");
        CorpusScore score = CorpusScore.of(REPORT, read.importWith(IMPORTER));
        assertThat(score.problems()).as(score.toString()).isEmpty();
        assertThat(score.right()).isEqualTo(expected.size());
    }

    @Test
    void excelSheetsWithMergedRegionsImportEveryCell() throws IOException {
        for (Workbook workbook : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
            byte[] bytes = sheet(workbook);
            ReadDocument read = reader.read(bytes, null, null);

            assertThat(read.format()).isIn(DocumentFormat.XLSX, DocumentFormat.XLS);
            assertThat(read.content()).contains("<td colspan=\"3\">9487</td>").contains("<td colspan=\"3\">7545</td>");
            CorpusScore score = CorpusScore.of(REPORT, read.importWith(IMPORTER));
            assertThat(score.problems()).as(read.format() + ": " + score).isEmpty();
            assertThat(score.right()).isEqualTo(expected.size());
        }
    }

    @Test
    void excelNumbersAreWrittenPlainWithoutFloatNoise() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet().createRow(0);
            row.createCell(0).setCellValue(0.1 + 0.2);
            row.createCell(1).setCellValue(123456789012.0);
            row.createCell(2).setCellValue(7545.0);
            row.createCell(3).setCellFormula("A1*10");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ReadDocument read = reader.read(bytes(workbook), null, null);

            assertThat(read.content()).contains("<td>0.3</td><td>123456789012</td><td>7545</td><td>3</td>");
        }
    }

    @Test
    void zipBombDocxIsRefusedBeforeInflating() throws IOException {
        byte[] bomb = withEntry(docx(), "word/media/padding.bin", 16 << 20);

        assertThatThrownBy(() -> reader.read(bomb, null, "报告.docx"))
                .isInstanceOfSatisfying(DocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DocumentException.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("word/media/padding.bin").contains("zip bomb");
                });
        byte[] hugeSheet = withEntry(docx(), "word/padding.xml", 9 << 20);
        assertThatThrownBy(() -> reader.read(hugeSheet, null, null))
                .isInstanceOfSatisfying(DocumentException.class,
                        e -> assertThat(e.getMessage()).contains("word/padding.xml").contains("bytes of XML"));
    }

    @Test
    void aZipThatIsNoOfficeDocumentIsRefusedAsUnsupported() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document/>".getBytes());
        }
        assertThatThrownBy(() -> reader.read(out.toByteArray(), "application/vnd.oasis.opendocument.text", "a.odt"))
                .isInstanceOfSatisfying(DocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentException.Reason.UNSUPPORTED_FORMAT));
    }

    @Test
    void aFileDeclaredAsWordThatIsNotOneSaysSo() {
        assertThatThrownBy(() -> reader.read("just text".getBytes(), null, "报告.docx"))
                .isInstanceOfSatisfying(DocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DocumentException.Reason.UNREADABLE);
                    assertThat(e.getMessage()).contains("declared as Word (.docx)");
                });
    }

    private byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            for (String line : Gov2021Tables.opening("淮安市洪泽区人民政府", 2024)) {
                document.createParagraph().createRun().setText(line);
            }
            for (Gov2021Tables.Printed printed : tables) {
                document.createParagraph().createRun().setText(printed.heading());
                wordTable(document.createTable(), printed.rows());
            }
            for (String line : Gov2021Tables.closing()) {
                document.createParagraph().createRun().setText(line);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    /** Writes the cells as Word does: gridSpan for a merge across, vMerge restart/continue for a merge down. */
    private static void wordTable(XWPFTable table, List<List<Gov2021Tables.Cell>> rows) {
        Map<Integer, Gov2021Tables.Cell> mergedFromAbove = new HashMap<>();
        Map<Integer, Integer> rowsLeft = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
            while (!row.getTableCells().isEmpty()) {
                row.removeCell(0);
            }
            int column = 0;
            var origins = rows.get(r).iterator();
            while (origins.hasNext() || rowsLeft.getOrDefault(column, 0) > 0) {
                if (rowsLeft.getOrDefault(column, 0) > 0) {
                    Gov2021Tables.Cell above = mergedFromAbove.get(column);
                    CTTcPr properties = row.addNewTableCell().getCTTc().addNewTcPr();
                    properties.addNewVMerge();
                    span(properties, above.colspan());
                    rowsLeft.merge(column, -1, Integer::sum);
                    column += above.colspan();
                    continue;
                }
                Gov2021Tables.Cell cell = origins.next();
                XWPFTableCell wordCell = row.addNewTableCell();
                wordCell.setText(cell.text());
                CTTcPr properties = wordCell.getCTTc().addNewTcPr();
                span(properties, cell.colspan());
                if (cell.rowspan() > 1) {
                    properties.addNewVMerge().setVal(STMerge.RESTART);
                    mergedFromAbove.put(column, cell);
                    rowsLeft.put(column, cell.rowspan() - 1);
                }
                column += cell.colspan();
            }
        }
    }

    private static void span(CTTcPr properties, int columns) {
        if (columns > 1) {
            properties.addNewGridSpan().setVal(BigInteger.valueOf(columns));
        }
    }

    private byte[] sheet(Workbook workbook) throws IOException {
        Sheet sheet = workbook.createSheet("年度报告");
        int r = 0;
        for (String line : Gov2021Tables.opening("淮安市洪泽区人民政府", 2024)) {
            sheet.createRow(r++).createCell(0).setCellValue(line);
        }
        for (Gov2021Tables.Printed printed : tables) {
            sheet.createRow(r++).createCell(0).setCellValue(printed.heading());
            boolean[][] taken = new boolean[printed.rows().size()][16];
            for (int i = 0; i < printed.rows().size(); i++, r++) {
                Row row = sheet.createRow(r);
                int column = 0;
                for (Gov2021Tables.Cell cell : printed.rows().get(i)) {
                    while (taken[i][column]) {
                        column++;
                    }
                    if (cell.text().matches("\\d+")) {
                        row.createCell(column).setCellValue(Double.parseDouble(cell.text()));
                    } else {
                        row.createCell(column).setCellValue(cell.text());
                    }
                    if (cell.rowspan() > 1 || cell.colspan() > 1) {
                        sheet.addMergedRegion(new CellRangeAddress(r, r + cell.rowspan() - 1, column,
                                column + cell.colspan() - 1));
                    }
                    for (int dr = 0; dr < cell.rowspan(); dr++) {
                        for (int dc = 0; dc < cell.colspan(); dc++) {
                            taken[i + dr][column + dc] = true;
                        }
                    }
                    column += cell.colspan();
                }
            }
        }
        for (String line : Gov2021Tables.closing()) {
            sheet.createRow(r++).createCell(0).setCellValue(line);
        }
        return bytes(workbook);
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        try (workbook) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The zip with one more entry of {@code size} bytes of blanks, which deflate to almost nothing. */
    private static byte[] withEntry(byte[] zipBytes, String name, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
            }
            zip.putNextEntry(new ZipEntry(name));
            byte[] blanks = new byte[1 << 20];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < size / blanks.length; i++) {
                zip.write(blanks);
            }
        }
        return out.toByteArray();
    }

}
