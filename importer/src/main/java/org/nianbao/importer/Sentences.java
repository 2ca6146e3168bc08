package org.nianbao.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells sentences from table text on a line: a report flattened onto one line has its prose and its tables side by
 * side. A sentence ends with 。 or has a comma outside brackets (table labels keep theirs inside: （区分处理的，只计这一情形，
 * 不计其他情形））.
 */
final class Sentences {

    private Sentences() {
    }

    /** The line cut after each 。, so that the table text after a sentence stands alone. */
    static List<String> pieces(String line) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '。') {
                add(pieces, line.substring(start, i + 1));
                start = i + 1;
            }
        }
        add(pieces, line.substring(start));
        return pieces;
    }

    static boolean isProse(String piece) {
        String text = piece.strip();
        return text.endsWith("。") || text.endsWith(".") && text.length() > 20 || firstBreak(text) < text.length();
    }

    /** Where the first comma or 。 outside brackets is, or the length of the text if there is none. */
    static int firstBreak(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '（' || c == '“' || c == '"') {
                depth++;
            } else if ((c == ')' || c == '）' || c == '”') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == '，' || c == '；' || c == '！' || c == '？' || c == ';' || c == '。'
                    || c == ',' && !(i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1))))) {
                return i;
            }
        }
        return text.length();
    }

    private static void add(List<String> pieces, String piece) {
        if (!piece.isBlank()) {
            pieces.add(piece);
        }
    }
}
