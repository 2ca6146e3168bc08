package org.nianbao.model.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * A broken rule: stored with the report and counted in the quality figures, never a reason to refuse it.
 *
 * @param message                 English, naming the equation instance and both sides' values
 * @param cells                   every cell the equation read; previous-year cells prefixed {@code prev:}
 * @param expected                value of the right-hand side (null for rules without an equation, e.g. T1)
 * @param actual                  value of the left-hand side
 * @param blankCellsCountedAsZero cells that were blank and taken as 0, as the official checkers do
 */
public record RuleWarning(String rule, String message, List<String> cells, BigDecimal expected, BigDecimal actual,
                          List<String> blankCellsCountedAsZero) {

    public RuleWarning {
        cells = List.copyOf(cells);
        blankCellsCountedAsZero = List.copyOf(blankCellsCountedAsZero);
    }
}
