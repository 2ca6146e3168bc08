package org.nianbao.model.template;

import java.util.List;
import java.util.Optional;

/**
 * The table of one numeric section in one template. When every row shares a column set
 * ({@code applicant}, {@code reviewOutcome}) it is named in {@code columnSet} and listed in {@code columns};
 * otherwise ({@code activeDisclosure}) {@code columnSet} is null, {@code columns} empty and each row has its own.
 */
public record Table(String section, String columnSet, List<Column> columns, List<Row> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public Optional<Row> row(String rowCode) {
        return rows.stream().filter(r -> r.code().equals(rowCode)).findFirst();
    }
}
