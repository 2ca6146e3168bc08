package org.nianbao.importer.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nianbao.importer.ImportResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import answer scored against a corpus report's expected cells, cell by cell as the corpus's score.py does:
 * right, wrong (another number), missed (expected, not read) and invented (read where the report has none).
 */
record CorpusScore(int right, int wrong, int missed, int invented, List<String> problems) {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HALF_FEN = new BigDecimal("0.005");
    private static final String PROCUREMENT_AMOUNT = "activeDisclosure.procurement.amount";

    static Map<String, BigDecimal> expectedCells(String stem) {
        JsonNode expected = json("/corpus/" + stem + ".expected.json");
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("cells").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cell = it.next();
            if (cell.getValue().isNumber()) {
                cells.put(cell.getKey(), cell.getValue().decimalValue());
            }
        }
        for (JsonNode blank : expected.path("blank")) {
            cells.put(blank.asText(), null);
        }
        return cells;
    }

    static CorpusScore of(String stem, ImportResult result) {
        Map<String, BigDecimal> expected = expectedCells(stem);
        Map<String, BigDecimal> got = result.cells();
        int right = 0, wrong = 0, missed = 0, invented = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> cell : expected.entrySet()) {
            BigDecimal want = cell.getValue();
            BigDecimal read = got.get(cell.getKey());
            if (want == null ? read == null : read != null && same(cell.getKey(), read, want)) {
                right++;
            } else if (want == null) {
                invented++;
                problems.add("invented " + cell.getKey() + "=" + read);
            } else if (read == null) {
                missed++;
                problems.add("missed " + cell.getKey() + " (expected " + want + ")");
            } else {
                wrong++;
                problems.add("WRONG " + cell.getKey() + "=" + read + " expected " + want);
            }
        }
        for (String code : got.keySet()) {
            if (!expected.containsKey(code) && got.get(code) != null) {
                problems.add("unexpected " + code + "=" + got.get(code));
            }
        }
        return new CorpusScore(right, wrong, missed, invented, problems);
    }

    /**
     * Equal, or the 政府集中采购 amount the expected file keeps in 元 as printed, answered in the canonical 万元 (as
     * score.py allows). Only that amount: 行政事业性收费 is printed in 万元, so a fee read 10 000 times too small stays wrong.
     */
    private static boolean same(String code, BigDecimal read, BigDecimal want) {
        return read.compareTo(want) == 0 || code.equals(PROCUREMENT_AMOUNT)
                && read.multiply(TEN_THOUSAND).subtract(want).abs().compareTo(HALF_FEN) < 0;
    }

    /** A report the importer refused: every expected number counts as missed. */
    static CorpusScore failed(String stem, RuntimeException refusal) {
        Map<String, BigDecimal> expected = expectedCells(stem);
        int filled = (int) expected.values().stream().filter(v -> v != null).count();
        return new CorpusScore(expected.size() - filled, 0, filled, 0, List.of("refused: " + refusal.getMessage()));
    }

    @Override
    public String toString() {
        return "right " + right + ", wrong " + wrong + ", missed " + missed + ", invented " + invented
                + (problems.isEmpty() ? "" : "\n  " + String.join("\n  ", problems));
    }

    static byte[] resource(String path) {
        try (InputStream in = CorpusScore.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String path) {
        try {
            return new ObjectMapper().readTree(resource(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
