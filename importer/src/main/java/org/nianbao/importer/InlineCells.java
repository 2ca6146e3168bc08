package org.nianbao.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a plain line that holds a whole table row, or a whole table, into its cells: rows whose columns are separated
 * by runs of spaces ({@code 行政规范性文件 3 0 8}, text taken from a PDF), and text whose cells run together
 * ({@code 规章000行政规范性文件8855698第二十条第（五）项信息内容本年处理决定数量行政许可10690}, a page flattened by a crawler).
 * <p>
 * A number is a run of digits (with a sign after a space or another number, thousands separators, a decimal part and a unit written
 * after it); a digit before {@code .} or {@code 、} and a Chinese character is the numbering of the next label
 * ({@code 00000002.其他法律…}: seven zeros, then 2.其他法律…). The text between numbers is cut into the labels of
 * {@link LabelDictionary}, longest first; text no label explains stays as one label of its own, and a blank mark
 * standing alone ({@code -}, {@code /}, {@code 无}) is a blank cell.
 * <p>
 * Digits that run together ({@code 713000074}) stay one cell here: how they split is for the table's identities to
 * say, if they can (see {@link GluedDigits}).
 */
final class InlineCells {

    private static final Pattern SPACE = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");
    private static final String QUOTES = "\"'“”‘’「」『』〝〞";
    /** Labels this short (其他, 总计) stand alone only between other labels or numbers. */
    private static final int SHORT_LABEL = 3;
    /** A number followed by one of these is a date or a share in a sentence. */
    private static final String DATE_OR_SHARE = "年月日%";

    private final LabelDictionary dictionary;
    private final Vocabulary vocabulary;
    private final Pattern numberPattern;
    private final List<String> units;

    InlineCells(LabelDictionary dictionary, Vocabulary vocabulary, Pattern numberPattern) {
        this.dictionary = dictionary;
        this.vocabulary = vocabulary;
        this.numberPattern = numberPattern;
        List<String> all = new ArrayList<>(vocabulary.countUnits());
        all.addAll(vocabulary.amountUnits().keySet());
        this.units = Vocabulary.longestFirst(all);
    }

