package org.nianbao.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.importer.ImportLimitException;
import org.nianbao.importer.ImportLimits;
import org.nianbao.importer.ImportResult;
import org.nianbao.importer.ReportImporter;
import org.nianbao.importer.WorstCaseInputs;
import org.nianbao.model.template.TemplateCatalog;

/**
 * What one import costs as its input grows: each worst-case input of the importer's tests at 1×, 2× and 4× of a
 * quarter of the largest allowed input (so 4× is {@code nianbao.import.max-bytes}), imported and its answer written
 * as JSON, in this thread. Prints the median time of several runs, the bytes allocated
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}), the answer's size and the ratios to 1×; writes
 * {@code target/import-results.md}. Asserts nothing about speed.
 * <p>
 * Two passes: with the service's limits (a document beyond one is refused where it meets it), and with the limits
 * lifted but the grid's width, which shows the mechanism itself reads the whole input in linear time.
 * {@code -Dimport.runs=} sets the measured runs (default 5, after 2 warm-up runs).
 */
class ImportBenchmark {

    private static final int RUNS = Integer.getInteger("import.runs", 5);
    private static final int WARM_UP = 2;
    private static final int[] FACTORS = {1, 2, 4};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One size of one input: median time, allocated bytes of the median run, what came of it. */
    private record Measured(int bytes, double medianMs, long allocated, String outcome) {
    }

    @Test
    void importCostGrowsLinearly() throws Exception {
        Results results = new Results("import");
        ImportLimits service = ImportLimits.defaults();
        int base = (int) (service.maxBytes() / 4);
        measure(results, "service limits", new ReportImporter(TemplateCatalog.standard(), service), base);
        measure(results, "limits lifted (but 100 grid columns)",
                new ReportImporter(TemplateCatalog.standard(), WorstCaseInputs.unlimited()), base);
    }

    private static void measure(Results results, String title, ReportImporter importer, int base) throws Exception {
        results.line("");
        results.line("### %s, base %,d bytes; median of %d runs", title, base, RUNS);
        results.line("");
        results.line("| input | size | bytes | outcome | median ms | allocated MB | time ×1 | alloc ×1 |");
        results.line("|---|---|---|---|---|---|---|---|");
        for (WorstCaseInputs input : WorstCaseInputs.values()) {
            Measured first = null;
            for (int factor : FACTORS) {
                String document = input.generate(factor * base);
                Results.progress("%s %d×", input, factor);
                Measured m = run(importer, input, document);
                if (first == null) {
                    first = m;
                }
                results.line("| %s | %d× | %,d | %s | %.1f | %.1f | %.2f | %.2f |", input, factor, m.bytes(), m.outcome(),
                        m.medianMs(), m.allocated() / 1e6, m.medianMs() / first.medianMs(),
                        (double) m.allocated() / first.allocated());
            }
        }
    }

    private static Measured run(ReportImporter importer, WorstCaseInputs input, String document) throws Exception {
        int bytes = document.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        List<long[]> runs = new ArrayList<>();
        String outcome = null;
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            outcome = importAndAnswer(importer, input, document);
            long nanos = System.nanoTime() - start;
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
            if (i >= WARM_UP) {
                runs.add(new long[] {nanos, allocated});
            }
        }
        Collections.sort(runs, (a, b) -> Long.compare(a[0], b[0]));
        long[] median = runs.get(runs.size() / 2);
        return new Measured(bytes, median[0] / 1e6, median[1], outcome);
    }

    /** "200, answer N bytes", or the limit the document met. */
    private static String importAndAnswer(ReportImporter importer, WorstCaseInputs input, String document)
            throws Exception {
        try {
            ImportResult result = input.html() ? importer.importHtml(document) : importer.importText(document);
            return String.format("200, answer %,d B", JSON.writeValueAsBytes(result).length);
        } catch (ImportLimitException e) {
            return "refused: " + e.limit().setting().replace("nianbao.import.", "");
        }
    }
}
