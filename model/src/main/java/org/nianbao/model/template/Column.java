package org.nianbao.model.template;

/**
 * A column of a table row. {@code heading} is the printed header spanning several columns
 * (法人或其他组织), or null; {@code unit} is set for amounts only.
 */
public record Column(String code, String label, String heading, CellKind kind, String unit, boolean additive) {

    /** The column label as it reads on its own, with its spanning header if any. */
    public String fullLabel() {
        return heading == null ? label : heading + "·" + label;
    }
}
