package org.nianbao.model.rules;

import org.junit.jupiter.api.Test;
import org.nianbao.model.template.Template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.model.rules.CleanReports.CATALOG;
import static org.nianbao.model.rules.CleanReports.GOV_2019;
import static org.nianbao.model.rules.CleanReports.GOV_2021;

class IndicatorsTest {

    private static IndicatorDefinition indicator(String code) {
        return CATALOG.indicator(code).orElseThrow();
    }

    @Test
    void theCatalogDefinesTheSpecsIndicators() {
        assertThat(CATALOG.indicators()).extracting(IndicatorDefinition::code).containsExactly(
                "disclosureRate", "withheldRate", "unavailableRate", "notProcessedRate", "otherRate",
                "carryForwardRate", "organisationShare", "reconsiderationCorrectionRate",
                "litigationCorrectionRate", "requestsYoY");
        assertThat(indicator("reconsiderationCorrectionRate").denominator().text())
                .isEqualTo("reviewLitigation.reconsideration.total - reviewLitigation.reconsideration.pending");
        assertThat(indicator("requestsYoY").kind()).isEqualTo(IndicatorDefinition.Kind.GROWTH);
        assertThat(CATALOG.indicators()).allSatisfy(i -> assertThat(i.label()).isNotBlank());
    }

    @Test
    void ratesAreRoundedToSixPlacesHalfEven() {
        Map<String, BigDecimal> cells = Map.of(
                "reviewLitigation.reconsideration.corrected", BigDecimal.valueOf(2),
                "reviewLitigation.reconsideration.total", BigDecimal.valueOf(4),
                "reviewLitigation.reconsideration.pending", BigDecimal.ONE);

        BigDecimal rate = Indicators.evaluate(indicator("reconsiderationCorrectionRate"), MetricSource.of(cells, null));

        assertThat(rate).isEqualTo(new BigDecimal("0.666667"));
    }

    @Test
    void groupsFeedTheIndicatorsOfEitherTemplate() {
        assertIndicatorsOf(GOV_2019, CleanReports.gov2019());
        assertIndicatorsOf(GOV_2021, CleanReports.gov2021(2021));
    }

    private static void assertIndicatorsOf(Template template, Map<String, BigDecimal> cells) {
        MetricSource source = MetricSource.of(template.metricValues(cells), null);
        BigDecimal withheld = template.groupValues(cells).get("requests.outcome.withheld.total");
        BigDecimal expected = withheld.divide(cells.get("requests.outcome.total.total"), 6, RoundingMode.HALF_EVEN);

        assertThat(Indicators.evaluate(indicator("withheldRate"), source)).isEqualTo(expected);
        assertThat(CATALOG.indicators()).filteredOn(i -> !i.code().equals("requestsYoY"))
                .allSatisfy(i -> assertThat(Indicators.evaluate(i, source)).as(i.code()).isNotNull());
    }

    @Test
    void aZeroOrBlankDenominatorGivesNoValue() {
        MetricSource source = MetricSource.of(CleanReports.seed002Shape(), null);
        assertThat(Indicators.evaluate(indicator("disclosureRate"), source)).isNull();

        Map<String, BigDecimal> noTotal = new HashMap<>(Map.of("requests.outcome.disclosed.total", BigDecimal.ONE,
                "requests.outcome.partiallyDisclosed.total", BigDecimal.ONE));
        assertThat(Indicators.evaluate(indicator("disclosureRate"), MetricSource.of(noTotal, null))).isNull();
    }

    @Test
    void aBlankTermGivesNoValueRatherThanAGuess() {
        // Only the total column filled: the share of organisations is unknown, not 100 %.
        Map<String, BigDecimal> cells = Map.of("requests.newReceived.total", BigDecimal.TEN);
        assertThat(Indicators.evaluate(indicator("organisationShare"), MetricSource.of(cells, null))).isNull();
    }

    @Test
    void yearOverYearReadsThePreviousYear() {
        Map<String, BigDecimal> now = Map.of("requests.newReceived.total", BigDecimal.valueOf(12));
        Map<String, BigDecimal> before = Map.of("requests.newReceived.total", BigDecimal.valueOf(8));
        IndicatorDefinition yoy = indicator("requestsYoY");

        assertThat(Indicators.evaluate(yoy, MetricSource.of(now, before))).isEqualTo(new BigDecimal("0.500000"));
        assertThat(Indicators.evaluate(yoy, MetricSource.of(before, now))).isEqualTo(new BigDecimal("-0.333333"));
        assertThat(Indicators.evaluate(yoy, MetricSource.of(now, null))).isNull();
        assertThat(Indicators.evaluate(yoy, MetricSource.of(now, Map.of("requests.newReceived.total", BigDecimal.ZERO))))
                .isNull();
    }
}
