package org.nianbao.bench.jmh;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nianbao.model.rules.IndicatorDefinition;
import org.nianbao.model.rules.Indicators;
import org.nianbao.model.rules.MetricSource;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.ParsedReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every indicator of the catalog on the seed report (the previous year = the same report, for the growth
 * indicators): from ready metric values, and including the group sums they are computed from.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IndicatorsBench {

    private final TemplateCatalog catalog = TemplateCatalog.standard();
    private final ParsedReport report = Fixture.parsed();
    private final Template template = catalog.find(report.template()).orElseThrow();
    private final Map<String, BigDecimal> values = template.metricValues(report.cells());
    private final MetricSource source = MetricSource.of(values, values);

    @Benchmark
    public void evaluateAllIndicators(Blackhole out) {
        for (IndicatorDefinition indicator : catalog.indicators()) {
            out.consume(Indicators.evaluate(indicator, source));
        }
    }

    @Benchmark
    public void metricValuesThenIndicators(Blackhole out) {
        Map<String, BigDecimal> metrics = template.metricValues(report.cells());
        MetricSource fresh = MetricSource.of(metrics, metrics);
        for (IndicatorDefinition indicator : catalog.indicators()) {
            out.consume(Indicators.explain(indicator, fresh));
        }
    }
}
