package org.nianbao.importer.document;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Word documents. A .docx becomes HTML: paragraphs as {@code <p>}, tables as {@code <table>} with the merged cells
 * kept as rowspan (vMerge) and colspan (gridSpan), which the importer maps through the header cells above each
 * value. A .doc (Word 97-2003) becomes text: HWPF gives the cells of a table row, which are written tab-separated.
 */
final class WordTables {

    private final DocumentLimits limits;

    WordTables(DocumentLimits limits) {
        this.limits = limits;
    }

    ReadDocument readDocx(byte[] bytes) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            Html html = new Html(limits.maxCharacters());
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    html.paragraph(paragraph.getText());
                } else if (element instanceof XWPFTable table) {
                    table(table, html);
                }
            }
            return new ReadDocument(DocumentFormat.DOCX, ReadDocument.Kind.HTML, html.done(), null, List.of(),
                    List.of());
        }
    }

    private void table(XWPFTable table, Html html) {
        List<List<GridCell>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<GridCell> cells = new ArrayList<>();
            int column = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                int span = 1;
                Merge merge = Merge.NONE;
                if (properties != null) {
                    if (properties.isSetGridSpan()) {
                        span = Math.max(1, ((BigInteger) properties.getGridSpan().getVal()).intValue());
                    }
                    if (properties.isSetVMerge()) {
                        STMerge.Enum value = properties.getVMerge().getVal();
                        merge = value == STMerge.RESTART ? Merge.START : Merge.CONTINUE;
                    }
                }
                cells.add(new GridCell(column, span, merge, cellText(cell)));
                column += span;
            }
            rows.add(cells);
        }
        html.openTable();
        for (int r = 0; r < rows.size(); r++) {
            html.openRow();
            for (GridCell cell : rows.get(r)) {
                if (cell.merge == Merge.CONTINUE) {
                    continue;   // covered by the rowspan of the cell that starts the merge above
                }
                int rowspan = 1;
                if (cell.merge == Merge.START) {
                    while (r + rowspan < rows.size() && continues(rows.get(r + rowspan), cell.column)) {
                        rowspan++;
                    }
                }
                html.cell(cell.text, rowspan, cell.span);
            }
            html.closeRow();
        }
        html.closeTable();
    }

    private static boolean continues(List<GridCell> row, int column) {
        return row.stream().anyMatch(c -> c.column == column && c.merge == Merge.CONTINUE);
    }

    /** The paragraphs of a cell joined by a space (a label wrapped by hand stays one label). */
    private static String cellText(XWPFTableCell cell) {
        StringBuilder text = new StringBuilder();
        for (XWPFParagraph paragraph : cell.getParagraphs()) {
            String part = paragraph.getText().strip();
            if (!part.isEmpty()) {
                text.append(text.isEmpty() ? "" : " ").append(part);
            }
        }
        for (XWPFTable nested : cell.getTables()) {
            text.append(text.isEmpty() ? "" : " ").append(nested.getText().strip());
        }
        return text.toString();
    }

    private enum Merge { NONE, START, CONTINUE }

    private record GridCell(int column, int span, Merge merge, String text) {
    }

    ReadDocument readDoc(byte[] bytes) throws IOException {
        try (HWPFDocument document = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            Range range = document.getRange();
            StringBuilder text = new StringBuilder();
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < range.numParagraphs(); i++) {
                Paragraph paragraph = range.getParagraph(i);
                String part = clean(paragraph.text());
                if (paragraph.isInTable()) {
                    if (paragraph.isTableRowEnd()) {
                        text.append(row.toString().stripTrailing().replaceAll("\t+$", "")).append('\n');
                        row.setLength(0);
                    } else {
                        // a cell's last paragraph ends with the cell mark \u0007, its other paragraphs with \r
                        boolean cellEnd = paragraph.text().endsWith("\u0007");
                        row.append(part.strip()).append(cellEnd ? "\t" : " ");
                    }
                } else {
                    text.append(part.strip()).append('\n');
                }
                if (text.length() > limits.maxCharacters()) {
                    throw new DocumentException(DocumentException.Reason.TOO_LARGE, "The document holds more than "
                            + limits.maxCharacters() + " characters of text; send the report alone.");
                }
            }
            return new ReadDocument(DocumentFormat.DOC, ReadDocument.Kind.TEXT, text.toString(), null, List.of(),
                    List.of());
        }
    }

    /** Paragraph text without field codes (kept: their results), cell marks and Word's special characters. */
    private static String clean(String text) {
        return Range.stripFields(text).replace('\u0007', ' ').replace('\r', ' ').replace('\u000b', ' ')
                .replace('\f', ' ').replaceAll("[\\x00-\\x08\\x0e-\\x1f]", "");
    }
}
