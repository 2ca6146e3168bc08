package org.nianbao.local.demo;

import org.nianbao.local.demo.DemoPlan.Blank;
import org.nianbao.local.demo.DemoPlan.Violation;
import org.nianbao.model.template.Column;
import org.nianbao.model.template.Row;
import org.nianbao.model.template.Table;
import org.nianbao.model.template.Template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.nianbao.local.demo.ReportGenerator.ACTIVE;
import static org.nianbao.local.demo.ReportGenerator.CARRIED_FORWARD;
import static org.nianbao.local.demo.ReportGenerator.CARRIED_OVER;
import static org.nianbao.local.demo.ReportGenerator.NEW_RECEIVED;
import static org.nianbao.local.demo.ReportGenerator.OUTCOME_PREFIX;
import static org.nianbao.local.demo.ReportGenerator.OUTCOME_TOTAL;
import static org.nianbao.local.demo.ReportGenerator.REQUESTS;
import static org.nianbao.local.demo.ReportGenerator.REVIEW;
import static org.nianbao.local.demo.ReportGenerator.TOTAL;

/**
 * The irregularities of real reports, applied to a consistent report's cells: blank cells and mistyped numbers
 * that break one rule (and whatever else that one number is part of). X1 and X2 are not made here but in the
 * agency's history ({@link AgencyHistory}), so that they break the one year and not the next as well.
 */
final class Quirks {

    /** Table 二 rows a careless bureau leaves blank; the document rows (X2) and licensing are always filled. */
    private static final Set<String> BLANKABLE_ACTIVE_ROWS = Set.of("otherServices", "penalty", "coercion", "fees", "procurement");

    private Quirks() {
    }

    /** Sets the cells the blank style names to null (a blank cell, sent as JSON null). */
    static void blank(Template template, Map<String, BigDecimal> cells, Blank blank) {
        if (blank == null) {
            return;
        }
        switch (blank) {
            case TOTALS_ONLY -> cells.replaceAll((code, v) ->
                    code.startsWith(REQUESTS + ".") && !code.endsWith("." + TOTAL) ? null : v);
            case REVIEW_BLANK -> cells.replaceAll((code, v) -> code.startsWith(REVIEW + ".") ? null : v);
            case ACTIVE_ROWS_BLANK -> template.table(ACTIVE).ifPresent(table -> {
                for (Row row : table.rows()) {
                    if (BLANKABLE_ACTIVE_ROWS.contains(row.code())) {
                        for (Column column : row.columns()) {
                            cells.put(ACTIVE + "." + row.code() + "." + column.code(), null);
                        }
                    }
                }
            });
        }
    }

    /** Mistypes numbers so that the rule breaks; X1/X2 (made in the history) and null change nothing here. */
    static void violate(Template template, Map<String, BigDecimal> cells, Violation violation, Rand q) {
        if (violation == null) {
            return;
        }
        long k = q.between(1, 5);
        switch (violation) {
            case R1 -> {
                // a typo in the requests received: one applicant column and the total column
                String column = filledApplicantColumn(template, cells, NEW_RECEIVED, q);
                add(cells, cell(REQUESTS, NEW_RECEIVED, column), k);
                if (!column.equals(TOTAL)) add(cells, cell(REQUESTS, NEW_RECEIVED, TOTAL), k);
            }
            case R2 -> {
                // one outcome row counted too high (in its column and in the total column), the outcome total not
                String row = outcomeRow(template, q);
                String column = filledApplicantColumn(template, cells, row, q);
                add(cells, cell(REQUESTS, row, column), k);
                if (!column.equals(TOTAL)) add(cells, cell(REQUESTS, row, TOTAL), k);
            }
            case R3 -> {
                // the total column of one row does not add up; not carriedOver/carriedForward, which X1 reads
                List<String> rows = template.table(REQUESTS).orElseThrow().rows().stream().map(Row::code)
                        .filter(r -> !r.equals(CARRIED_OVER) && !r.equals(CARRIED_FORWARD)).toList();
                String row = q.chance(0.5) ? q.pick(List.of(NEW_RECEIVED, OUTCOME_TOTAL)) : q.pick(rows);
                add(cells, cell(REQUESTS, row, TOTAL), k);
            }
            case R4 -> {
                Table review = template.table(REVIEW).orElseThrow();
                String row = q.pick(review.rows()).code();
                add(cells, cell(REVIEW, row, TOTAL), k);
            }
            case X1, X2 -> { }
        }
    }

    /** An applicant column whose cell in the row is filled (mostly 自然人), or the total column if none is. */
    private static String filledApplicantColumn(Template template, Map<String, BigDecimal> cells, String row, Rand q) {
        List<String> filled = template.table(REQUESTS).orElseThrow().columns().stream().map(Column::code)
                .filter(c -> !c.equals(TOTAL) && cells.get(cell(REQUESTS, row, c)) != null).toList();
        if (filled.isEmpty()) {
            return TOTAL;
        }
        return q.chance(0.6) && filled.contains(AgencyHistory.NATURAL_PERSON) ? AgencyHistory.NATURAL_PERSON : q.pick(filled);
    }

    private static String outcomeRow(Template template, Rand q) {
        List<String> leaves = template.table(REQUESTS).orElseThrow().rows().stream().map(Row::code)
                .filter(code -> code.startsWith(OUTCOME_PREFIX) && !code.equals(OUTCOME_TOTAL)).toList();
        return q.chance(0.5) ? leaves.get(0) : q.pick(leaves);
    }

    private static String cell(String section, String row, String column) {
        return section + "." + row + "." + column;
    }

    private static void add(Map<String, BigDecimal> cells, String code, long k) {
        BigDecimal v = cells.get(code);
        cells.put(code, (v == null ? BigDecimal.ZERO : v).add(BigDecimal.valueOf(k)));
    }
}
