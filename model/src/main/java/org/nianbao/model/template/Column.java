package org.nianbao.model.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A column of a table row. {@code heading} is the printed header spanning several columns
 * (法人或其他组织), or null; {@code unit} is set for amounts only.
 */
@Schema(description = "A column of a template table")
public record Column(@Schema(description = "Column code", example = "naturalPerson") String code, @Schema(description = "Printed column label", example = "自然人") String label, @Schema(nullable = true, description = "Printed header spanning several columns, if any", example = "法人或其他组织") String heading, @Schema(description = "COUNT (whole, ≥ 0), CHANGE (whole, may be negative) or AMOUNT (decimal ≥ 0)", example = "COUNT") CellKind kind, @Schema(nullable = true, description = "Unit of an amount", example = "万元") String unit, @Schema(description = "Whether summing across agencies is meaningful", example = "true") boolean additive) {

    /** The column label as it reads on its own, with its spanning header if any. */
    public String fullLabel() {
        return heading == null ? label : heading + "·" + label;
    }
}
