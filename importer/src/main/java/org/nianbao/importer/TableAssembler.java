package org.nianbao.importer;

import org.nianbao.model.template.CellKind;
import org.nianbao.model.template.Column;
import org.nianbao.model.template.Section;
import org.nianbao.model.template.Table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts the numbers of the tables into cells. The cells come as runs: some labels, then some values. The last label
 * before the values names the row (一、本年新收政府信息公开申请数量, 1.属于国家秘密); its values fill the row's columns in
 * the catalog's order, or, for an HTML table, by the header above each value. Table 四 prints its rows as column
 * groups (行政复议 | 行政诉讼: 未经复议直接起诉, 复议后起诉) with all 15 values in one row after the headers; that is
 * read as one block.
 * <p>
 * It never guesses: a row with fewer values than columns (which one is missing?), more numbers than columns, a
 * number without a row label, a fraction in a count column — all go to {@link Unplaced} with the reason, and the
 * cells stay out of the submission.
 */
final class TableAssembler {

    /** What was found of one table. */
    static final class TableStats {
        int rowsRecognised;
        int cellsRead;
        Integer firstLine;
        final Map<TableLayout, Integer> layouts = new LinkedHashMap<>();

        void sawRow(int line, TableLayout layout) {
            rowsRecognised++;
            firstLine = firstLine == null ? line : Math.min(firstLine, line);
            layouts.merge(layout, 1, Integer::sum);
        }

        TableLayout layout() {
            return layouts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(TableLayout.NONE);
        }
    }

    record Result(List<CellReading> cells, CappedList<Unplaced> unplaced, CappedList<String> notes,
                  Map<String, TableStats> tables, Set<Integer> tableLines) {
    }

    /** Rows of one table printed side by side, their cells in reading order. */
    private record Block(Table table, List<LabelMatcher.RowRef> rows, List<Slot> slots, boolean standardOrder,
                         int missingHeaders, boolean noHeaders) {
    }

    /** A row whose values ran together, the ways to split them, and what a note calls it. */
    private record GluedRow(List<Slot> slots, List<List<GluedDigits.Piece>> splits, List<CellText> labels,
                            String what) {
    }

    /** A cell position: a row and one of its columns. */
    private record Slot(LabelMatcher.RowRef row, Column column) {

        String code() {
            return row.code(column);
        }
    }

    /** At most this many printed pieces make one label (a header broken over lines). */
    private static final int MAX_JOINED = 4;

    /** More ways than this to split a row's digits: no identity will leave one. */
    private static final int MAX_SPLITS = 2000;
    /** Pairs of open rows are tried together only up to this many combinations. */
    private static final int MAX_SPLIT_PAIRS = 20_000;
    /**
     * The identity checks one import may spend on rows that ran together, and the rows it keeps open for them: a
     * report has about 40 rows, so a document beyond these is no report, and its rows are reported unread.
     */
    private static final int MAX_IDENTITY_CHECKS = 300_000;
    private static final int MAX_OPEN_ROWS = 80;
    /** A report has some 40 rows: labels compared for slips beyond this many are not the report's. */
    private static final int MAX_NEAR_LOOKUPS = 200;

    private final LabelMatcher matcher;
    /** The other national formats, whose column headers a report may print over this format's rows. */
    private final List<LabelMatcher> otherFormats;
    private final Identities identities;
    /** The column headers printed since the last row with values: they decide which column a value is. */
    private final List<CellText> printedHeaders = new ArrayList<>();
    private boolean headersUsed;
    private final Set<String> tablesWithoutHeaders = new LinkedHashSet<>();
    private final Vocabulary vocabulary;
    private final java.util.regex.Pattern numberPattern;
    /** Rows whose digits ran together and can be split in several ways, until the identities settle them. */
    private final List<GluedRow> glued = new ArrayList<>();

    private final List<CellText> labels = new ArrayList<>();
    private final List<CellText> values = new ArrayList<>();
    /** Header cells of the HTML table rows above the current data rows (with their grid columns). */
    private final HeaderCells headerCells;
    private boolean lastRowHadValues;
    private TableLayout previousLayout = TableLayout.NONE;
    private int nearLookups;
    private int identityChecks;
    /** The labels printed above the Markdown table being read, before its first row. */
    private List<CellText> labelsAboveTable = List.of();
    private int currentTable;

    private final Map<String, CellReading> placed = new LinkedHashMap<>();
    private final CappedList<Unplaced> unplaced;
    private final CappedList<String> notes;
    private final Deadline deadline;
    private final Map<String, TableStats> tables = new LinkedHashMap<>();
    private final Set<Integer> tableLines = new TreeSet<>();
    private final Set<String> rowsWithValues = new LinkedHashSet<>();
    private final Map<String, LabelMatcher.RowRef> rowsSeen = new LinkedHashMap<>();
    private final Set<String> unitNotes = new LinkedHashSet<>();
    private int unitNotesLeftOut;
    private final int maxListed;

    TableAssembler(LabelMatcher matcher, List<LabelMatcher> otherFormats, Identities identities, Vocabulary vocabulary,
                   int maxListed, Deadline deadline) {
        this.matcher = matcher;
        this.otherFormats = otherFormats;
        this.identities = identities;
        this.vocabulary = vocabulary;
        this.numberPattern = CellText.numberPattern(vocabulary);
        this.headerCells = new HeaderCells(matcher);
        this.unplaced = new CappedList<>(maxListed);
        this.notes = new CappedList<>(maxListed);
        this.maxListed = maxListed;
        this.deadline = deadline;
        for (Table table : matcher.template().tables()) {
            tables.put(table.section(), new TableStats());
        }
    }

