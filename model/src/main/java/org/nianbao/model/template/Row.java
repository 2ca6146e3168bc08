package org.nianbao.model.template;

import java.util.List;
import java.util.Optional;

/**
 * A row of a table. {@code code} may contain dots ({@code outcome.withheld.stateSecret});
 * {@code block} is the printed heading the row sits under (第二十条第（一）项), or null.
 */
public record Row(String code, String label, String block, List<Column> columns) {

    public Row {
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(String columnCode) {
        return columns.stream().filter(c -> c.code().equals(columnCode)).findFirst();
    }
}
