package org.nianbao.importer.document;

import org.junit.jupiter.api.Test;
import org.nianbao.importer.ImportResult;
import org.nianbao.importer.ReportImporter;
import org.nianbao.importer.TableFinding;
import org.nianbao.model.template.TemplateCatalog;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer over every real report of the corpus (src/test/resources/corpus, see its README): for each report
 * and overall it prints the cells right, wrong, missed and invented, and fails on any wrong or invented cell.
 * {@code -Dcorpus.details=true} lists every cell that is not right.
 */
class CorpusTest {

    /** Reports kept in the form the agency published them: read through {@link DocumentReader} as an upload would be. */
    private static final Pattern ORIGINAL_DOCUMENT = Pattern.compile("[^.]+\\.(pdf|docx|doc|xlsx|xls)");
    /** Reports kept as text (with the corpus's header lines) or as one of the original documents above. */
    private static final Pattern REPORT = Pattern.compile("[^.]+\\.(txt|md|html|pdf|docx|doc|xlsx|xls)");

    private final DocumentReader reader = new DocumentReader();
    private final ReportImporter importer = new ReportImporter(TemplateCatalog.standard());

    @Test
    void everyReportIsReadWithoutAWrongOrInventedCell() throws Exception {
        List<String> lines = new ArrayList<>();
        int right = 0, wrong = 0, missed = 0, invented = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : reports()) {
            String name = file.getFileName().toString();
            String stem = name.substring(0, name.indexOf('.'));
            CorpusScore score;
            try {
                score = CorpusScore.of(stem, importFile(file));
            } catch (RuntimeException e) {
                score = CorpusScore.failed(stem, e);
            }
            lines.add(String.format("%-28s right %3d  wrong %2d  missed %3d  invented %2d", name, score.right(),
                    score.wrong(), score.missed(), score.invented()));
            right += score.right();
            wrong += score.wrong();
            missed += score.missed();
            invented += score.invented();
            if (Boolean.getBoolean("corpus.details") && !score.problems().isEmpty()) {
                lines.add("  " + String.join("\n  ", score.problems()));
            }
            if (score.wrong() > 0 || score.invented() > 0) {
                failures.add(name + ": " + score);
            }
        }
        lines.add(String.format("%-28s right %3d  wrong %2d  missed %3d  invented %2d  (%.1f %% of expected cells right)",
                "ALL", right, wrong, missed, invented, 100.0 * right / (right + wrong + missed + invented)));
        System.out.println("Corpus score\n" + String.join("\n", lines));
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /**
     * Real reports are sometimes wrong themselves: the three whose own tables break an identity (README: pingtan-2020
     * R2, pingtan-gaj-2021 and pingtan-jjf-2023 R1) read as inconsistent, naming the cells; the others as consistent.
     */
    @Test
    void eachTableSaysWhetherItReadsConsistently() throws Exception {
        Map<String, String> inconsistent = Map.of("pingtan-2020.txt", "requests.outcome.total.naturalPerson",
                "pingtan-gaj-2021.txt", "requests.carriedForward.naturalPerson",
                "pingtan-jjf-2023.txt", "requests.newReceived.naturalPerson");
        for (Path file : reports()) {
            String name = file.getFileName().toString();
            TableFinding requests = importFile(file).diagnostics().tables().stream()
                    .filter(t -> t.section().equals("requests")).findFirst().orElseThrow();
            if (inconsistent.containsKey(name)) {
                assertThat(requests.consistent()).as(name).isFalse();
                assertThat(requests.disagreeing()).as(name).contains(inconsistent.get(name));
            } else if (List.of("pingtan-2022.txt", "shuyang-xzf-2025.txt", "hongze-qzf-2024.pdf").contains(name)) {
                assertThat(requests.consistent()).as(name).isTrue();
                assertThat(requests.disagreeing()).as(name).isEmpty();
            }
        }
    }

    private ImportResult importFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        if (ORIGINAL_DOCUMENT.matcher(name).matches()) {
            return reader.read(bytes, null, name).importWith(importer);
        }
        String text = withoutHeaderLines(new String(bytes, StandardCharsets.UTF_8));
        return name.endsWith(".html") ? importer.importHtml(text) : importer.importText(text);
    }

    /** Drops the corpus's {@code # source:} and {@code # note:} lines above the report's own text. */
    private static String withoutHeaderLines(String text) {
        String rest = text;
        while (rest.startsWith("# source:") || rest.startsWith("# note:")) {
            rest = rest.substring(rest.indexOf('\n') + 1);
        }
        return rest;
    }

    private static List<Path> reports() throws IOException, URISyntaxException {
        Path folder = Path.of(CorpusTest.class.getResource("/corpus/README.md").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> REPORT.matcher(f.getFileName().toString()).matches()
                    && !f.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        }
    }
}
