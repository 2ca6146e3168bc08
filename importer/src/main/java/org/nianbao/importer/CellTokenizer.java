package org.nianbao.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits the lines of a table region into classified cells, by the layout of each line. */
final class CellTokenizer {

    /** Lines such as ||| or |||||||| are the row borders of an HTML table copied as text: no cell. */
    private static final Pattern BORDER = Pattern.compile("^\\s*\\|{2,}\\s*$");
    /** A page number printed between table rows of a converted PDF: - 3 -, — 4 —, 第 3 页. */
    private static final Pattern PAGE_NUMBER =
            Pattern.compile("^\\s*(?:[-—–]\\s*\\d{1,3}\\s*[-—–]|第\\s*\\d{1,3}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,3}\\s*页)?)\\s*$");

    private final Vocabulary vocabulary;
    private final Pattern numberPattern;
    private final LayoutDetector layoutDetector = new LayoutDetector();
    private final InlineCells inlineCells;
    private final LabelDictionary dictionary;

    CellTokenizer(Vocabulary vocabulary, LabelDictionary dictionary) {
        this.vocabulary = vocabulary;
        this.numberPattern = CellText.numberPattern(vocabulary);
        this.inlineCells = new InlineCells(dictionary, vocabulary, numberPattern);
        this.dictionary = dictionary;
    }

    /**
     * The cells of one table area. Stops with an {@link ImportLimitException} when the area has more tab-separated
     * rows, cells in a row or cells in all than the limits allow: each is read before it is counted, so the work
     * before the stop is bounded by the limit.
     */
    List<CellRow> tokenize(List<SourceLine> region, ImportLimits limits, Deadline deadline) {
        LayoutDetector.RegionLayout layout = layoutDetector.detect(region);
        List<CellRow> rows = new ArrayList<>();
        int tabRows = 0;
        int cells = 0;
        for (SourceLine line : region) {
            deadline.check();
            CellRow row;
            if (line.htmlRow()) {
                row = htmlRow(line);
            } else if (LayoutDetector.isTabRow(line)) {
                if (++tabRows > limits.maxRowsPerTable()) {
                    throw tooMany(ImportLimits.Limit.ROWS_PER_TABLE, region, "tab-separated rows",
                            limits.maxRowsPerTable());
                }
                row = tabRow(line, limits);
            } else if (PipeRows.isSeparator(line) || PAGE_NUMBER.matcher(line.text()).matches()) {
                continue;
            } else if (PipeRows.isPipeRow(line)) {
                if (++tabRows > limits.maxRowsPerTable()) {
                    throw tooMany(ImportLimits.Limit.ROWS_PER_TABLE, region, "table rows", limits.maxRowsPerTable());
                }
                row = pipeRow(line, limits);
            } else if (layout.lineLayout() == TableLayout.LINE_PER_CELL && !line.text().isBlank()
                    && (row = inlineRow(line, limits)) != null) {
                // several cells on the line: a row with its columns spaced apart, or cells that run together
            } else {
                CellText cell = lineCell(line, layout);
                row = cell == null ? null : new CellRow(line.number(), List.of(cell), false, layout.lineLayout(), 0);
            }
            if (row == null) {
                continue;
            }
            cells += row.cells().size();
            if (cells > limits.maxCellsPerTable()) {
                throw tooMany(ImportLimits.Limit.CELLS_PER_TABLE, region, "cells", limits.maxCellsPerTable());
            }
            rows.add(row);
        }
        if (rows.stream().anyMatch(r -> r.layout() == TableLayout.INLINE)) {
            // rows on lines of their own: an empty line only ends a row, it is no blank cell
            rows.removeIf(r -> r.layout() == TableLayout.LINE_PER_CELL && r.cells().size() == 1
                    && r.cells().get(0).kind() == CellText.Kind.BLANK && r.cells().get(0).text().isEmpty());
        }
        return rows;
    }

    private static ImportLimitException tooMany(ImportLimits.Limit limit, List<SourceLine> region, String what, int max) {
        return new ImportLimitException(limit, "The table area from line %d on has more than %,d %s; at most %,d are "
                + "read. A report table has far fewer: send the report alone, or split the document.",
                region.get(0).number(), max, what, max);
    }

    private CellRow htmlRow(SourceLine line) {
        List<CellText> cells = new ArrayList<>();
        for (SourceLine.GridCell cell : line.cells()) {
            cells.add(classify(cell.text(), line.number(), cell.colStart(), cell.colEnd(), TableLayout.HTML_TABLE));
        }
        return new CellRow(line.number(), cells, true, TableLayout.HTML_TABLE, line.table());
    }

