package org.nianbao.model.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One cell of a template: {@code code} = {@code <section>.<rowCode>.<columnCode>}, the JSON path in a submission.
 *
 * @param label    row label and column label, Chinese, for messages and API docs
 * @param block    printed heading of the row, or null
 * @param unit     unit of an amount (万元), else null
 * @param additive whether summing the cell across agencies means something (true for every current cell)
 */
@Schema(description = "One cell of a template")
public record CellDefinition(String code, String label, String section, String rowCode, String rowLabel,
                             String columnCode, String columnLabel, String block, CellKind kind, String unit,
                             boolean additive) {

    static CellDefinition of(String section, Row row, Column column) {
        return new CellDefinition(code(section, row.code(), column.code()),
                row.label() + "：" + column.fullLabel(), section, row.code(), row.label(),
                column.code(), column.label(), row.block(), column.kind(), column.unit(), column.additive());
    }

    /**
     * The code of a cell, {@code <section>.<row>.<column>}, interned: Jackson interns the field names it reads, so a
     * report's cells parsed from JSON are keyed by the same String instances as the catalog's, and each lookup by a
     * catalog code ends at the identity check instead of comparing 50 characters.
     */
    static String code(String section, String row, String column) {
        return (section + "." + row + "." + column).intern();
    }
}