    Result assemble(List<List<CellRow>> regions) {
        for (List<CellRow> region : regions) {
            for (CellRow row : region) {
                deadline.check();
                if (row.physical()) {
                    if (row.layout() == TableLayout.PIPE_ROWS && previousLayout != TableLayout.PIPE_ROWS) {
                        startPipeTable(row);
                    }
                    physicalRow(row);
                } else {
                    row.cells().forEach(this::lineCell);
                }
                previousLayout = row.layout();
            }
            flush();
            headerCells.clear();
            printedHeaders.clear();
            lastRowHadValues = false;
        }
        settleGluedRows();
        noteRowsWithoutValues();
        notes.addAll(unitNotes);
        notes.skipped(unitNotesLeftOut);
        return new Result(new ArrayList<>(placed.values()), unplaced, notes, tables, tableLines);
    }

    // ---- reading runs of labels and values ----

    private void lineCell(CellText cell) {
        switch (cell.kind()) {
            case LABEL -> {
                if (!values.isEmpty()) {
                    flush();
                }
                addLabel(cell);
            }
            case NUMBER, BLANK -> values.add(cell);
            case EMPTY -> { }
        }
    }

    /**
     * A label, joined with the labels just before it when together they make one the template knows, or the start
     * of one row's label: a header broken over lines (结果 / 维持), a row label wrapped onto the next line
     * (…只计这一情形，不 / 计其他情形）), or wrapped around its values in a PDF (1、申请人…不补 / 正、…其政府信 67 3 … /
     * 息公开申请).
     */
    private void addLabel(CellText cell) {
        addLabelJoined(cell);
        noteHeader(labels.get(labels.size() - 1));
    }

    private void addLabelJoined(CellText cell) {
        for (int n = Math.min(MAX_JOINED, labels.size()); n >= 1; n--) {
            List<CellText> before = labels.subList(labels.size() - n, labels.size());
            StringBuilder joined = new StringBuilder();
            before.forEach(l -> joined.append(l.key()));
            String key = LabelKey.of(joined + cell.key());
            boolean eachKnown = matcher.isKnown(cell.key()) && before.stream().allMatch(l -> matcher.isKnown(l.key()));
            boolean known = matcher.isKnown(key) || matcher.prefixRow(key).isPresent();
            if (known && !eachKnown) {
                CellText first = before.get(0);
                CellText merged = new CellText(first.text().strip() + cell.text().strip(), first.line(),
                        CellText.Kind.LABEL, null, null, first.colStart(), cell.colEnd(), cell.layout(), key);
                before.clear();
                labels.add(merged);
                return;
            }
        }
        labels.add(cell);
    }

    /**
     * A Markdown table starts. Labels printed above it name its rows only when it opens with a header row under a
     * row's label (### 行政复议, then | 结果维持 | … |); values straight after loose labels were torn from them in a
     * conversion, and which label was theirs cannot be told.
     */
    private void startPipeTable(CellRow first) {
        CellText last = labels.isEmpty() ? null : labels.get(labels.size() - 1);
        List<CellText> outside = values.isEmpty() ? List.copyOf(labels) : List.of();
        boolean headerRow = first.cells().stream().noneMatch(CellText::isValue);
        flush();
        headerCells.clear();
        labelsAboveTable = outside;
        if (headerRow && last != null && matcher.row(last.key()).isPresent()) {
            labels.add(last);
        }
    }

    /**
     * Values of a Markdown table without row labels of their own, after the labels of a whole side-by-side table
     * (table 四: 行政复议, 未经复议直接起诉, 复议后起诉 and their headers) printed above it: they are that table's
     * values when there is exactly one for each of its cells. A single row's values are never given a label from
     * outside their table (see {@link #startPipeTable}).
     */
    private boolean placeUnderLabelsAbove(List<CellText> runLabels, List<CellText> runValues) {
        if (labelsAboveTable.isEmpty() || runLabels.stream().anyMatch(l -> matcher.row(l.key()).isPresent())) {
            return false;
        }
        // the table's own header row repeats pieces of the headers above it: the labels above alone say the order
        List<CellText> above = labelsAboveTable;
        labelsAboveTable = List.of();
        Optional<Block> block = block(above);
        if (block.isEmpty() || block.get().slots().size() != runValues.size()
                || runValues.stream().anyMatch(v -> v.kind() != CellText.Kind.NUMBER)) {
            return false;
        }
        notes.add("line %d: the %d values of a table without row labels read as table %s, whose labels are printed "
                .formatted(runValues.get(0).line(), runValues.size(), sectionNumber(block.get().table().section()))
                + "above it, one value for each of its cells");
        placeBlock(block.get(), above, runValues);
        return true;
    }

