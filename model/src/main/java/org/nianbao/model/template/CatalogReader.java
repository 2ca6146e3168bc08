package org.nianbao.model.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nianbao.model.rules.Equation;
import org.nianbao.model.rules.Expression;
import org.nianbao.model.rules.IndicatorDefinition;
import org.nianbao.model.rules.RuleDefinition;
import org.nianbao.model.rules.Term;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns {@code catalog.json} into a {@link TemplateCatalog} and refuses an inconsistent file, so that a bad edit of
 * the data fails when the catalog loads, not when a report happens to touch the broken part.
 */
final class CatalogReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    // The file's shape; nullable where the data may leave a field out.
    record CatalogFile(List<SectionJson> sections, Map<String, ColumnSetJson> columnSets,
                       List<TemplateJson> templates, List<GroupJson> groups, List<RuleJson> rules,
                       List<IndicatorJson> indicators) {
    }

    record SectionJson(String code, String number, String label, SectionKind kind) {
    }

    enum SectionKind { TEXT, NUMBERS }

    record ColumnSetJson(String label, List<ColumnJson> columns) {
    }

    record ColumnJson(String code, String label, String heading, CellKind kind, String unit, Boolean additive) {
    }

    record TemplateJson(String id, String title, String document, YearRange years, List<TableJson> tables) {
    }

    record TableJson(String section, String columnSet, List<RowJson> rows) {
    }

    record RowJson(String code, String label, String block, String columnSet, List<ColumnJson> columns) {
    }

    record GroupJson(String section, String code, String label, List<String> rows) {
    }

    record RuleJson(String id, String label, String description, RuleDefinition.Severity severity,
                    List<String> templates, String table, RuleDefinition.ForEach forEach, List<String> rows,
                    String equation) {
    }

    record IndicatorJson(String code, String label, String description, IndicatorDefinition.Kind kind,
                         String numerator, String denominator) {
    }

    private final CatalogFile file;
    private List<Section> sections;
    private final Map<String, List<Column>> columnSets = new HashMap<>();

    private CatalogReader(CatalogFile file) {
        this.file = file;
    }

    static TemplateCatalog read(InputStream json) {
        CatalogFile file;
        try {
            file = JSON.readValue(json, CatalogFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog: " + e.getOriginalMessage() + " at " + e.getLocation(), e);
        } catch (IOException e) {
            throw new IllegalStateException("catalog: cannot read: " + e.getMessage(), e);
        }
        return new CatalogReader(file).build();
    }

    private TemplateCatalog build() {
        sections = readSections();
        readColumnSets();
        List<Template> templates = readTemplates();
        checkCodesAgree(templates);
        List<RuleDefinition> rules = readRules(templates);
        List<IndicatorDefinition> indicators = readIndicators(TemplateCatalog.labelMetrics(templates).keySet());
        return new TemplateCatalog(sections, templates, rules, indicators);
    }

    private List<Section> readSections() {
        List<Section> result = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (SectionJson s : required(file.sections(), "sections")) {
            String where = "section " + s.code();
            check(codes.add(required(s.code(), "section code")), "duplicate " + where);
            result.add(new Section(s.code(), required(s.number(), where + " number"),
                    required(s.label(), where + " label"), required(s.kind(), where + " kind") == SectionKind.TEXT));
        }
        return result;
    }

    private void readColumnSets() {
        required(file.columnSets(), "columnSets").forEach((name, set) ->
                columnSets.put(name, columns(required(set.columns(), "columnSet " + name), "columnSet " + name)));
    }

    private List<Column> columns(List<ColumnJson> json, String where) {
        List<Column> columns = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (ColumnJson c : json) {
            String code = required(c.code(), where + ": column code");
            check(codes.add(code), where + ": duplicate column " + code);
            CellKind kind = c.kind() == null ? CellKind.COUNT : c.kind();
            check((kind == CellKind.AMOUNT) == (c.unit() != null), where + ": column " + code
                    + " must have a unit if and only if it is an AMOUNT");
            columns.add(new Column(code, required(c.label(), where + ": column " + code + " label"), c.heading(),
                    kind, c.unit(), c.additive() == null || c.additive()));
        }
        check(!columns.isEmpty(), where + ": no columns");
        return columns;
    }

    private List<Column> columnSet(String name, String where) {
        List<Column> columns = columnSets.get(name);
        check(columns != null, where + ": unknown columnSet " + name);
        return columns;
    }

    private List<Template> readTemplates() {
        List<Template> templates = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (TemplateJson t : required(file.templates(), "templates")) {
            String id = required(t.id(), "template id");
            check(ids.add(id), "duplicate template " + id);
            List<Table> tables = readTables(t, id);
            List<GroupDefinition> groups = readGroups(tables, id);
            Template template = new Template(id, required(t.title(), id + " title"),
                    required(t.document(), id + " document"), required(t.years(), id + " years"),
                    sections, tables, groups);
            checkNoCellIsAPrefix(template);
            templates.add(template);
        }
        return templates;
    }

    private List<Table> readTables(TemplateJson t, String id) {
        List<Table> tables = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TableJson table : required(t.tables(), id + " tables")) {
            String where = id + " table " + table.section();
            Section section = sections.stream().filter(s -> s.code().equals(table.section())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("catalog: " + where + ": no such section"));
            check(!section.text(), where + ": " + section.code() + " is a text section");
            check(seen.add(section.code()), where + ": defined twice");
            List<Column> shared = table.columnSet() == null ? List.of() : columnSet(table.columnSet(), where);
            List<Row> rows = new ArrayList<>();
            Set<String> rowCodes = new HashSet<>();
            for (RowJson row : required(table.rows(), where + " rows")) {
                String code = required(row.code(), where + ": row code");
                check(rowCodes.add(code), where + ": duplicate row " + code);
                rows.add(new Row(code, required(row.label(), where + " row " + code + " label"), row.block(),
                        rowColumns(row, shared, where + " row " + code)));
            }
            tables.add(new Table(section.code(), table.columnSet(), shared, rows));
        }
        return tables;
    }

    private List<Column> rowColumns(RowJson row, List<Column> shared, String where) {
        int ways = (row.columns() != null ? 1 : 0) + (row.columnSet() != null ? 1 : 0) + (shared.isEmpty() ? 0 : 1);
        check(ways == 1, where + ": needs exactly one of its own columns, its columnSet or the table's columnSet");
        if (row.columns() != null) return columns(row.columns(), where);
        if (row.columnSet() != null) return columnSet(row.columnSet(), where);
        return shared;
    }

    private List<GroupDefinition> readGroups(List<Table> tables, String templateId) {
        List<GroupDefinition> groups = new ArrayList<>();
        for (GroupJson g : required(file.groups(), "groups")) {
            String where = "group " + g.section() + "." + g.code();
            String code = required(g.code(), where + " code");
            List<String> patterns = required(g.rows(), where + " rows");
            check(sections.stream().anyMatch(s -> s.code().equals(g.section())), where + ": no such section");
            Table table = tables.stream().filter(t -> t.section().equals(g.section())).findFirst().orElse(null);
            if (table == null) {
                continue; // the template has no such table (LEGACY): no group either
            }
            check(table.columnSet() != null, where + ": table " + g.section() + " has no common columns");
            check(table.row(code).isEmpty(), where + ": has the code of a row of " + templateId);
            List<String> members = table.rows().stream().map(Row::code)
                    .filter(row -> patterns.stream().anyMatch(pattern -> matches(row, pattern)))
                    .toList();
            check(!members.isEmpty(), where + ": matches no row of " + templateId);
            groups.add(new GroupDefinition(g.section() + "." + code, required(g.label(), where + " label"),
                    g.section(), members, table.columns().stream().map(Column::code).toList()));
        }
        return groups;
    }

    /** {@code outcome.withheld.*} matches the rows below {@code outcome.withheld}; anything else matches itself. */
    private static boolean matches(String rowCode, String pattern) {
        return pattern.endsWith(".*")
                ? rowCode.startsWith(pattern.substring(0, pattern.length() - 1))
                : rowCode.equals(pattern);
    }

    /** A submission nests cells by their dotted codes, so no cell (or group cell) may sit inside another. */
    private static void checkNoCellIsAPrefix(Template template) {
        List<String> codes = new ArrayList<>(template.cellCodes());
        codes.addAll(template.groupCellCodes());
        Set<String> unique = new HashSet<>();
        for (String code : codes) {
            check(unique.add(code), template.id() + ": " + code + " is both a cell and a group cell");
        }
        Set<String> prefixes = new HashSet<>();
        for (String code : codes) {
            for (int dot = code.indexOf('.'); dot > 0; dot = code.indexOf('.', dot + 1)) {
                prefixes.add(code.substring(0, dot));
            }
        }
        for (String code : codes) {
            check(!prefixes.contains(code), template.id() + ": cell " + code + " is also the path of other cells");
        }
    }

    /**
     * The aggregator adds up a code across templates, so a code must be the same kind of number everywhere, and
     * a group cell of one template may not be an input cell of another.
     */
    private static void checkCodesAgree(List<Template> templates) {
        Map<String, CellDefinition> seen = new HashMap<>();
        for (Template template : templates) {
            for (CellDefinition cell : template.cells()) {
                CellDefinition earlier = seen.putIfAbsent(cell.code(), cell);
                check(earlier == null || (earlier.kind() == cell.kind() && Objects.equals(earlier.unit(), cell.unit())),
                        cell.code() + " has a different kind or unit in " + template.id());
            }
        }
        for (Template template : templates) {
            for (String code : template.groupCellCodes()) {
                check(!seen.containsKey(code), "group cell " + code + " of " + template.id() + " is a cell elsewhere");
            }
        }
    }

    private List<RuleDefinition> readRules(List<Template> templates) {
        List<RuleDefinition> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleJson r : required(file.rules(), "rules")) {
            String where = "rule " + r.id();
            check(ids.add(required(r.id(), "rule id")), "duplicate " + where);
            List<String> only = r.templates() == null ? List.of() : r.templates();
            for (String id : only) {
                check(templates.stream().anyMatch(t -> t.id().equals(id)), where + ": unknown template " + id);
            }
            Equation equation = r.equation() == null ? null : parse(() -> Equation.parse(r.equation()), where);
            RuleDefinition rule = new RuleDefinition(r.id(), required(r.label(), where + " label"),
                    required(r.description(), where + " description"), required(r.severity(), where + " severity"),
                    only, r.table(), r.forEach(), r.rows() == null ? List.of() : r.rows(), equation);
            if (equation != null) {
                checkEquationRule(rule, templates, where);
            }
            rules.add(rule);
        }
        return rules;
    }

    private static void checkEquationRule(RuleDefinition rule, List<Template> templates, String where) {
        required(rule.table(), where + " table");
        required(rule.forEach(), where + " forEach");
        List<Template> applicable = templates.stream().filter(rule::appliesTo).toList();
        check(!applicable.isEmpty(), where + ": applies to no template");
        for (String id : rule.templates()) {
            check(applicable.stream().anyMatch(t -> t.id().equals(id)), where + ": " + id + " has no table " + rule.table());
        }
        for (Template template : applicable) {
            Table table = template.table(rule.table()).orElseThrow();
            check(rule.forEach() == RuleDefinition.ForEach.ROW || !table.columns().isEmpty(),
                    where + ": forEach column needs a table with common columns");
            check(rule.rows().isEmpty() || rule.forEach() == RuleDefinition.ForEach.ROW,
                    where + ": rows only go with forEach row");
            for (String row : rule.rows()) {
                check(table.row(row).isPresent(), where + ": " + template.id() + " has no row " + row);
            }
            List<String> unresolved = rule.unresolvedTerms(template);
            check(unresolved.isEmpty(), where + ": " + String.join(", ", unresolved) + " names no cell of "
                    + template.id());
        }
    }

    private List<IndicatorDefinition> readIndicators(Set<String> metricCodes) {
        List<IndicatorDefinition> indicators = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (IndicatorJson i : required(file.indicators(), "indicators")) {
            String where = "indicator " + i.code();
            check(codes.add(required(i.code(), "indicator code")), "duplicate " + where);
            Expression numerator = parse(() -> Expression.parse(required(i.numerator(), where + " numerator")), where);
            Expression denominator = parse(() -> Expression.parse(required(i.denominator(), where + " denominator")), where);
            for (Term term : concat(numerator, denominator)) {
                check(metricCodes.contains(term.code()), where + ": " + term.code() + " is no cell or group cell");
            }
            indicators.add(new IndicatorDefinition(i.code(), required(i.label(), where + " label"),
                    required(i.description(), where + " description"), required(i.kind(), where + " kind"),
                    numerator, denominator));
        }
        return indicators;
    }

    private static List<Term> concat(Expression a, Expression b) {
        List<Term> terms = new ArrayList<>(a.terms());
        terms.addAll(b.terms());
        return terms;
    }

    private static <T> T parse(Supplier<T> parser, String where) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("catalog: " + where + ": " + e.getMessage(), e);
        }
    }

    private static <T> T required(T value, String what) {
        check(value != null, "missing " + what);
        return value;
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("catalog: " + problem);
        }
    }
}
