package org.nianbao.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits the lines of a table region into classified cells, by the layout of each line. */
final class CellTokenizer {

    /** Lines such as ||| or |||||||| are the row borders of an HTML table copied as text: no cell. */
    private static final Pattern BORDER = Pattern.compile("^\\s*\\|{2,}\\s*$");

    private final Vocabulary vocabulary;
    private final Pattern numberPattern;
    private final LayoutDetector layoutDetector = new LayoutDetector();

    CellTokenizer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.numberPattern = CellText.numberPattern(vocabulary);
    }

    List<CellRow> tokenize(List<SourceLine> region) {
        LayoutDetector.RegionLayout layout = layoutDetector.detect(region);
        List<CellRow> rows = new ArrayList<>();
        for (SourceLine line : region) {
            if (line.htmlRow()) {
                rows.add(htmlRow(line));
            } else if (LayoutDetector.isTabRow(line)) {
                rows.add(tabRow(line));
            } else {
                CellText cell = lineCell(line, layout);
                if (cell != null) {
                    rows.add(new CellRow(line.number(), List.of(cell), false, layout.lineLayout(), 0));
                }
            }
        }
        return rows;
    }

    private CellRow htmlRow(SourceLine line) {
        List<CellText> cells = new ArrayList<>();
        for (SourceLine.GridCell cell : line.cells()) {
            cells.add(classify(cell.text(), line.number(), cell.colStart(), cell.colEnd(), TableLayout.HTML_TABLE));
        }
        return new CellRow(line.number(), cells, true, TableLayout.HTML_TABLE, line.table());
    }

    private CellRow tabRow(SourceLine line) {
        List<CellText> cells = new ArrayList<>();
        for (String text : line.text().split("\t", -1)) {
            cells.add(classify(text, line.number(), -1, -1, TableLayout.TAB_SEPARATED));
        }
        return new CellRow(line.number(), cells, true, TableLayout.TAB_SEPARATED, 0);
    }

    /** The cell a plain line holds, or null for a border or a separating empty line. */
    private CellText lineCell(SourceLine line, LayoutDetector.RegionLayout layout) {
        String text = line.text();
        if (BORDER.matcher(text).matches()) {
            return null;
        }
        if (text.isEmpty()) {
            return layout.emptyLinesAreCells()
                    ? classify(text, line.number(), -1, -1, layout.lineLayout()).asBlank()
                    : null;
        }
        CellText cell = classify(text, line.number(), -1, -1, layout.lineLayout());
        // a line with nothing but a non-breaking space or a lone | is a cell printed blank
        return cell.kind() == CellText.Kind.EMPTY ? cell.asBlank() : cell;
    }

    private CellText classify(String text, int line, int colStart, int colEnd, TableLayout layout) {
        return CellText.classify(text, line, colStart, colEnd, layout, vocabulary, numberPattern);
    }
}