    private CellRow tabRow(SourceLine line, ImportLimits limits) {
        String[] texts = line.text().split("\t", -1);
        if (texts.length > limits.maxColumns()) {
            throw new ImportLimitException(ImportLimits.Limit.COLUMNS, "Line %d has %,d tab-separated cells; at most %,d "
                    + "are read in a row. A report table has far fewer columns: check that the text is the report.",
                    line.number(), texts.length, limits.maxColumns());
        }
        List<CellText> cells = new ArrayList<>();
        for (String text : texts) {
            cells.add(classify(text, line.number(), -1, -1, TableLayout.TAB_SEPARATED));
        }
        return new CellRow(line.number(), cells, true, TableLayout.TAB_SEPARATED, 0);
    }

    private CellRow pipeRow(SourceLine line, ImportLimits limits) {
        List<String> texts = PipeRows.cells(line.text());
        if (texts.size() > limits.maxColumns()) {
            throw new ImportLimitException(ImportLimits.Limit.COLUMNS, "Line %d has %,d cells between |; at most %,d "
                    + "are read in a row. A report table has far fewer columns: check that the text is the report.",
                    line.number(), texts.size(), limits.maxColumns());
        }
        List<CellText> cells = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            cells.add(classify(texts.get(i), line.number(), i, i + 1, TableLayout.PIPE_ROWS));
        }
        return new CellRow(line.number(), cells, true, TableLayout.PIPE_ROWS, 0);
    }

    /**
     * The cells of a plain line that holds more than one, or null when it is one cell. Sentences are not cut: a
     * sentence's figures are for {@link ProseFigureReader}, and the words of a sentence are no table labels.
     */
    private CellRow inlineRow(SourceLine line, ImportLimits limits) {
        if (!mayHoldSeveralCells(line.text())) {
            return null;
        }
        List<CellText> cells = new ArrayList<>();
        for (String piece : Sentences.pieces(line.text())) {
            if (!Sentences.isProse(piece)) {
                cells.addAll(inlineCells.cells(piece, line.number(), TableLayout.INLINE));
                continue;
            }
            // a table can run into the sentence after it: 行政事业性收费7816 (二)主动公开的主要类别 2021年，在…
            int tableEnd = tableEnd(piece, line.number());
            if (tableEnd > 0) {
                cells.addAll(inlineCells.cells(piece.substring(0, tableEnd), line.number(), TableLayout.INLINE));
            }
            cells.add(classify(piece.substring(tableEnd), line.number(), -1, -1, TableLayout.LINE_PER_CELL));
        }
        long known = cells.stream().filter(c -> c.kind() == CellText.Kind.LABEL && dictionary.contains(c.key())).count();
        if (cells.size() < 2 || cells.stream().noneMatch(CellText::isValue) && (known < 2 || known < cells.size() - known)) {
            // one cell, or words of which few are labels (a heading that names a table's rows): one label
            return null;
        }
        if (cells.size() > limits.maxCellsPerTable()) {
            throw new ImportLimitException(ImportLimits.Limit.CELLS_PER_TABLE, "Line %d has more than %,d cells; at "
                    + "most %,d are read in a table. A report table has far fewer: check that the text is the report.",
                    line.number(), limits.maxCellsPerTable(), limits.maxCellsPerTable());
        }
        return new CellRow(line.number(), cells, false, TableLayout.INLINE, 0);
    }

    /**
     * Whether a line can be more than one cell: anything but a lone number (a line of labels can be several run
     * together: 行政复议行政诉讼). The lone numbers of a long text are passed over before they are cut.
     */
    private static boolean mayHoldSeveralCells(String text) {
        String line = text.strip();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= '０' && c <= '９' || c == '.' || c == ',')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the table text before a sentence ends: after the last number before the sentence's first comma, if that
     * text names a table label; else 0 (it is all sentence).
     */
    private int tableEnd(String piece, int line) {
        int comma = Sentences.firstBreak(piece);
        List<CellText> head = inlineCells.cells(piece.substring(0, comma), line, TableLayout.INLINE);
        if (head.stream().noneMatch(c -> c.kind() == CellText.Kind.LABEL && dictionary.contains(c.key()))) {
            return 0;
        }
        int end = 0;
        for (CellText cell : head) {
            if (cell.kind() == CellText.Kind.NUMBER) {
                int at = piece.indexOf(cell.text(), end);
                end = at < 0 ? end : at + cell.text().length();
            }
        }
        return end;
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
