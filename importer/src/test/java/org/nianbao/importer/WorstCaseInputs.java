package org.nianbao.importer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Generated documents that make the importer work hardest per byte, each filled up to a size in UTF-8 bytes: what
 * the import costs is measured on these (WorkGrowthTest here, ImportBenchmark in benchmarks/).
 */
public enum WorstCaseInputs {

    /** Tab-separated lines, a row label and 50 numbers each (the table lines of the hostile-input review). */
    TABLE_LINES(false, "行政许可\t" + "1\t".repeat(50) + "\n"),
    /** A number on each line, none under a row label: each is an unplaced number. */
    DIGITS(false, "7\n"),
    /** One line of digits and spaces: a cell of a million digits once it is compacted. */
    DIGIT_RUN(false, "1234567890 "),
    /** Sentences full of figures under 一、总体情况: prose figures, and a text section. */
    PROSE(false, "本年度主动公开政府信息1106条，办理依申请公开事项19件，接受行政复议11起。\n"),
    /**
     * Cells spanning 500 rows × 50 columns, each beside the 499 rows under it: a grid expanded into positions would
     * hold 25,000 for each. (One such cell per row would push each row 50 columns further right, past the width.)
     */
    HTML_SPANS(true, "<tr><td rowspan=500 colspan=50>1</td><td colspan=50>2</td></tr>"
            + "<tr><td colspan=50>3</td></tr>".repeat(499)),
    /** Many small tables, each with a row label and two numbers. */
    MANY_TABLES(true, "</table><table><tr><td>行政许可</td><td>1</td><td>2</td></tr>");

    private static final String TITLE = "盐池县教育体育局2020年政府信息公开工作年度报告";
    private static final String HTML_END = "</table></body></html>";

    private final boolean html;
    private final String unit;

    WorstCaseInputs(boolean html, String unit) {
        this.html = html;
        this.unit = unit;
    }

    public boolean html() {
        return html;
    }

    /** The document: a title, a section heading and as many repeated units as fit into {@code bytes}. */
    public String generate(int bytes) {
        StringBuilder page = new StringBuilder(bytes);
        if (html) {
            page.append("<html><body><h1>").append(TITLE).append("</h1><p>二、主动公开政府信息情况</p><table>");
        } else {
            page.append(TITLE).append('\n').append(this == PROSE ? "一、总体情况" : "二、主动公开政府信息情况").append('\n');
        }
        long size = utf8(page) + (html ? HTML_END.length() : 0);
        long unitSize = utf8(unit);
        while (size + unitSize <= bytes) {
            page.append(unit);
            size += unitSize;
        }
        if (html) {
            page.append(HTML_END);
        }
        return page.toString();
    }

    private static long utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Limits no generated input meets (but the grid's width), so that the whole input is read. */
    public static ImportLimits unlimited() {
        return new ImportLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 100, Integer.MAX_VALUE,
                Integer.MAX_VALUE, 200, Duration.ofMinutes(10));
    }
}
