package org.nianbao.model.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A derived indicator (spec "Derived indicators"): a ratio of two sums over cell and group codes.
 * {@code prev:} terms read the previous report year.
 */
@Schema(description = "A derived indicator")
public record IndicatorDefinition(@Schema(description = "Indicator code", example = "disclosureRate") String code, @Schema(description = "Chinese label", example = "公开率") String label, @Schema(description = "How it is computed", example = "(disclosed + partially disclosed) / handled, total column") String description, @Schema(description = "ratio, or growth (ratio − 1, over the previous year)", example = "ratio") Kind kind,
                                  @Schema(description = "Sum expression over metric codes", example = "requests.outcome.disclosed.total + requests.outcome.partiallyDisclosed.total") Expression numerator, @Schema(nullable = true, description = "Sum expression over metric codes; zero or blank gives null", example = "requests.outcome.total.total") Expression denominator) {

    /** Every term of the numerator and the denominator, in that order. */
    @JsonIgnore
    public java.util.List<Term> terms() {
        return java.util.stream.Stream.of(numerator, denominator).filter(java.util.Objects::nonNull)
                .flatMap(e -> e.terms().stream()).toList();
    }

    public enum Kind {
        /** numerator / denominator */
        @JsonProperty("ratio") RATIO,
        /** numerator / denominator − 1, e.g. year-over-year change */
        @JsonProperty("growth") GROWTH
    }
}
