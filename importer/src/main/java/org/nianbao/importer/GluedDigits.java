package org.nianbao.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ways a row's printed values can be read as exactly as many numbers as the row has columns, when digits of
 * several cells ran together ({@code 713000074} for seven cells). Only whole runs of digits are split, each piece a
 * number as a table prints it: {@code 0}, or digits not starting with 0 ({@code 01} is two cells, 0 and 1).
 * A blank mark, a decimal or a number with its unit stays one cell.
 */
final class GluedDigits {

    private static final Pattern DIGITS = Pattern.compile("[+-]?\\d+");
    /** A row of table 四 runs 15 cells together; a longer run of digits is no row of a report. */
    private static final int MAX_DIGITS = 60;

    /** One piece of a printed value: its digits and the value it was cut from. */
    record Piece(String text, CellText source) {
    }

    private GluedDigits() {
    }

    /** Whether the values may hide cells that ran together: some run of digits with more than one digit. */
    static boolean mayBeGlued(List<CellText> values) {
        return values.stream().anyMatch(v -> splittable(v) != null && digitCount(splittable(v)) > 1);
    }

    /**
     * Every reading of the values as {@code cells} pieces, in order; null when there are more than {@code max}
     * (then no identity will leave one).
     */
    static List<List<Piece>> splits(List<CellText> values, int cells, int max) {
        List<List<Piece>> out = new ArrayList<>();
        boolean complete = walk(values, 0, cells, new ArrayList<>(), out, max);
        return complete ? out : null;
    }

    private static boolean walk(List<CellText> values, int index, int remaining, List<Piece> current,
                                List<List<Piece>> out, int max) {
        if (index == values.size()) {
            if (remaining == 0) {
                if (out.size() >= max) {
                    return false;
                }
                out.add(List.copyOf(current));
            }
            return true;
        }
        CellText value = values.get(index);
        int after = values.size() - index - 1;
        String digits = splittable(value);
        if (digits == null) {
            if (remaining - 1 < after) {
                return true;
            }
            current.add(new Piece(value.text().strip(), value));
            boolean ok = walk(values, index + 1, remaining - 1, current, out, max);
            current.remove(current.size() - 1);
            return ok;
        }
        int maxParts = Math.min(digitCount(digits), remaining - after);
        for (int parts = 1; parts <= maxParts; parts++) {
            if (!cut(digits, parts, 0, current, value, values, index, remaining - parts, out, max)) {
                return false;
            }
        }
        return true;
    }

    /** Cuts {@code digits} from {@code from} into {@code parts} numbers, then goes on with the next value. */
    private static boolean cut(String digits, int parts, int from, List<Piece> current, CellText source,
                               List<CellText> values, int index, int remainingAfter, List<List<Piece>> out, int max) {
        int start = from;
        String sign = "";
        if (from == 0 && (digits.startsWith("-") || digits.startsWith("+"))) {
            sign = digits.substring(0, 1);
            start = 1;
        }
        if (parts == 1) {
            String piece = digits.substring(start);
            if (!wellFormed(piece)) {
                return true;
            }
            current.add(new Piece(sign + piece, source));
            boolean ok = walk(values, index + 1, remainingAfter, current, out, max);
            current.remove(current.size() - 1);
            return ok;
        }
        for (int end = start + 1; end <= digits.length() - (parts - 1); end++) {
            String piece = digits.substring(start, end);
            if (!wellFormed(piece)) {
                continue;
            }
            current.add(new Piece(sign + piece, source));
            boolean ok = cut(digits.substring(end), parts - 1, 0, current, source, values,
                    index, remainingAfter, out, max);
            current.remove(current.size() - 1);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean wellFormed(String piece) {
        return !piece.isEmpty() && (piece.length() == 1 || piece.charAt(0) != '0');
    }

    /** The digits of a value that may be cut (a whole number with no unit), or null. */
    private static String splittable(CellText value) {
        if (value.kind() != CellText.Kind.NUMBER || value.unit() != null) {
            return null;
        }
        String text = Normalizer.normalize(value.text().strip(), Normalizer.Form.NFKC);
        return text.length() <= MAX_DIGITS && DIGITS.matcher(text).matches() ? text : null;
    }

    private static int digitCount(String digits) {
        return digits.startsWith("-") || digits.startsWith("+") ? digits.length() - 1 : digits.length();
    }
}
