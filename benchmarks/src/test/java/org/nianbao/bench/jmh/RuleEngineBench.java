package org.nianbao.bench.jmh;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.nianbao.model.rules.PreviousYear;
import org.nianbao.model.rules.RuleEngine;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.ParsedReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The cross-check rules on the seed report: R1–R4 alone, and with the cross-year rules X1 and X2 against a previous
 * report (the same one), which is the case of most revisions in IngestBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleEngineBench {

    private final TemplateCatalog catalog = TemplateCatalog.standard();
    private final RuleEngine rules = new RuleEngine(catalog);
    private final ParsedReport report = Fixture.parsed();
    private final Template template = catalog.find(report.template()).orElseThrow();
    private final SortedMap<String, BigDecimal> cells = report.cells();
    private final PreviousYear previous = new PreviousYear(template, cells);

    @Benchmark
    public List<RuleWarning> rulesWithoutPreviousYear() {
        return rules.check(template, cells, null);
    }

    @Benchmark
    public List<RuleWarning> rulesWithPreviousYear() {
        return rules.check(template, cells, previous);
    }
}
