package org.nianbao.model.template;

import org.nianbao.model.rules.IndicatorDefinition;
import org.nianbao.model.rules.RuleDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Templates, rules and indicators, read from {@code catalog.json}: the one definition the validator, the importer,
 * the API docs and the aggregator share. Immutable; {@link #standard()} is loaded once.
 */
public final class TemplateCatalog {

    static final String RESOURCE = "/org/nianbao/model/template/catalog.json";

    private final List<Section> sections;
    private final List<Template> templates;
    private final List<RuleDefinition> rules;
    private final List<IndicatorDefinition> indicators;
    private final Set<String> comparableCodes;
    private final Map<String, String> metricLabels;

    TemplateCatalog(List<Section> sections, List<Template> templates, List<RuleDefinition> rules,
                    List<IndicatorDefinition> indicators) {
        this.sections = List.copyOf(sections);
        this.templates = List.copyOf(templates);
        this.rules = List.copyOf(rules);
        this.indicators = List.copyOf(indicators);
        this.metricLabels = Collections.unmodifiableMap(labelMetrics(templates));
        this.comparableCodes = Collections.unmodifiableSet(comparable(templates));
    }

    /** The catalog shipped with this module. */
    public static TemplateCatalog standard() {
        return Standard.CATALOG;
    }

    /** Reads a catalog, e.g. a variant in a test; fails with IllegalStateException naming what is inconsistent. */
    public static TemplateCatalog read(InputStream json) {
        return CatalogReader.read(json);
    }

    public List<Template> templates() {
        return templates;
    }

    public Optional<Template> find(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public List<Section> sections() {
        return sections;
    }

    public Optional<Section> section(String code) {
        return sections.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** Every rule, including those enforced outside the rule engine (R5 by the parser, T1 by the year check). */
    public List<RuleDefinition> rules() {
        return rules;
    }

    public Optional<RuleDefinition> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public List<IndicatorDefinition> indicators() {
        return indicators;
    }

    public Optional<IndicatorDefinition> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /**
     * Codes that mean the same in every template with tables (GOV_2019 and GOV_2021): the cells they share and the
     * group cells. Totals of these are comparable across report years whatever template each report used.
     */
    public Set<String> comparableCodes() {
        return comparableCodes;
    }

    /** Every cell code of any template plus every group cell code: what the aggregator can total. */
    public Set<String> metricCodes() {
        return metricLabels.keySet();
    }

    /** Chinese label of a cell or group cell; for a code in several templates, the newest template's wording. */
    public Optional<String> metricLabel(String code) {
        return Optional.ofNullable(metricLabels.get(code));
    }

    /** Ids of the templates that have this cell, e.g. [GOV_2021] for {@code requests.outcome.other.feeUnpaid.total}. */
    public List<String> templatesWithCell(String code) {
        return templates.stream().filter(t -> t.cell(code).isPresent()).map(Template::id).toList();
    }

    /** Whether the code is a derived group cell ({@code requests.outcome.withheld.total}) rather than an input. */
    public boolean isGroupCell(String code) {
        return templates.stream().anyMatch(t -> t.groupCellCodes().contains(code));
    }

    /** Label of every cell and group cell, by code; the last template in catalog order (the newest) wins. */
    static Map<String, String> labelMetrics(List<Template> templates) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Template template : templates) {
            template.cells().forEach(cell -> labels.put(cell.code(), cell.label()));
            for (GroupDefinition group : template.groups()) {
                List<Column> columns = template.table(group.section()).orElseThrow().columns();
                for (Column column : columns) {
                    labels.put(group.metricCode(column.code()), group.label() + "：" + column.fullLabel());
                }
            }
        }
        return labels;
    }

    private static Set<String> comparable(List<Template> templates) {
        Set<String> shared = null;
        for (Template template : templates) {
            if (template.cellCodes().isEmpty()) {
                continue;
            }
            Set<String> codes = new LinkedHashSet<>(template.cellCodes());
            codes.addAll(template.groupCellCodes());
            if (shared == null) {
                shared = codes;
            } else {
                shared.retainAll(codes);
            }
        }
        return shared == null ? Set.of() : shared;
    }

    /** Holder idiom: loaded on first use, once. */
    private static final class Standard {
        static final TemplateCatalog CATALOG = load();

        private static TemplateCatalog load() {
            try (InputStream json = TemplateCatalog.class.getResourceAsStream(RESOURCE)) {
                if (json == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return read(json);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
