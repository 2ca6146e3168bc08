package org.nianbao.model.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Optional;

/**
 * A row of a table. {@code code} may contain dots ({@code outcome.withheld.stateSecret});
 * {@code block} is the printed heading the row sits under (第二十条第（一）项), or null.
 */
@Schema(description = "A row of a template table")
public record Row(@Schema(description = "Row code; cell code = section.row.column", example = "outcome.withheld.stateSecret") String code, @Schema(description = "Printed row label", example = "1.属于国家秘密") String label, @Schema(nullable = true, description = "Printed heading the row sits under, if any", example = "三、本年度办理结果") String block, @Schema(description = "The row's columns") List<Column> columns) {

    public Row {
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(String columnCode) {
        return columns.stream().filter(c -> c.code().equals(columnCode)).findFirst();
    }
}
