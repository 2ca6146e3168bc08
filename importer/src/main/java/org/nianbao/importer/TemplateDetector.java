package org.nianbao.importer;

import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the template by the table headers, not by the year: real 2021+ reports still print the 2019 tables.
 * <p>
 * The evidence is computed from the catalog: a label that only one template has (本年新制作数量 → GOV_2019,
 * 本年制发件数 → GOV_2021), and a label that is a whole row in one template but only a block heading in the other,
 * when values follow it directly (（六）其他处理 with its numbers → GOV_2019; with 1./2./3. rows under it → GOV_2021).
 */
final class TemplateDetector {

    record Detection(Template template, List<String> evidence) {
    }

    private final TemplateCatalog catalog;
    private final Map<Template, LabelMatcher> matchers = new LinkedHashMap<>();
    private final Map<Template, Set<String>> markers = new LinkedHashMap<>();
    private final Map<Template, Set<String>> rowsHereHeadingsElsewhere = new LinkedHashMap<>();

    TemplateDetector(TemplateCatalog catalog, Vocabulary vocabulary) {
        this.catalog = catalog;
        for (Template template : catalog.templates()) {
            if (!template.tables().isEmpty()) {
                matchers.put(template, new LabelMatcher(template, vocabulary));
            }
        }
        for (Map.Entry<Template, LabelMatcher> entry : matchers.entrySet()) {
            Set<String> own = new LinkedHashSet<>(entry.getValue().allKeys());
            Set<String> rowsHere = new LinkedHashSet<>(entry.getValue().rowKeys());
            Set<String> headingsElsewhere = new LinkedHashSet<>();
            for (Map.Entry<Template, LabelMatcher> other : matchers.entrySet()) {
                if (other.getKey() != entry.getKey()) {
                    own.removeAll(other.getValue().allKeys());
                    headingsElsewhere.addAll(other.getValue().headingKeys());
                }
            }
            rowsHere.retainAll(headingsElsewhere);
            markers.put(entry.getKey(), own);
            rowsHereHeadingsElsewhere.put(entry.getKey(), rowsHere);
        }
    }

    /** Every label any template's tables can be recognised by. */
    Set<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>();
        matchers.values().forEach(m -> keys.addAll(m.allKeys()));
        return keys;
    }

    /** The matchers of the templates other than {@code template}: their headers tell what another format prints. */
    List<LabelMatcher> otherMatchers(Template template) {
        return matchers.entrySet().stream().filter(e -> e.getKey() != template).map(Map.Entry::getValue).toList();
    }

    LabelMatcher matcher(Template template) {
        return matchers.get(template);
    }

    /** The template the tables are printed in, if the cells say; empty when no table header tells. */
    Optional<Detection> fromTables(List<CellRow> rows, Integer year) {
        List<CellText> cells = rows.stream().flatMap(r -> r.cells().stream())
                .filter(c -> c.kind() != CellText.Kind.EMPTY).toList();
        Map<Template, Set<String>> evidence = new LinkedHashMap<>();
        for (Template template : matchers.keySet()) {
            evidence.put(template, new LinkedHashSet<>());
        }
        for (int i = 0; i < cells.size(); i++) {
            CellText cell = cells.get(i);
            if (cell.kind() != CellText.Kind.LABEL) {
                continue;
            }
            String key = LabelKey.withoutUnitRemark(cell.key());
            boolean valueFollows = i + 1 < cells.size() && cells.get(i + 1).isValue();
            for (Template template : matchers.keySet()) {
                if (markers.get(template).contains(key)
                        || (valueFollows && rowsHereHeadingsElsewhere.get(template).contains(key))) {
                    evidence.get(template).add(Trim.shown(cell.text()));
                }
            }
        }
        int best = evidence.values().stream().mapToInt(Set::size).max().orElse(0);
        if (best == 0) {
            return Optional.empty();
        }
        List<Template> leaders = evidence.entrySet().stream().filter(e -> e.getValue().size() == best)
                .map(Map.Entry::getKey).toList();
        Template chosen = leaders.stream().filter(t -> year != null && t.intendedFor(year)).findFirst()
                .orElse(leaders.get(leaders.size() - 1));
        return Optional.of(new Detection(chosen, new ArrayList<>(evidence.get(chosen))));
    }

    /** Whether any row label of any template with tables is among the cells. */
    boolean anyRowLabel(List<CellRow> rows) {
        return rows.stream().flatMap(r -> r.cells().stream())
                .filter(c -> c.kind() == CellText.Kind.LABEL)
                .anyMatch(c -> matchers.values().stream().anyMatch(m -> m.row(c.key()).isPresent()));
    }

    /** The template meant for a year; for an unknown year the newest with tables. */
    Template forYear(Integer year) {
        if (year != null) {
            Optional<Template> meant = catalog.templates().stream().filter(t -> t.intendedFor(year)).findFirst();
            if (meant.isPresent()) {
                return meant.get();
            }
        }
        return matchers.keySet().stream().max(Comparator.comparing(t -> t.years().from() == null ? 0 : t.years().from()))
                .orElseThrow();
    }

    /** The template without tables (LEGACY), for text-only reports before the national format. */
    Optional<Template> withoutTables() {
        return catalog.templates().stream().filter(t -> t.tables().isEmpty()).findFirst();
    }
}
