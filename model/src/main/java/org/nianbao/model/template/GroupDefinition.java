package org.nianbao.model.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * A derived sum of rows that has no printed row, e.g. {@code requests.outcome.withheld} = the eight 不予公开 rows.
 * Groups make the templates comparable: {@code outcome.otherTotal} is one row in GOV_2019 and three in GOV_2021.
 *
 * @param code        full code, {@code <section>.<group row code>}, e.g. {@code requests.outcome.withheld}
 * @param rowCodes    the rows it sums in this template, as row codes within the section
 * @param columnCodes the columns it exists in; its cell codes are {@code <code>.<column>}
 */
@Schema(description = "A derived sum of rows that makes the templates comparable")
public record GroupDefinition(@Schema(description = "Group code; its cells are code.column", example = "requests.outcome.withheld") String code, @Schema(description = "Printed label", example = "（三）不予公开") String label, @Schema(description = "Section", example = "requests") String section, @Schema(description = "The rows summed", example = "[\"outcome.withheld.stateSecret\"]") List<String> rowCodes,
                              @Schema(description = "The columns it exists in", example = "[\"naturalPerson\"]") List<String> columnCodes) {

    public GroupDefinition {
        rowCodes = List.copyOf(rowCodes);
        columnCodes = List.copyOf(columnCodes);
    }

    /** The code within its section, as rules use it: {@code outcome.withheld}. */
    @JsonIgnore
    @Schema(hidden = true)
    public String rowCode() {
        return code.substring(section.length() + 1);
    }

    /** The template cells summed for one column, e.g. {@code requests.outcome.withheld.stateSecret.total}, …. */
    public List<String> cellCodesFor(String columnCode) {
        return rowCodes.stream().map(row -> CellDefinition.code(section, row, columnCode)).toList();
    }

    /** The group's own cell code in a column, e.g. {@code requests.outcome.withheld.total}. */
    public String metricCode(String columnCode) {
        return (code + "." + columnCode).intern(); // interned as CellDefinition.code
    }

    /** The group's own cell codes, one per column. */
    @JsonIgnore
    @Schema(hidden = true)
    public List<String> metricCodes() {
        return columnCodes.stream().map(this::metricCode).toList();
    }
}
