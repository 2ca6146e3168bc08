package org.nianbao.importer;

import org.nianbao.model.template.TemplateCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The test inputs: the seeds (copied unchanged into test resources) and the layout variants written for tests. */
final class TestReports {

    static final ReportImporter IMPORTER = new ReportImporter(TemplateCatalog.standard());

    private TestReports() {
    }

    /** A deadline a unit test does not reach. */
    static Deadline noDeadline() {
        return Deadline.after(java.time.Duration.ofMinutes(10));
    }

    /** A seed by its number, e.g. "000". */
    static String seed(String number) {
        String name = switch (number) {
            case "000" -> "000_f5f301c05e4b6d89.txt";
            case "001" -> "001_1de8d58510e0d12c.txt";
            case "002" -> "002_e865654a7cdf3aef.txt";
            case "003" -> "003_b9f1dadb5d993288.txt";
            case "004" -> "004_d0afa1047310c76e.txt";
            default -> throw new IllegalArgumentException(number);
        };
        return resource("/seeds/" + name);
    }

    static String variant(String name) {
        return resource("/variants/" + name);
    }

    static ImportResult importVariant(String name) {
        String text = variant(name);
        return name.endsWith(".html") ? IMPORTER.importHtml(text) : IMPORTER.importText(text);
    }

    /** Every cell read, blank ones included (value null), by code. */
    static Map<String, BigDecimal> readings(ImportResult result) {
        return result.diagnostics().cells().stream().collect(Collectors.toMap(CellReading::code,
                c -> c.value() == null ? BLANK : c.value(), (a, b) -> a, java.util.TreeMap::new));
    }

    /** Stands for a blank cell in expectation maps (a map cannot hold null). */
    static final BigDecimal BLANK = new BigDecimal("-999999");

    private static String resource(String path) {
        try (InputStream in = TestReports.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