    /**
     * A tab-separated or HTML row. A row without any number or blank mark is a header row: its empty cells are
     * spanning space, not blank values. In a row with values, empty cells before the values of a label are blank
     * cells, empty cells before a label are spanning space (the rowspan of 三、本年度办理结果).
     */
    private void physicalRow(CellRow row) {
        if (row.table() != currentTable) {
            // another HTML table: its values are not under the previous table's headers
            flush();
            headerCells.clear();
            lastRowHadValues = false;
            currentTable = row.table();
        }
        List<CellText> cells = row.cells();
        boolean hasValues = cells.stream().anyMatch(CellText::isValue);
        if (!hasValues) {
            if (lastRowHadValues) {
                headerCells.clear();
            }
            lastRowHadValues = false;
            for (CellText cell : cells) {
                if (cell.kind() == CellText.Kind.LABEL) {
                    labels.add(cell);
                    headerCells.add(cell);
                    noteHeader(cell);
                }
            }
            return;
        }
        lastRowHadValues = true;
        int first = 0;
        while (first < cells.size() && cells.get(first).kind() == CellText.Kind.EMPTY) {
            first++;
        }
        for (int i = first; i < cells.size(); i++) {
            CellText cell = cells.get(i);
            switch (cell.kind()) {
                case LABEL -> {
                    if (!values.isEmpty()) {
                        flush();
                    }
                    if (row.layout() == TableLayout.HTML_TABLE) {
                        labels.add(cell);
                    } else {
                        addLabelJoined(cell); // a row of text: its label may continue one printed above it
                    }
                    noteHeader(labels.get(labels.size() - 1));
                }
                case NUMBER, BLANK -> values.add(cell);
                case EMPTY -> {
                    // kept as EMPTY: a blank cell, unless it turns out to be the pad of a spanning label
                    CellText next = nextNonEmpty(cells, i + 1);
                    boolean beforeValues = next != null && next.isValue() && (!labels.isEmpty() || !values.isEmpty());
                    boolean trailing = next == null && !values.isEmpty();
                    if (beforeValues || trailing) {
                        values.add(cell);
                    }
                }
            }
        }
        flush();
    }

    private static CellText nextNonEmpty(List<CellText> cells, int from) {
        for (int i = from; i < cells.size(); i++) {
            if (cells.get(i).kind() != CellText.Kind.EMPTY) {
                return cells.get(i);
            }
        }
        return null;
    }

    /** Interprets the current run of labels and values, then starts a new one. */
    private void flush() {
        List<CellText> runLabels = List.copyOf(labels);
        List<CellText> runValues = List.copyOf(values);
        labels.clear();
        values.clear();
        recordSeenRows(runLabels);
        if (runValues.isEmpty()) {
            return;
        }
        CellText last = runLabels.isEmpty() ? null : runLabels.get(runLabels.size() - 1);
        Optional<LabelMatcher.RowRef> row = last == null ? Optional.empty() : matcher.row(last.key());
        if (row.isPresent()) {
            placeRow(row.get(), last, runLabels, runValues);
            return;
        }
        Optional<Block> block = block(runLabels);
        if (block.isPresent()) {
            placeBlock(block.get(), runLabels, runValues);
            return;
        }
        if (placeUnderLabelsAbove(runLabels, runValues)) {
            return;
        }
        Optional<LabelMatcher.RowRef> started = last == null ? Optional.empty() : matcher.prefixRow(last.key());
        if (started.isPresent()) {
            notes.add("line %d: '%s' read as the row %s, whose label it begins (the rest printed apart or lost)"
                    .formatted(last.line(), Trim.shown(last.text()), started.get().row().label()));
            placeRow(started.get(), last, runLabels, runValues);
            return;
        }
        if (last != null && !matcher.rowsUnder(last.key()).isEmpty()) {
            groupPrintedAsOneRow(last, matcher.rowsUnder(last.key()), runLabels, runValues);
            return;
        }
        Optional<LabelMatcher.RowRef> near = last == null || ++nearLookups > MAX_NEAR_LOOKUPS ? Optional.empty()
                : matcher.nearRow(last.key());
        if (near.isPresent()) {
            notes.add("line %d: '%s' read as the row %s (the printed label differs by a slip)".formatted(last.line(),
                    Trim.shown(last.text()), near.get().row().label()));
            placeRow(near.get(), last, runLabels, runValues);
            return;
        }
        int rowLabel = rowBeforeItsHeaders(runLabels);
        if (rowLabel >= 0) {
            CellText label = runLabels.get(rowLabel);
            placeRow(matcher.row(label.key()).orElseThrow(), label, runLabels, runValues);
            return;
        }
        orphans(runValues, last);
    }

    private void recordSeenRows(List<CellText> runLabels) {
        for (CellText label : runLabels) {
            matcher.row(label.key()).ifPresent(ref -> {
                String key = ref.section() + "." + ref.row().code();
                if (rowsSeen.putIfAbsent(key, ref) == null) {
                    tables.get(ref.section()).sawRow(label.line(), label.layout());
                }
                tableLines.add(label.line());
            });
            if (matcher.isKnown(label.key())) {
                tableLines.add(label.line());
            }
        }
    }

    /**
     * A heading that groups rows in this format printed as one row with values (（六）其他处理 of a GOV_2021 report
     * printed the 2019 way). Its values are sums of the rows under it, which cannot be taken apart, except that a
     * sum of counts that is 0 makes every row under it 0. Anything else is reported.
     */
    private void groupPrintedAsOneRow(CellText heading, List<LabelMatcher.RowRef> rows, List<CellText> runLabels,
                                      List<CellText> runValues) {
        List<Column> columns = rows.get(0).row().columns();
        boolean sameColumns = rows.stream().allMatch(r -> r.row().columns().equals(columns));
        boolean allZero = runValues.size() == columns.size() && runValues.stream()
                .allMatch(v -> v.kind() == CellText.Kind.NUMBER && v.number().signum() == 0 && v.unit() == null);
        boolean counts = columns.stream().noneMatch(c -> c.kind().mayBeNegative() || c.kind() == CellKind.AMOUNT);
        String what = "'%s' is printed as one row, but %s has %d rows under it".formatted(Trim.shown(heading.text()),
                matcher.template().id(), rows.size());
        if (sameColumns && allZero && counts) {
            for (LabelMatcher.RowRef row : rows) {
                rowsWithValues.add(row.section() + "." + row.row().code());
                for (int i = 0; i < columns.size(); i++) {
                    place(new Slot(row, columns.get(i)), runValues.get(i), runLabels);
                }
            }
            runValues.forEach(v -> tableLines.add(v.line()));
            notes.add("line %d: %s; every value is 0, so each of its rows is 0".formatted(heading.line(), what));
            return;
        }
        String reason = what + ": its values are their sums, which cannot be taken apart, so none was placed";
        runValues.stream().filter(v -> v.kind() == CellText.Kind.NUMBER)
                .forEach(v -> unplaced.add(new Unplaced(v.text().strip(), v.line(), reason)));
        notes.add("line %d: %s".formatted(heading.line(), reason));
    }

