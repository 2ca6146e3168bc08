package org.nianbao.model.validation;

/**
 * Whether a text is plain Unicode text that can be stored and shown as sent. Refused: NUL (PostgreSQL cannot store it),
 * the other C0 control characters except tab, line feed and carriage return (they have no meaning in a report and
 * break terminals and CSV exports), and lone surrogates (no character at all: they would be stored as '?').
 */
public final class TextCheck {

    public static final String INVALID_TEXT = "INVALID_TEXT";

    private TextCheck() {
    }

    /** What is wrong with {@code text}, or null when it is fine (null is fine: absence is checked elsewhere). */
    public static String whatIsWrong(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "contains the control character U+%04X at position %d; remove it".formatted((int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c)) {
                return "contains a lone surrogate \\u%04X at position %d, which is no character; send valid Unicode"
                        .formatted((int) c, i);
            }
        }
        return null;
    }

    /** The problem of a text field, or null when it is fine. */
    public static Problem problem(String field, String text) {
        String wrong = whatIsWrong(text);
        return wrong == null ? null : new Problem(field, INVALID_TEXT, null, field + " " + wrong, null);
    }
}
