package org.nianbao.model.rules;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A derived indicator (spec "Derived indicators"): a ratio of two sums over cell and group codes.
 * {@code prev:} terms read the previous report year.
 */
public record IndicatorDefinition(String code, String label, String description, Kind kind,
                                  Expression numerator, Expression denominator) {

    public enum Kind {
        /** numerator / denominator */
        @JsonProperty("ratio") RATIO,
        /** numerator / denominator − 1, e.g. year-over-year change */
        @JsonProperty("growth") GROWTH
    }
}