    /**
     * A row's label followed by headers that each name a column of that row (行政复议 结果维持 结果纠正 … 总计): the
     * index of the row's label, or -1.
     */
    private int rowBeforeItsHeaders(List<CellText> runLabels) {
        int i = runLabels.size() - 1;
        while (i >= 0 && matcher.isColumnLabel(runLabels.get(i).key())) {
            i--;
        }
        if (i < 0 || i == runLabels.size() - 1) {
            return -1;
        }
        Optional<LabelMatcher.RowRef> row = matcher.row(runLabels.get(i).key());
        if (row.isEmpty()) {
            return -1;
        }
        for (CellText header : runLabels.subList(i + 1, runLabels.size())) {
            if (matcher.column(row.get(), header.key()).isEmpty()) {
                return -1;
            }
        }
        return i;
    }

    // ---- one row ----

    private void placeRow(LabelMatcher.RowRef row, CellText label, List<CellText> runLabels, List<CellText> runValues) {
        rowsWithValues.add(row.section() + "." + row.row().code());
        runValues.forEach(v -> tableLines.add(v.line()));
        headersUsed = true;
        List<Slot> slots = row.row().columns().stream().map(c -> new Slot(row, c)).toList();
        Map<CellText, Slot> byHeader = byHeaders(runValues, slots);
        if (byHeader != null) {
            byHeader.forEach((value, slot) -> place(slot, value, runLabels));
            return;
        }
        String what = "row " + Trim.shown(label.text());
        List<String> contradicting = contradictingHeaders(row);
        if (!contradicting.isEmpty()) {
            String reason = "%s is printed under the column headers %s, which %s has no cells for, so none was placed"
                    .formatted(what, String.join(", ", contradicting), matcher.template().id());
            runValues.stream().filter(v -> v.kind() == CellText.Kind.NUMBER)
                    .forEach(v -> unplaced.add(new Unplaced(v.text().strip(), v.line(), reason)));
            notes.add("line %d: %s".formatted(label.line(), reason));
            return;
        }
        placeInOrder(inPrintedOrder(row, slots, label), runValues, runLabels, what);
    }

    // ---- the column headers printed over rows of text ----

    private void noteHeader(CellText label) {
        String key = label.key();
        boolean header = matcher.isColumnLabel(key) || otherFormats.stream().anyMatch(m -> m.isColumnLabel(key));
        if (!header) {
            return;
        }
        if (headersUsed) {
            printedHeaders.clear();
            headersUsed = false;
        }
        printedHeaders.add(label);
    }

    /**
     * The printed headers over a row that name a column this format does not have for it: the headers of another
     * national format (本年新制作数量 over a GOV_2021 row of 规章) whose column no column of the row means.
     */
    private List<String> contradictingHeaders(LabelMatcher.RowRef row) {
        List<String> contradicting = new ArrayList<>();
        for (CellText header : printedHeaders) {
            if (matcher.column(row, header.key()).isPresent()) {
                continue;
            }
            for (LabelMatcher other : otherFormats) {
                Optional<LabelMatcher.RowRef> otherRow = other.sameRow(row);
                Optional<Column> named = otherRow.flatMap(r -> other.column(r, header.key()));
                if (named.isPresent() && row.row().columns().stream().noneMatch(c -> c.code().equals(named.get().code()))) {
                    contradicting.add(Trim.shown(header.text()));
                }
            }
        }
        return contradicting.stream().distinct().toList();
    }

    /**
     * The row's cells in the order its printed headers name them, when the headers are one line of the row's own
     * columns (table 二); otherwise the national format's order, which a two-level header (table 三: 法人或其他组织 over
     * five columns) does not print in reading order. A table row with no header printed at all is noted.
     */
    private List<Slot> inPrintedOrder(LabelMatcher.RowRef row, List<Slot> slots, CellText label) {
        if (printedHeaders.isEmpty()) {
            if (tablesWithoutHeaders.add(row.section()) && row.table().rows().stream()
                    .anyMatch(r -> r.columns().size() > 1) && slots.size() > 1) {
                notes.add("table %s: no column headers printed before line %d; its values are read in the national "
                        .formatted(sectionNumber(row.section()), label.line()) + "format's column order");
            }
            return slots;
        }
        boolean singleLevel = row.row().columns().stream().allMatch(c -> c.heading() == null);
        List<Slot> named = new ArrayList<>();
        for (CellText header : printedHeaders) {
            matcher.column(row, header.key()).ifPresent(column -> named.add(new Slot(row, column)));
        }
        boolean oneEach = named.size() == slots.size() && named.stream().distinct().count() == slots.size();
        if (!singleLevel || !oneEach || named.equals(slots)) {
            return slots;
        }
        notes.add("line %d: row %s read in the order of its printed headers: %s".formatted(label.line(),
                Trim.shown(label.text()), String.join(", ", named.stream().map(s -> s.column().label()).toList())));
        return named;
    }

