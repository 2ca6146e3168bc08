package org.nianbao.model.rules;

import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a report against the catalog's equations. A blank cell counts as 0, as the official checkers do, and the
 * warning lists it; an equation whose cells are all blank is skipped, since nothing was reported.
 * <p>
 * The concrete equations depend only on the catalog and the two templates, so they are built once per pair of
 * templates and kept (the catalog is immutable); each check then only sums cells. Thread-safe.
 */
public final class RuleEngine {

    private final TemplateCatalog catalog;
    /** The equations to check, per (template, previous template); a handful of entries at most. */
    private final Map<TemplatePair, List<PreparedCheck>> prepared = new ConcurrentHashMap<>();

    public RuleEngine(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Every cell of the previous year's report that a cross-year check can read, whatever the two templates: a
     * caller that fetches the previous report need read only these (a handful of its ~200 cells). Sorted.
     */
    public List<String> previousYearCells() {
        SortedSet<String> cells = new TreeSet<>();
        for (Template current : catalog.templates()) {
            for (Template previous : catalog.templates()) {
                for (PreparedCheck check : checks(current, previous, true)) {
                    for (List<RuleCheck.TermCells> side : List.of(check.check.left(), check.check.right())) {
                        side.stream().filter(t -> t.term().previousYear()).forEach(t -> cells.addAll(t.cells()));
                    }
                }
            }
        }
        return List.copyOf(cells);
    }

    /**
     * @param reportCells the report's filled cells by code; absent = blank
     * @param previous    the agency's previous report, or null: then the cross-year rules are not checked
     */
    public List<RuleWarning> check(Template template, Map<String, BigDecimal> reportCells, PreviousYear previous) {
        Template previousTemplate = previous == null ? null : previous.template();
        Map<String, BigDecimal> cells = forLookups(reportCells);
        Map<String, BigDecimal> previousCells = previous == null ? Map.of() : forLookups(previous.cells());
        List<RuleWarning> warnings = new ArrayList<>();
        for (PreparedCheck check : checks(template, previousTemplate, previous != null)) {
            Sum left = Sum.of(check.check.left(), cells, previousCells);
            Sum right = Sum.of(check.check.right(), cells, previousCells);
            boolean nothingReported = left.filled == 0 && right.filled == 0;
            if (!nothingReported && left.value.compareTo(right.value) != 0) {
                warnings.add(warning(check, left.value, right.value, cells, previousCells));
            }
        }
        return warnings;
    }

    /**
     * The cells in a hash map sized for every code. A report's cells come sorted (a TreeMap), and the equations look up
     * several hundred cells per report: in a tree each lookup compared codes that share prefixes of 30 characters and
     * more, about eight times: 6 % of the report service's CPU samples under load (BENCHMARKS.md, section 1).
     */
    private static Map<String, BigDecimal> forLookups(Map<String, BigDecimal> cells) {
        if (cells instanceof HashMap) {
            return cells;
        }
        Map<String, BigDecimal> byCode = Template.codeMap();
        byCode.putAll(cells);
        return byCode;
    }

    /** The key of the prepared equations; templates compare by identity (they do not define equality). */
    private record TemplatePair(Template current, Template previous, boolean crossYear) {
    }

    /** One equation instance with the text of its sides, which only a warning needs but is the same every time. */
    private record PreparedCheck(RuleCheck check, String leftText, String rightText) {
    }

    private List<PreparedCheck> checks(Template template, Template previousTemplate, boolean crossYear) {
        return prepared.computeIfAbsent(new TemplatePair(template, previousTemplate, crossYear), this::prepare);
    }

    /** In catalog order, as before: rule by rule, each rule's instances in table order. */
    private List<PreparedCheck> prepare(TemplatePair pair) {
        List<PreparedCheck> checks = new ArrayList<>();
        for (RuleDefinition rule : catalog.rules()) {
            if (!rule.appliesTo(pair.current()) || (rule.crossYear() && !pair.crossYear())) {
                continue;
            }
            for (RuleCheck check : rule.checksFor(pair.current(), pair.previous())) {
                checks.add(new PreparedCheck(check, text(check.left()), text(check.right())));
            }
        }
        return List.copyOf(checks);
    }

    private static String text(List<RuleCheck.TermCells> terms) {
        return new Expression(terms.stream().map(RuleCheck.TermCells::term).toList()).text();
    }

    private static RuleWarning warning(PreparedCheck check, BigDecimal leftValue, BigDecimal rightValue,
                                       Map<String, BigDecimal> current, Map<String, BigDecimal> previous) {
        List<String> cells = new ArrayList<>();
        List<String> blanks = new ArrayList<>();
        list(check.check.left(), current, previous, cells, blanks);
        List<String> rightCells = new ArrayList<>();
        List<String> rightBlanks = new ArrayList<>();
        list(check.check.right(), current, previous, rightCells, rightBlanks);
        cells.addAll(rightCells);
        blanks.addAll(rightBlanks);
        String message = "%s (%s): %s = %s but %s = %s".formatted(check.check.rule(), check.check.instance(),
                check.leftText, plain(leftValue), check.rightText, plain(rightValue));
        if (!blanks.isEmpty()) {
            message += "; blank counted as 0: " + String.join(", ", blanks);
        }
        return new RuleWarning(check.check.rule(), message, cells, rightValue, leftValue, blanks);
    }

    /** The cells one side read and the blank ones among them, named as a warning names them ({@code prev:} …). */
    private static void list(List<RuleCheck.TermCells> terms, Map<String, BigDecimal> current,
                             Map<String, BigDecimal> previous, List<String> cells, List<String> blanks) {
        for (RuleCheck.TermCells term : terms) {
            Map<String, BigDecimal> source = term.term().previousYear() ? previous : current;
            for (String cell : term.cells()) {
                String name = term.term().previousYear() ? Term.PREVIOUS_YEAR + cell : cell;
                cells.add(name);
                if (source.get(cell) == null) {
                    blanks.add(name);
                }
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** One side of an equation, summed; the cell lists are made only for a warning (see {@link #list}). */
    private static final class Sum {
        private BigDecimal value = BigDecimal.ZERO;
        private int filled;

        static Sum of(List<RuleCheck.TermCells> terms, Map<String, BigDecimal> current,
                      Map<String, BigDecimal> previous) {
            Sum sum = new Sum();
            for (RuleCheck.TermCells term : terms) {
                Map<String, BigDecimal> source = term.term().previousYear() ? previous : current;
                boolean negative = term.term().negative();
                for (String cell : term.cells()) {
                    BigDecimal value = source.get(cell);
                    if (value != null) {
                        sum.filled++;
                        sum.value = negative ? sum.value.subtract(value) : sum.value.add(value);
                    }
                }
            }
            return sum;
        }
    }
}
