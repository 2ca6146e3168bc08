package org.nianbao.model.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import org.nianbao.model.event.Nullable;

/**
 * A broken rule: stored with the report and counted in the quality figures, never a reason to refuse it.
 *
 * @param message                 English, naming the equation instance and both sides' values
 * @param cells                   every cell the equation read; previous-year cells prefixed {@code prev:}
 * @param expected                value of the right-hand side (null for rules without an equation, e.g. T1)
 * @param actual                  value of the left-hand side
 * @param blankCellsCountedAsZero cells that were blank and taken as 0, as the official checkers do
 */
@Schema(description = "A broken cross-check rule, stored with the report as a warning")
public record RuleWarning(@Schema(description = "The rule broken: R1–R4, X1, X2 or T1", example = "R1") String rule, @Schema(description = "The equation instance and both sides' values", example = "R1 (naturalPerson): newReceived + carriedOver = 12 but outcome.total + carriedForward = 10") String message, @Schema(description = "Every cell the equation read; previous-year cells prefixed prev:", example = "[\"requests.newReceived.naturalPerson\"]") List<String> cells, @Schema(nullable = true, description = "Value of the right-hand side", example = "10") @Nullable BigDecimal expected, @Schema(nullable = true, description = "Value of the left-hand side", example = "12") @Nullable BigDecimal actual,
                          @Schema(description = "Blank cells taken as 0, as the official checkers do", example = "[\"requests.carriedOver.naturalPerson\"]") List<String> blankCellsCountedAsZero) {

    public RuleWarning {
        cells = List.copyOf(cells);
        blankCellsCountedAsZero = List.copyOf(blankCellsCountedAsZero);
    }
}