    /**
     * Fills the slots with the values in order when that is certain: as many values as slots (extra blank cells
     * after them are spanning space), else nothing is placed and every number is reported.
     */
    private void placeInOrder(List<Slot> slots, List<CellText> allValues, List<CellText> runLabels, String what) {
        List<CellText> runValues = withoutLeadingPads(allValues, slots.size());
        int numbers = (int) runValues.stream().filter(v -> v.kind() == CellText.Kind.NUMBER).count();
        boolean extraNumbers = runValues.subList(Math.min(slots.size(), runValues.size()), runValues.size()).stream()
                .anyMatch(v -> v.kind() == CellText.Kind.NUMBER);
        if (runValues.size() >= slots.size() && !extraNumbers) {
            for (int i = 0; i < slots.size(); i++) {
                place(slots.get(i), runValues.get(i), runLabels);
            }
            return;
        }
        if (numbers == 0) {
            return; // a few blank marks for a longer row: nothing to place, nothing lost
        }
        if (runValues.size() < slots.size() && GluedDigits.mayBeGlued(runValues)) {
            List<List<GluedDigits.Piece>> splits = GluedDigits.splits(runValues, slots.size(), MAX_SPLITS);
            if (splits != null && splits.size() == 1) {
                placeSplit(slots, splits.get(0), runLabels, what, "the only way to read them as %d cells"
                        .formatted(slots.size()));
                return;
            }
            if (splits != null && !splits.isEmpty() && glued.size() < MAX_OPEN_ROWS) {
                glued.add(new GluedRow(slots, splits, runLabels, what));
                return;
            }
        }
        String columns = String.join(", ", slots.stream().map(s -> s.column().label()).distinct().toList());
        String reason = "%s has %d value(s) for its %d columns (%s): %s, so none was placed".formatted(what,
                runValues.size(), slots.size(), columns, runValues.size() < slots.size()
                        ? "the importer cannot tell which column is missing"
                        : "more numbers than columns");
        for (CellText value : runValues) {
            if (value.kind() == CellText.Kind.NUMBER) {
                unplaced.add(new Unplaced(value.text().strip(), value.line(), reason));
            }
        }
        notes.add("line %d: %s has %d value(s) for %d columns; left blank, see unplaced".formatted(
                runValues.get(0).line(), what, runValues.size(), slots.size()));
    }

    /**
     * Empty cells right after the label of a row with more cells than columns are the pad of a label spanning
     * two columns ((一)予以公开 over the sub-label column), not blank values.
     */
    private static List<CellText> withoutLeadingPads(List<CellText> runValues, int columns) {
        int pads = 0;
        while (pads < runValues.size() && runValues.get(pads).kind() == CellText.Kind.EMPTY) {
            pads++;
        }
        int drop = Math.min(pads, Math.max(0, runValues.size() - columns));
        return runValues.subList(drop, runValues.size());
    }

    // ---- digits that ran together ----

    /**
     * Rows whose digits can be split in several ways: a split is taken only when it is the one the table's identities
     * (rows and columns that add up) leave, checked against the cells read with certainty and the rows settled
     * before. Settling one row can settle another, so this goes round until nothing changes. What stays open is
     * reported, not guessed.
     */
    private void settleGluedRows() {
        boolean settled = true;
        while (settled && !glued.isEmpty()) {
            settled = false;
            for (java.util.Iterator<GluedRow> it = glued.iterator(); it.hasNext(); ) {
                GluedRow row = it.next();
                if (!spend(row.splits().size())) {
                    break;
                }
                Map<String, BigDecimal> read = readValues();
                List<List<GluedDigits.Piece>> agreeing = new ArrayList<>();
                for (List<GluedDigits.Piece> split : row.splits()) {
                    deadline.check();
                    if (identities.agree(read, values(row.slots(), split))) {
                        agreeing.add(split);
                    }
                }
                if (agreeing.size() == 1) {
                    placeSplit(row.slots(), agreeing.get(0), row.labels(), row.what(),
                            "the only split of %d that the table's identities allow".formatted(row.splits().size()));
                    it.remove();
                    settled = true;
                } else if (agreeing.isEmpty()) {
                    reportGlued(row, "its digits ran together and no way to split them into %d cells agrees with the "
                            .formatted(row.slots().size()) + "table's identities");
                    it.remove();
                }
            }
            if (!settled && glued.size() > 1) {
                settled = settlePairs();
            }
        }
        for (GluedRow row : glued) {
            reportGlued(row, "its digits ran together and can be split into %d cells in %d ways; the table's "
                    .formatted(row.slots().size(), row.splits().size()) + "identities do not leave one");
        }
        glued.clear();
    }

