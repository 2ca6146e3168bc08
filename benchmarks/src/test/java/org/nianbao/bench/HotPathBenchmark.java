package org.nianbao.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The in-process hot paths of a submission, measured with JMH (the benchmarks in {@code org.nianbao.bench.jmh}):
 * parsing the seed-004 body, the rule engine on it, and the indicators. Short settings, so that the whole run takes
 * about a minute: one fork, 3 warm-up and 5 measured iterations of 1 s each. Prints a table and writes
 * {@code target/hotpath-results.md}; asserts nothing about speed.
 * <p>
 * {@code -Dhotpath.forks=0} runs the benchmarks in this JVM, for environments where JMH cannot fork.
 */
class HotPathBenchmark {

    @Test
    void hotPaths() throws Exception {
        Options options = new OptionsBuilder()
                .include(System.getProperty("hotpath.include", "org\\.nianbao\\.bench\\.jmh\\..*"))
                .forks(Integer.getInteger("hotpath.forks", 1))
                .jvmArgsAppend("-Xmx512m")
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .threads(1)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<String> lines = new ArrayList<>();
        lines.add("| benchmark | mode | iterations | score | ± error (99.9 %) | unit |");
        lines.add("|---|---|---|---|---|---|");
        results.stream().sorted(Comparator.comparing(r -> r.getParams().getBenchmark())).forEach(r -> {
            Result<?> primary = r.getPrimaryResult();
            String name = r.getParams().getBenchmark().replace("org.nianbao.bench.jmh.", "");
            lines.add(String.format("| %s | %s | %d | %.3f | %.3f | %s |", name, r.getParams().getMode().shortLabel(),
                    primary.getSampleCount(), primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        });
        Path out = Path.of("target", "hotpath-results.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        System.out.println(String.join("\n", lines));
    }
}
