package org.nianbao.model.rules;

import java.util.List;

/**
 * One concrete equation of a rule, e.g. R1 for column {@code naturalPerson}, with every term resolved to the
 * cells it sums (a group term stands for several cells; {@code prev:} terms for cells of the previous report).
 */
public record RuleCheck(String rule, String instance, List<TermCells> left, List<TermCells> right) {

    public RuleCheck {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    public record TermCells(Term term, List<String> cells) {
        public TermCells {
            cells = List.copyOf(cells);
        }
    }
}