    /**
     * Two open rows that one identity reads together (予以公开 and 部分公开 in the column sum of 总计): a row is settled
     * when every pair of splits that agrees with the identities gives it the same split.
     */
    private boolean settlePairs() {
        Map<String, BigDecimal> read = readValues();
        for (int i = 0; i < glued.size(); i++) {
            for (int j = i + 1; j < glued.size(); j++) {
                GluedRow a = glued.get(i);
                GluedRow b = glued.get(j);
                long pairs = (long) a.splits().size() * b.splits().size();
                if (pairs > MAX_SPLIT_PAIRS || !spend(pairs)) {
                    continue;
                }
                Set<List<GluedDigits.Piece>> forA = new LinkedHashSet<>();
                Set<List<GluedDigits.Piece>> forB = new LinkedHashSet<>();
                for (List<GluedDigits.Piece> splitA : a.splits()) {
                    deadline.check();
                    Map<String, BigDecimal> valuesA = values(a.slots(), splitA);
                    for (List<GluedDigits.Piece> splitB : b.splits()) {
                        Map<String, BigDecimal> both = new HashMap<>(valuesA);
                        both.putAll(values(b.slots(), splitB));
                        if (identities.agree(read, both)) {
                            forA.add(splitA);
                            forB.add(splitB);
                        }
                    }
                }
                String why = "the only split that, with %s, the table's identities allow";
                if (forA.size() == 1) {
                    placeSplit(a.slots(), forA.iterator().next(), a.labels(), a.what(), why.formatted(b.what()));
                    glued.remove(a);
                    return true;
                }
                if (forB.size() == 1) {
                    placeSplit(b.slots(), forB.iterator().next(), b.labels(), b.what(), why.formatted(a.what()));
                    glued.remove(b);
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Takes {@code checks} identity checks from the import's budget, all or none: a row is settled only when every
     * split of it was checked.
     */
    private boolean spend(long checks) {
        if (identityChecks + checks > MAX_IDENTITY_CHECKS) {
            return false;
        }
        identityChecks += (int) checks;
        return true;
    }

    private void placeSplit(List<Slot> slots, List<GluedDigits.Piece> split, List<CellText> runLabels, String what,
                            String why) {
        for (int i = 0; i < slots.size(); i++) {
            GluedDigits.Piece piece = split.get(i);
            CellText source = piece.source();
            CellText cell = source;
            if (!piece.text().equals(source.text().strip())) {
                CellText part = CellText.classify(piece.text(), source.line(), -1, -1, source.layout(), vocabulary,
                        numberPattern);
                // the evidence shows what was printed and the part of it read
                cell = new CellText(source.text().strip() + " → " + piece.text(), part.line(), part.kind(),
                        part.number(), part.unit(), part.colStart(), part.colEnd(), part.layout(), part.labelKey());
            }
            place(slots.get(i), cell, runLabels);
        }
        List<String> printed = split.stream().map(GluedDigits.Piece::source).distinct()
                .map(c -> c.text().strip()).toList();
        notes.add("line %d: %s printed '%s' with cells run together; read as %s, %s".formatted(
                split.get(0).source().line(), what, String.join(" ", printed),
                String.join(" ", split.stream().map(GluedDigits.Piece::text).toList()), why));
    }

    private void reportGlued(GluedRow row, String reason) {
        String why = "%s: %s, so none was placed".formatted(row.what(), reason);
        row.splits().get(0).stream().map(GluedDigits.Piece::source).distinct()
                .filter(v -> v.kind() == CellText.Kind.NUMBER)
                .forEach(v -> unplaced.add(new Unplaced(v.text().strip(), v.line(), why)));
    }

    private Map<String, BigDecimal> readValues() {
        Map<String, BigDecimal> read = new HashMap<>();
        placed.forEach((code, reading) -> {
            if (reading.value() != null) {
                read.put(code, reading.value());
            }
        });
        return read;
    }

    private static Map<String, BigDecimal> values(List<Slot> slots, List<GluedDigits.Piece> split) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            if (split.get(i).source().kind() == CellText.Kind.NUMBER) {
                values.put(slots.get(i).code(), new BigDecimal(split.get(i).text()));
            }
        }
        return values;
    }

    // ---- rows printed side by side (table 四) ----

    /**
     * The rows of one table whose labels are in the run, and whether the column headers after them follow the
     * catalog's order for those rows (some may be missing: a page can lose a header cell, as seed 004 does).
     */
    private Optional<Block> block(List<CellText> runLabels) {
        Map<Table, List<LabelMatcher.RowRef>> rowsByTable = new LinkedHashMap<>();
        Map<Table, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < runLabels.size(); i++) {
            Optional<LabelMatcher.RowRef> ref = matcher.row(runLabels.get(i).key());
            if (ref.isPresent()) {
                List<LabelMatcher.RowRef> rows = rowsByTable.computeIfAbsent(ref.get().table(), t -> new ArrayList<>());
                if (!rows.contains(ref.get())) {
                    rows.add(ref.get());
                }
                firstIndex.putIfAbsent(ref.get().table(), i);
            }
        }
        for (Map.Entry<Table, List<LabelMatcher.RowRef>> entry : rowsByTable.entrySet()) {
            List<LabelMatcher.RowRef> rows = entry.getValue();
            if (rows.size() < 2) {
                continue;
            }
            List<Slot> slots = new ArrayList<>();
            rows.forEach(r -> r.row().columns().forEach(c -> slots.add(new Slot(r, c))));
            List<String> headers = runLabels.subList(firstIndex.get(entry.getKey()), runLabels.size()).stream()
                    .map(CellText::key).filter(key -> rows.stream().anyMatch(r -> matcher.column(r, key).isPresent()))
                    .toList();
            // pieces of headers broken over lines (结果 / 维持) name no column and are passed over;
            // side by side means headers repeated for each row group; one set of headers is a header row of rows
            // whose own labels went missing, and is not read in order
            List<Slot> named = slotsInOrder(headers, slots);
            boolean noHeaders = headers.isEmpty() && rows.equals(rowsOf(entry.getKey()));
            boolean standardOrder = noHeaders || named != null
                    && rows.stream().allMatch(r -> named.stream().anyMatch(slot -> slot.row().equals(r)));
            return Optional.of(new Block(entry.getKey(), rows, slots, standardOrder, slots.size() - headers.size(),
                    noHeaders));
        }
        return Optional.empty();
    }

    private List<LabelMatcher.RowRef> rowsOf(Table table) {
        return table.rows().stream().map(r -> new LabelMatcher.RowRef(table, r)).toList();
    }

    /**
     * The slots the header labels name, if they name them in the slots' order (possibly with gaps, where a page lost
     * a header cell); null if they do not.
     */
    private List<Slot> slotsInOrder(List<String> headers, List<Slot> slots) {
        List<Slot> named = new ArrayList<>();
        int next = 0;
        for (String header : headers) {
            while (next < slots.size()
                    && !matcher.column(slots.get(next).row(), header).map(slots.get(next).column()::equals).orElse(false)) {
                next++;
            }
            if (next == slots.size()) {
                return null;
            }
            named.add(slots.get(next++));
        }
        return named;
    }

    private void placeBlock(Block block, List<CellText> runLabels, List<CellText> runValues) {
        block.rows().forEach(r -> rowsWithValues.add(r.section() + "." + r.row().code()));
        runValues.forEach(v -> tableLines.add(v.line()));
        String section = block.table().section();
        Map<CellText, Slot> byHeader = byHeaders(runValues, block.slots());
        if (byHeader != null) {
            byHeader.forEach((value, slot) -> place(slot, value, runLabels));
            return;
        }
        if (!block.standardOrder()) {
            String reason = "table %s: its column headers are not in the order of the national format, and the values "
                    .formatted(sectionNumber(section)) + "cannot be matched to them one by one, so none was placed";
            runValues.stream().filter(v -> v.kind() == CellText.Kind.NUMBER)
                    .forEach(v -> unplaced.add(new Unplaced(v.text().strip(), v.line(), reason)));
            notes.add("line %d: %s".formatted(runValues.get(0).line(), reason));
            return;
        }
        if (block.noHeaders()) {
            // every row of the table printed in the national order, but no header to check the columns by: the values
            // are read in the national order only when the table's identities (R4) then hold
            Map<String, BigDecimal> inOrder = new HashMap<>();
            for (int i = 0; i < block.slots().size() && i < runValues.size(); i++) {
                if (runValues.get(i).kind() == CellText.Kind.NUMBER) {
                    inOrder.put(block.slots().get(i).code(), runValues.get(i).number());
                }
            }
            if (runValues.size() != block.slots().size() || !identities.agree(readValues(), inOrder)) {
                String reason = "table %s: no column header could be read, and in the national column order its "
                        .formatted(sectionNumber(section)) + "values do not add up as the table's identities say, so "
                        + "none was placed";
                runValues.stream().filter(v -> v.kind() == CellText.Kind.NUMBER)
                        .forEach(v -> unplaced.add(new Unplaced(v.text().strip(), v.line(), reason)));
                notes.add("line %d: %s".formatted(runValues.get(0).line(), reason));
                return;
            }
            notes.add("table %s: no column header could be read; its %d values were read in the national column order, "
                    .formatted(sectionNumber(section), block.slots().size()) + "in which they agree with its identities");
        } else if (block.missingHeaders() > 0) {
            notes.add("table %s: %d column header(s) missing; its %d values were read in the standard column order"
                    .formatted(sectionNumber(section), block.missingHeaders(), block.slots().size()));
        }
        placeInOrder(block.slots(), runValues, runLabels, "table " + sectionNumber(section) + " ("
                + String.join(", ", block.rows().stream().map(r -> r.row().label()).toList()) + ")");
    }

    // ---- HTML: values under their headers ----

    /**
     * For HTML rows, each value's slot from the header cells above it (and, for side-by-side rows, the row label
     * above it). Null when a value has no single slot: then the values are read in order instead.
     */
    private Map<CellText, Slot> byHeaders(List<CellText> runValues, List<Slot> slots) {
        if (headerCells.isEmpty() || runValues.stream().anyMatch(v -> !v.hasColumns())) {
            return null;
        }
        Map<CellText, Slot> assigned = new LinkedHashMap<>();
        Set<Slot> taken = new LinkedHashSet<>();
        boolean sideBySide = slots.stream().map(Slot::row).distinct().count() > 1;
        for (CellText value : runValues) {
            HeaderCells.Above above = headerCells.above(value.colStart());
            List<Slot> candidates = slots.stream().filter(slot -> above.namesColumn(slot.row(), slot.column())
                    && (!sideBySide || above.namesRow(slot.row()))).toList();
            if (candidates.size() == 1 && taken.add(candidates.get(0))) {
                assigned.put(value, candidates.get(0));
            } else if (value.kind() == CellText.Kind.NUMBER) {
                return null;
            }
        }
        return assigned.isEmpty() ? null : assigned;
    }

    // ---- numbers without a row ----

    private void orphans(List<CellText> runValues, CellText last) {
        List<CellText> numbers = runValues.stream().filter(v -> v.kind() == CellText.Kind.NUMBER).toList();
        if (numbers.isEmpty()) {
            if (last == null && runValues.size() > 2) {
                notes.add("line %d: %d blank cell(s) with no row label ignored".formatted(runValues.get(0).line(),
                        runValues.size()));
            }
            return;
        }
        String reason = last == null
                ? "a number with no row label before it"
                : "a number after '%s', which is no row label of %s".formatted(
                        Trim.shown(last.text()), matcher.template().id());
        for (CellText number : numbers) {
            unplaced.add(new Unplaced(number.text().strip(), number.line(), reason));
        }
    }

    // ---- one cell ----

    private void place(Slot slot, CellText value, List<CellText> runLabels) {
        String code = slot.code();
        BigDecimal number = null;
        if (value.kind() == CellText.Kind.NUMBER) {
            Optional<String> problem = problemWith(value, slot.column());
            if (problem.isPresent()) {
                unplaced.add(new Unplaced(value.text().strip(), value.line(), code + ": " + problem.get()));
                return;
            }
            number = cellValue(value, slot.column(), runLabels, code);
        }
        CellReading earlier = placed.get(code);
        if (earlier != null) {
            if (!sameValue(earlier.value(), number)) {
                unplaced.add(new Unplaced(value.text().strip(), value.line(), "%s was already read as %s at line %d"
                        .formatted(code, plain(earlier.value()), earlier.line())));
            }
            return;
        }
        CellText rowLabel = printedRowLabel(slot.row(), runLabels);
        placed.put(code, new CellReading(code, number, value.text().strip(), value.line(), null,
                rowLabel == null ? null : Trim.shown(rowLabel.text().strip())));
        tables.get(slot.row().section()).cellsRead++;
    }

    /** The label printed for the row among the run's labels (a row of table 四 among its group), else the last. */
    private CellText printedRowLabel(LabelMatcher.RowRef row, List<CellText> runLabels) {
        for (int i = runLabels.size() - 1; i >= 0; i--) {
            if (matcher.row(runLabels.get(i).key()).map(row::equals).orElse(false)) {
                return runLabels.get(i);
            }
        }
        return runLabels.isEmpty() ? null : runLabels.get(runLabels.size() - 1);
    }

    private Optional<String> problemWith(CellText value, Column column) {
        boolean amountUnit = value.unit() != null && vocabulary.amountUnits().containsKey(value.unit());
        if (column.kind() == CellKind.AMOUNT) {
            if (value.unit() != null && !amountUnit) {
                return Optional.of("a count (" + value.unit() + ") in an amount column");
            }
            return value.number().signum() < 0 ? Optional.of("an amount cannot be negative") : Optional.empty();
        }
        if (amountUnit) {
            return Optional.of("an amount (" + value.unit() + ") in a count column");
        }
        if (value.number().stripTrailingZeros().scale() > 0) {
            return Optional.of("not a whole number");
        }
        if (value.number().signum() < 0 && !column.kind().mayBeNegative()) {
            return Optional.of("a count cannot be negative");
        }
        return Optional.empty();
    }

    /** The value in the catalog's unit: an amount in 元 becomes 万元. */
    private BigDecimal cellValue(CellText value, Column column, List<CellText> runLabels, String code) {
        BigDecimal number = value.number();
        if (column.kind() != CellKind.AMOUNT) {
            return whole(number);
        }
        String unit = value.unit() != null ? value.unit() : unitFromHeaders(runLabels);
        if (unit == null) {
            if (number.signum() != 0) {
                unitNote("%s: no unit printed for %s at line %d; taken as %s, the catalog's unit".formatted(
                        code, number.toPlainString(), value.line(), column.unit()));
            }
            return clean(number);
        }
        BigDecimal factor = vocabulary.amountUnits().get(unit);
        BigDecimal target = vocabulary.amountUnits().get(column.unit());
        if (target == null) {
            throw new IllegalStateException("vocabulary.json: amountUnits has no factor for " + column.unit()
                    + ", the catalog's unit of " + code);
        }
        BigDecimal converted = clean(number.multiply(factor).divide(target, MathContext.DECIMAL128));
        unitNote(unit.equals(column.unit())
                ? "%s: unit %s seen at line %d".formatted(code, unit, value.line())
                : "%s: unit %s seen at line %d; %s %s = %s %s".formatted(code, unit, value.line(),
                number.toPlainString(), unit, converted.toPlainString(), column.unit()));
        return converted;
    }

    /** The unit a label of the run names, else the one the headers above name. */
    private String unitFromHeaders(List<CellText> runLabels) {
        for (int i = runLabels.size() - 1; i >= 0; i--) {
            String found = LabelKey.unitRemark(runLabels.get(i).key());
            if (found != null) {
                return found;
            }
        }
        return headerCells.unit();
    }

    /** Unit notes repeat per cell and line; past the listing limit they are only counted. */
    private void unitNote(String note) {
        if (unitNotes.size() < maxListed || unitNotes.contains(note)) {
            unitNotes.add(note);
        } else {
            unitNotesLeftOut++;
        }
    }

    private static BigDecimal whole(BigDecimal number) {
        return number.setScale(0, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal clean(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "blank" : value.toPlainString();
    }

    private void noteRowsWithoutValues() {
        Map<String, List<String>> bySection = new LinkedHashMap<>();
        rowsSeen.forEach((key, ref) -> {
            if (!rowsWithValues.contains(key)) {
                bySection.computeIfAbsent(ref.section(), s -> new ArrayList<>()).add(ref.row().label());
            }
        });
        bySection.forEach((section, rows) -> notes.add("table %s: %d row(s) printed without values, left blank: %s"
                .formatted(sectionNumber(section), rows.size(), String.join(", ", rows))));
    }

    /** 二, 三, 四: how a reader knows the tables. */
    private String sectionNumber(String section) {
        return matcher.template().sections().stream().filter(s -> s.code().equals(section)).findFirst()
                .map(Section::number).orElse(section);
    }
}
