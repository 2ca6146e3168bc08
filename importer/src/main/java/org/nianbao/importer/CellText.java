package org.nianbao.importer;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table cell as text, classified: a label, a number (with the unit written after it, if any), a blank mark
 * ("-", "/", "无": printed blank, which is not 0) or nothing at all (an empty grid cell).
 */
record CellText(String text, int line, Kind kind, BigDecimal number, String unit, int colStart, int colEnd,
                TableLayout layout, String labelKey) {

    enum Kind { LABEL, NUMBER, BLANK, EMPTY }

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");

    boolean isValue() {
        return kind == Kind.NUMBER || kind == Kind.BLANK;
    }

    boolean hasColumns() {
        return colStart >= 0;
    }

    /** The label's key, computed once when the cell is read: every matcher looks it up. */
    String key() {
        return labelKey != null ? labelKey : LabelKey.of(text);
    }

    /** Classifies cell text; {@code line} and the grid columns ({@code -1} when unknown) say where it was. */
    static CellText classify(String text, int line, int colStart, int colEnd, TableLayout layout, Vocabulary vocabulary,
                             Pattern numberPattern) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        folded = Trim.trailingPipes(folded);
        String compact = WHITESPACE.matcher(folded).replaceAll("");
        if (compact.isEmpty()) {
            return new CellText(text, line, Kind.EMPTY, null, null, colStart, colEnd, layout, null);
        }
        if (vocabulary.blankMarks().contains(compact)) {
            return new CellText(text, line, Kind.BLANK, null, null, colStart, colEnd, layout, null);
        }
        Matcher m = numberPattern.matcher(compact);
        if (m.matches()) {
            BigDecimal value = new BigDecimal(m.group(1).replace(",", "").replace("+", ""));
            return new CellText(text, line, Kind.NUMBER, value, m.group(2), colStart, colEnd, layout, null);
        }
        return new CellText(text, line, Kind.LABEL, null, null, colStart, colEnd, layout, LabelKey.of(text));
    }

    /**
     * A number alone in a cell, thousands separators allowed, optionally followed by one of the units. At most 18
     * digits before the point and 10 after it: longer runs are no count or amount of a report, and reading a number of
     * a million digits would cost the square of its length.
     */
    static Pattern numberPattern(Vocabulary vocabulary) {
        List<String> units = new java.util.ArrayList<>(vocabulary.countUnits());
        units.addAll(vocabulary.amountUnits().keySet());
        String alternatives = String.join("|", Vocabulary.longestFirst(units).stream().map(Pattern::quote).toList());
        return Pattern.compile("([+-]?(?:\\d{1,3}(?:,\\d{3}){1,5}|\\d{1,18})(?:\\.\\d{1,10})?)(" + alternatives + ")?");
    }

    /** The same cell, now known to be a blank (an empty cell inside a row of values). */
    CellText asBlank() {
        return new CellText(text, line, Kind.BLANK, null, null, colStart, colEnd, layout, labelKey);
    }
}
