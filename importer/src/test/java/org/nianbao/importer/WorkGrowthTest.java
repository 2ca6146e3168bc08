package org.nianbao.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nianbao.model.template.TemplateCatalog;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work of an import grows linearly with its input, measured as the bytes the import and its JSON answer allocate
 * (deterministic enough to assert on, unlike time). The limits are lifted so that the whole input is read: this is
 * about the mechanism, not about where the limits cut it off. Quadratic work (a regex that rescans, a list searched
 * for every cell, a grid expanded for every span) allocates 16 times as much for 4 times the input.
 */
class WorkGrowthTest {

    private static final int BASE_BYTES = 32 * 1024;
    private static final ReportImporter IMPORTER = new ReportImporter(TemplateCatalog.standard(),
            WorstCaseInputs.unlimited());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @EnumSource(WorstCaseInputs.class)
    void fourTimesTheInputAllocatesLessThanFiveTimesAsMuch(WorstCaseInputs input) throws Exception {
        String base = input.generate(BASE_BYTES);
        String fourTimes = input.generate(4 * BASE_BYTES);
        importAndAnswer(input, base); // warm-up: classes, caches, compiled code

        long baseBytes = allocatedBy(input, base);
        long fourTimesBytes = allocatedBy(input, fourTimes);

        assertThat((double) fourTimesBytes / baseBytes).as("%s: %,d bytes allocated for %,d chars, %,d for %,d",
                input, baseBytes, base.length(), fourTimesBytes, fourTimes.length()).isLessThan(5.0);
    }

    /** The fewest bytes of two runs: a run can include a one-time allocation of the JVM's. */
    private static long allocatedBy(WorstCaseInputs input, String document) throws Exception {
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            importAndAnswer(input, document);
            fewest = Math.min(fewest, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return fewest;
    }

    private static void importAndAnswer(WorstCaseInputs input, String document) throws Exception {
        ImportResult result = input.html() ? IMPORTER.importHtml(document) : IMPORTER.importText(document);
        JSON.writeValueAsBytes(result);
    }
}