    /** The cells of the line, in order; a line that is one cell gives one cell. */
    List<CellText> cells(String line, int lineNumber, TableLayout layout) {
        String text = Normalizer.normalize(line, Normalizer.Form.NFKC);
        List<CellText> cells = new ArrayList<>();
        StringBuilder span = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = numberEnd(text, i);
            if (end > i) {
                textCells(span.toString(), lineNumber, layout, cells);
                span.setLength(0);
                cells.add(classify(text.substring(i, end), lineNumber, layout));
                i = end;
            } else {
                span.append(text.charAt(i));
                i++;
            }
        }
        textCells(span.toString(), lineNumber, layout, cells);
        return cells;
    }

    /**
     * The end of the number starting at {@code from}, or {@code from} if none starts there. A number starts only
     * after a non-digit; a sign only after a space or at the line's start.
     */
    private int numberEnd(String text, int from) {
        int i = from;
        char previous = i > 0 ? text.charAt(i - 1) : ' ';
        if (previous == '.' || previous == ',') {
            return from;
        }
        // a sign after a space, or right after another number (2648-18538: 2648, then -18 538 run together)
        if ((text.charAt(i) == '-' || text.charAt(i) == '+') && i + 1 < text.length() && isDigit(text.charAt(i + 1))
                && (Character.isWhitespace(previous) || isDigit(previous))) {
            i++;
        } else if (isDigit(previous)) {
            return from;
        }
        if (i >= text.length() || !isDigit(text.charAt(i))) {
            return from;
        }
        int digits = i;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        // thousands separators: ,ddd groups
        while (i + 3 < text.length() + 0 && text.charAt(i) == ',' && isDigits(text, i + 1, 3)
                && (i + 4 >= text.length() || !isDigit(text.charAt(i + 4)))) {
            i += 4;
        }
        if (isNumbering(text, i)) {
            // the last digit numbers the next label: 00000002.其他 → 0000000 | 2.其他
            return i - 1 > digits ? i - 1 : from;
        }
        if (i + 1 < text.length() && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            i++;
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < text.length() && DATE_OR_SHARE.indexOf(text.charAt(i)) >= 0) {
            return from; // 2021年, 12月, 41.5%: words of a sentence, not a cell
        }
        for (String unit : units) {
            if (text.startsWith(unit, i)) {
                return i + unit.length();
            }
        }
        return i;
    }

    /** A digit at {@code end - 1} followed by . or 、 and a Chinese character (maybe after a space): 2.没有现成信息. */
    private static boolean isNumbering(String text, int end) {
        if (end >= text.length() || (text.charAt(end) != '.' && text.charAt(end) != '、')) {
            return false;
        }
        int next = end + 1;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        return next < text.length() && Character.UnicodeScript.of(text.codePointAt(next)) == Character.UnicodeScript.HAN;
    }

    /** The text between two numbers: blank marks standing alone, and the labels the text is made of. */
    private void textCells(String span, int line, TableLayout layout, List<CellText> cells) {
        if (span.isBlank()) {
            return;
        }
        StringBuilder words = new StringBuilder();
        for (String token : SPACE.split(span.strip())) {
            if (vocabulary.blankMarks().contains(token)) {
                labels(words.toString(), line, layout, cells);
                words.setLength(0);
                cells.add(classify(token, line, layout));
            } else {
                words.append(token);
            }
        }
        labels(words.toString(), line, layout, cells);
    }

    /**
     * Cuts text into the dictionary's labels, longest first; what none explains stays a label of its own. A short
     * label inside text no label explains is part of that text (其他 in 2.其他法律行政止公开, a label printed with a
     * slip), not a label of its own.
     */
    private void labels(String text, int line, TableLayout layout, List<CellText> cells) {
        String folded = fold(text);
        if (folded.isEmpty()) {
            return;
        }
        List<String> pieces = new ArrayList<>();
        List<Boolean> known = new ArrayList<>();
        StringBuilder unknown = new StringBuilder();
        int i = 0;
        while (i < folded.length()) {
            String key = dictionary.longestAt(folded, i);
            if (key == null) {
                unknown.append(folded.charAt(i));
                i++;
                continue;
            }
            if (!unknown.isEmpty()) {
                pieces.add(unknown.toString());
                known.add(false);
                unknown.setLength(0);
            }
            pieces.add(key);
            known.add(true);
            i += key.length();
        }
        if (!unknown.isEmpty()) {
            pieces.add(unknown.toString());
            known.add(false);
        }
        StringBuilder merged = new StringBuilder();
        for (int p = 0; p < pieces.size(); p++) {
            boolean island = known.get(p) && pieces.get(p).length() <= SHORT_LABEL
                    && (p > 0 && !known.get(p - 1) || p + 1 < pieces.size() && !known.get(p + 1));
            if (known.get(p) && !island) {
                if (!merged.isEmpty()) {
                    cells.add(classify(merged.toString(), line, layout));
                    merged.setLength(0);
                }
                cells.add(classify(pieces.get(p), line, layout));
            } else {
                merged.append(pieces.get(p));
            }
        }
        if (!merged.isEmpty()) {
            cells.add(classify(merged.toString(), line, layout));
        }
    }

    /** The folding of {@link LabelKey}, applied to running text: no spaces or quotes, 1、 as 1. and 一. as 一、. */
    private static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'
                    || QUOTES.indexOf(c) >= 0) {
                continue;
            }
            char previous = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
            if (c == ',') {
                c = '、';
            }
            if (c == '、' && isDigit(previous)) {
                c = '.';
            } else if (c == '.' && "一二三四五六七八九十".indexOf(previous) >= 0) {
                c = '、';
            }
            out.append(c);
        }
        return out.toString();
    }

    private CellText classify(String text, int line, TableLayout layout) {
        return CellText.classify(text, line, -1, -1, layout, vocabulary, numberPattern);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigits(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
