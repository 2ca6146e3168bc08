package org.nianbao.model.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.nianbao.model.template.Column;
import org.nianbao.model.template.Row;
import org.nianbao.model.template.Table;
import org.nianbao.model.template.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A cross-check rule (勾稽关系) as written in {@code catalog.json}.
 * <p>
 * With an equation, the rule is instantiated over a table: {@link ForEach#COLUMN} reads the terms as row (or group)
 * codes and makes one equation per column of the table's column set; {@link ForEach#ROW} reads them as column codes
 * and makes one per row ({@code rows}, @Schema(description = "For row rules, the rows it applies to; empty: all", example = "rules") or all rows). Rules without an equation (R5, T1) are enforced elsewhere and
 * listed here so the API can describe every rule.
 *
 * @param templates the templates it applies to; empty = every template that has the table
 * @param rows      for {@link ForEach#ROW}: the rows it applies to; empty = all
 */
@Schema(description = "A cross-check rule (勾稽关系)")
public record RuleDefinition(@Schema(description = "Rule id", example = "R1") String id, @Schema(description = "Chinese label", example = "本年新收加上年结转等于办理结果总计加结转下年度") String label, @Schema(description = "What the rule checks", example = "Per applicant column: received this year plus carried over equals handled plus carried forward.") String description, @Schema(description = "warning (stored with the report) or error (refuses it)", example = "warning") Severity severity, @Schema(description = "Templates it applies to; empty: every template with the table", example = "[\"GOV_2021\"]") List<String> templates,
                             @Schema(description = "Section whose table it reads", example = "requests") String table, @Schema(description = "row or column: how the equation is instantiated", example = "column") ForEach forEach, @Schema(description = "The equation over row or column codes; prev: reads the previous year", example = "[\"newReceived + carriedOver = outcome.total + carriedForward\"]") List<String> rows, Equation equation) {

    /** A warning is stored with the report; an error refuses the submission. */
    public enum Severity {
        @JsonProperty("warning") WARNING,
        @JsonProperty("error") ERROR
    }

    public enum ForEach {
        @JsonProperty("row") ROW,
        @JsonProperty("column") COLUMN
    }

    public RuleDefinition {
        templates = List.copyOf(templates);
        rows = List.copyOf(rows);
    }

    /** Whether it compares the report with the same agency's previous report (X1, X2). */
    @JsonIgnore
    @Schema(hidden = true)
    public boolean crossYear() {
        return equation != null && equation.readsPreviousYear();
    }

    /** Whether the rule has equations to check in reports of this template. */
    public boolean appliesTo(Template template) {
        return equation != null && template.table(table).isPresent()
                && (templates.isEmpty() || templates.contains(template.id()));
    }

    /**
     * The concrete equations for a report of {@code current}, its {@code prev:} terms read from a report of
     * {@code previous} (may be null when the rule does not read the previous year). An equation whose
     * previous-year cells the previous template lacks is left out: both years must have the cells.
     */
    public List<RuleCheck> checksFor(Template current, Template previous) {
        return instantiate(current, previous, unresolved -> {
            if (!unresolved.previousYear()) {
                throw new IllegalStateException("rule " + id + ": " + unresolved.reference()
                        + " names no cell of " + current.id());
            }
        });
    }

    /** For checking the catalog: every term (also {@code prev:} ones) that names no cell of the template. */
    public List<String> unresolvedTerms(Template template) {
        List<String> unresolved = new ArrayList<>();
        instantiate(template, template, term -> unresolved.add(term.reference()));
        return unresolved.stream().distinct().toList();
    }

    private List<RuleCheck> instantiate(Template current, Template previous, Consumer<Term> onUnresolved) {
        if (!appliesTo(current)) {
            return List.of();
        }
        Table table = current.table(this.table).orElseThrow();
        List<RuleCheck> checks = new ArrayList<>();
        if (forEach == ForEach.COLUMN) {
            for (Column column : table.columns()) {
                instance(column.code(), term -> new Place(term.code(), column.code()), current, previous,
                        onUnresolved).ifPresent(checks::add);
            }
        } else {
            for (Row row : table.rows()) {
                if (rows.isEmpty() || rows.contains(row.code())) {
                    instance(row.code(), term -> new Place(row.code(), term.code()), current, previous,
                            onUnresolved).ifPresent(checks::add);
                }
            }
        }
        return checks;
    }

    /** Where a term sits in the table: for a column instance the term is the row, for a row instance the column. */
    private record Place(String row, String column) {
    }

    private Optional<RuleCheck> instance(String name, Function<Term, Place> placeOf,
                                         Template current, Template previous, Consumer<Term> onUnresolved) {
        List<RuleCheck.TermCells> left = resolve(equation.left(), placeOf, current, previous, onUnresolved);
        List<RuleCheck.TermCells> right = resolve(equation.right(), placeOf, current, previous, onUnresolved);
        boolean complete = left != null && right != null;
        return complete ? Optional.of(new RuleCheck(id, name, left, right)) : Optional.empty();
    }

    private List<RuleCheck.TermCells> resolve(Expression side, Function<Term, Place> placeOf,
                                              Template current, Template previous, Consumer<Term> onUnresolved) {
        List<RuleCheck.TermCells> resolved = new ArrayList<>();
        boolean complete = true;
        for (Term term : side.terms()) {
            Template source = term.previousYear() ? previous : current;
            Place place = placeOf.apply(term);
            List<String> cells = source == null ? List.of() : source.cellsFor(table, place.row(), place.column());
            if (cells.isEmpty()) {
                onUnresolved.accept(term);
                complete = false;
            }
            resolved.add(new RuleCheck.TermCells(term, cells));
        }
        return complete ? resolved : null;
    }
}
