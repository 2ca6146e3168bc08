package org.nianbao.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Table rows written with {@code |} between the cells, with or without the outer pipes: Markdown tables and text
 * converted from PDF ({@code | 行政许可 | 9487 |}, {@code 行政许可 | 9487}). A line with a single trailing {@code |}
 * is not one: that is a cell per line copied from an HTML table.
 */
final class PipeRows {

    /** The Markdown line under a table's header: |---|:---:|. */
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");

    private PipeRows() {
    }

    static boolean isPipeRow(SourceLine line) {
        if (line.htmlRow()) {
            return false;
        }
        String inner = inner(line.text());
        return inner.indexOf('|') >= 0 && !isSeparator(line) && cells(line.text()).stream().anyMatch(c -> !c.isEmpty());
    }

    static boolean isSeparator(SourceLine line) {
        return !line.htmlRow() && line.text().indexOf('|') >= 0 && SEPARATOR.matcher(line.text()).matches();
    }

    /** The cells between the pipes, outer pipes dropped. */
    static List<String> cells(String text) {
        String inner = inner(text);
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= inner.length(); i++) {
            if (i == inner.length() || inner.charAt(i) == '|') {
                cells.add(inner.substring(start, i).strip());
                start = i + 1;
            }
        }
        return cells;
    }

    private static String inner(String text) {
        String s = text.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
