package org.nianbao.model.rules;

import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a report against the catalog's equations. A blank cell counts as 0, as the official checkers do, and the
 * warning lists it; an equation whose cells are all blank is skipped, since nothing was reported.
 */
public final class RuleEngine {

    private final TemplateCatalog catalog;

    public RuleEngine(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param cells    the report's filled cells by code; absent = blank
     * @param previous the agency's previous report, or null: then the cross-year rules are not checked
     */
    public List<RuleWarning> check(Template template, Map<String, BigDecimal> cells, PreviousYear previous) {
        List<RuleWarning> warnings = new ArrayList<>();
        for (RuleDefinition rule : catalog.rules()) {
            if (!rule.appliesTo(template) || (rule.crossYear() && previous == null)) {
                continue;
            }
            Template previousTemplate = previous == null ? null : previous.template();
            Map<String, BigDecimal> previousCells = previous == null ? Map.of() : previous.cells();
            for (RuleCheck check : rule.checksFor(template, previousTemplate)) {
                Side left = Side.sum(check.left(), cells, previousCells);
                Side right = Side.sum(check.right(), cells, previousCells);
                boolean nothingReported = left.filled == 0 && right.filled == 0;
                if (!nothingReported && left.value.compareTo(right.value) != 0) {
                    warnings.add(warning(check, left, right));
                }
            }
        }
        return warnings;
    }

    private static RuleWarning warning(RuleCheck check, Side left, Side right) {
        List<String> blanks = new ArrayList<>(left.blanks);
        blanks.addAll(right.blanks);
        String message = "%s (%s): %s = %s but %s = %s".formatted(check.rule(), check.instance(),
                left.text, plain(left.value), right.text, plain(right.value));
        if (!blanks.isEmpty()) {
            message += "; blank counted as 0: " + String.join(", ", blanks);
        }
        List<String> cells = new ArrayList<>(left.cells);
        cells.addAll(right.cells);
        return new RuleWarning(check.rule(), message, cells, right.value, left.value, blanks);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** One side of an equation, summed. */
    private static final class Side {
        private final List<String> cells = new ArrayList<>();
        private final List<String> blanks = new ArrayList<>();
        private BigDecimal value = BigDecimal.ZERO;
        private int filled;
        private String text;

        static Side sum(List<RuleCheck.TermCells> terms, Map<String, BigDecimal> current,
                        Map<String, BigDecimal> previous) {
            Side side = new Side();
            side.text = new Expression(terms.stream().map(RuleCheck.TermCells::term).toList()).text();
            for (RuleCheck.TermCells term : terms) {
                Map<String, BigDecimal> source = term.term().previousYear() ? previous : current;
                for (String cell : term.cells()) {
                    String name = term.term().previousYear() ? Term.PREVIOUS_YEAR + cell : cell;
                    side.cells.add(name);
                    BigDecimal value = source.get(cell);
                    if (value == null) {
                        side.blanks.add(name);
                    } else {
                        side.filled++;
                        side.value = term.term().negative() ? side.value.subtract(value) : side.value.add(value);
                    }
                }
            }
            return side;
        }
    }
}
