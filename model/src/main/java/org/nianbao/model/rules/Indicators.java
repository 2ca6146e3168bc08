package org.nianbao.model.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Computes indicators; results have 6 decimal places, rounded half-even. */
public final class Indicators {

    public static final int SCALE = 6;

    private Indicators() {
    }

    /** An indicator's value with the sums it was computed from, for rankings and drill-downs. */
    public record Evaluation(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
    }

    /**
     * @return the indicator, or null when it cannot be computed: a blank term (blank is not zero, so a share of
     * an unknown part is unknown) or a zero denominator (never 0 or NaN)
     */
    public static BigDecimal evaluate(IndicatorDefinition indicator, MetricSource source) {
        return explain(indicator, source).value();
    }

    /** The value as {@link #evaluate} computes it, together with its numerator and denominator (each null when blank). */
    public static Evaluation explain(IndicatorDefinition indicator, MetricSource source) {
        BigDecimal numerator = sum(indicator.numerator(), source);
        BigDecimal denominator = sum(indicator.denominator(), source);
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return new Evaluation(null, numerator, denominator);
        }
        BigDecimal dividend = switch (indicator.kind()) {
            case RATIO -> numerator;
            case GROWTH -> numerator.subtract(denominator);
        };
        return new Evaluation(dividend.divide(denominator, SCALE, RoundingMode.HALF_EVEN), numerator, denominator);
    }

    private static BigDecimal sum(Expression expression, MetricSource source) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Term term : expression.terms()) {
            BigDecimal value = source.value(term.code(), term.previousYear() ? -1 : 0);
            if (value == null) {
                return null;
            }
            sum = term.negative() ? sum.subtract(value) : sum.add(value);
        }
        return sum;
    }
}
