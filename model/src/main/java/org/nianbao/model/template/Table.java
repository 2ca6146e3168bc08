package org.nianbao.model.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Optional;

/**
 * The table of one numeric section in one template. When every row shares a column set
 * ({@code applicant}, {@code reviewOutcome}) it is named in {@code columnSet} and listed in {@code columns};
 * otherwise ({@code activeDisclosure}) {@code columnSet} is null, {@code columns} empty and each row has its own.
 */
@Schema(description = "The table of one numeric section in one template")
public record Table(@Schema(description = "The section the table belongs to", example = "requests") String section, @Schema(nullable = true, description = "Name of the column set every row shares; null when rows have their own columns", example = "applicant") String columnSet, @Schema(description = "The shared columns (empty when rows have their own)") List<Column> columns, @Schema(description = "The rows, in printed order") List<Row> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public Optional<Row> row(String rowCode) {
        return rows.stream().filter(r -> r.code().equals(rowCode)).findFirst();
    }
}
