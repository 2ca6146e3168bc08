package org.nianbao.aggregation.query;

import java.math.BigDecimal;
import org.nianbao.model.rules.IndicatorDefinition;
import org.nianbao.model.rules.Indicators;
import org.nianbao.model.rules.MetricSource;
import org.nianbao.model.template.TemplateCatalog;

/**
 * What a {@code metric} or {@code indicator} parameter names: a summed metric (a cell or group code such as
 * {@code requests.newReceived.total}) or an indicator computed from sums (rates are never summed).
 */
public record MetricRef(String code, String label, IndicatorDefinition indicator) {

    public static MetricRef of(String code, TemplateCatalog catalog) {
        return catalog.indicator(code).map(i -> new MetricRef(code, i.label(), i))
                .or(() -> catalog.metricCodes().contains(code)
                        ? java.util.Optional.of(new MetricRef(code, catalog.metricLabel(code).orElse(code), null))
                        : java.util.Optional.empty())
                .orElse(null);
    }

    /** The metric codes the value is computed from, in either year: what a read of report states must bring back. */
    public java.util.Set<String> codes() {
        if (indicator == null) {
            return java.util.Set.of(code);
        }
        return indicator.terms().stream().map(org.nianbao.model.rules.Term::code)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** True for an indicator with a {@code prev:} term, which reads the year before as well. */
    public boolean readsPreviousYear() {
        return indicator != null && indicator.terms().stream().anyMatch(org.nianbao.model.rules.Term::previousYear);
    }

    public boolean additive() {
        return indicator == null;
    }

    /** The value with its numerator and denominator; a summed metric is its own numerator. */
    public Indicators.Evaluation evaluate(MetricSource source) {
        if (indicator != null) {
            return Indicators.explain(indicator, source);
        }
        BigDecimal value = source.value(code, 0);
        return new Indicators.Evaluation(value, value, null);
    }
}
