package org.nianbao.importer;

/**
 * Cuts characters off the ends of a text in one pass. Regular expressions anchored at the end ({@code \s*\|+$})
 * try every start position and rescan the run after it, which costs the square of a long run of spaces or pipes;
 * these loops look at each character once.
 */
final class Trim {

    private Trim() {
    }

    /** {@code \s} of {@link java.util.regex.Pattern}: space, tab, line breaks, vertical tab, form feed. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@code [\s\p{Z}]}: the above and Unicode space, line and paragraph separators (the ideographic space). */
    static boolean isAnySpace(char c) {
        if (isRegexSpace(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Without spaces of either kind at both ends. */
    static String spaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isAnySpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isAnySpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Without a final run of pipes and the spaces around it ({@code \s*\|+\s*$}): 1,106 | → 1,106. */
    static String trailingPipes(String text) {
        int end = text.length();
        while (end > 0 && isRegexSpace(text.charAt(end - 1))) {
            end--;
        }
        int pipesEnd = end;
        while (end > 0 && text.charAt(end - 1) == '|') {
            end--;
        }
        if (end == pipesEnd) {
            return text;
        }
        while (end > 0 && isRegexSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** A label as shown in a diagnostic: stripped, without the one {@code |} a copied HTML cell ends with. */
    static String shown(String label) {
        String text = label.strip();
        if (!text.endsWith("|")) {
            return text;
        }
        int end = text.length() - 1;
        while (end > 0 && isRegexSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Without the given characters at the start and at the end. */
    static String edges(String text, String characters) {
        int start = 0;
        int end = text.length();
        while (start < end && characters.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && characters.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Without the given characters at the end. */
    static String trailing(String text, String characters) {
        int end = text.length();
        while (end > 0 && characters.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }
}
