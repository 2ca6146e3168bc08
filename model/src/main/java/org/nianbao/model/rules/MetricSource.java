package org.nianbao.model.rules;

import java.math.BigDecimal;
import java.util.Map;

/** Values an indicator reads: one report's cells and group cells, or an aggregate's totals. */
@FunctionalInterface
public interface MetricSource {

    /**
     * @param code       a cell or group cell code, e.g. {@code requests.outcome.withheld.total}
     * @param yearOffset 0 for the report year, -1 for the year before
     * @return the value, or null when blank
     */
    BigDecimal value(String code, int yearOffset);

    /**
     * Reads from maps, e.g. {@code MetricSource.of(template.metricValues(cells), previousTemplate.metricValues(…))}.
     *
     * @param previous the previous year's values, or null when unknown
     */
    static MetricSource of(Map<String, BigDecimal> current, Map<String, BigDecimal> previous) {
        return (code, yearOffset) -> switch (yearOffset) {
            case 0 -> current.get(code);
            case -1 -> previous == null ? null : previous.get(code);
            default -> null;
        };
    }
}
