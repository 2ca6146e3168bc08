package org.nianbao.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nianbao.model.template.TemplateCatalog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.importer.TestReports.BLANK;
import static org.nianbao.importer.TestReports.IMPORTER;
import static org.nianbao.importer.TestReports.importVariant;
import static org.nianbao.importer.TestReports.readings;

/**
 * The same report printed in every layout reads to the same cells. The variants in test resources/variants are
 * written for the tests (fictional agencies; numbers consistent with R1–R4): a GOV_2021 report of 青禾县教育局 for
 * 2022 and a GOV_2019 report of 白杨县教育局 for 2020, each as tab-separated rows, one cell per line with empty lines
 * between, and an HTML page with rowspan/colspan; the 2019 one also one cell per line ending in |.
 */
class LayoutVariantsTest {

    private static final List<String> APPLICANTS = List.of("naturalPerson", "commercialEnterprise",
            "researchInstitution", "publicInterestOrg", "legalServiceOrg", "otherOrg", "total");
    private static final List<String> OUTCOMES = List.of("upheld", "corrected", "other", "pending", "total");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gov2021-tabs.txt, TAB_SEPARATED", "gov2021-lines.txt, LINE_PER_CELL", "gov2021.html, HTML_TABLE"})
    void gov2021_everyCellIsRead(String file, TableLayout layout) {
        ImportResult result = importVariant(file);

        assertThat(result.template()).isEqualTo("GOV_2021");
        assertThat(result.agencyName()).isEqualTo("青禾县教育局");
        assertThat(result.year()).isEqualTo(2022);
        assertThat(result.submission().get("publishedOn").asText()).isEqualTo("2023-01-18");
        assertThat(readings(result)).isEqualTo(expected2021());
        assertThat(result.diagnostics().unplaced()).isEmpty();
        assertThat(result.diagnostics().tables()).allSatisfy(t -> {
            assertThat(t.found()).isTrue();
            assertThat(t.layout()).isEqualTo(layout);
        });
        assertThat(result.diagnostics().tables()).extracting(TableFinding::cellsRead).containsExactly(10, 175, 15);
        assertThat(IMPORTER.ruleWarnings(result)).as("the numbers satisfy R1–R4").isEmpty();
        assertThat(result.submission().get("overview").asText()).startsWith("2022年，我局认真贯彻落实");
        assertThat(result.submission().get("problems").asText()).startsWith("一是公开内容还不够丰富");
        assertThat(result.submission().get("otherMatters").asText()).isEqualTo("本年度未收取信息处理费。");
        assertThat(result.diagnostics().notes()).anyMatch(n -> n.contains("template GOV_2021 detected")
                && n.contains("本年制发件数"));
        SeedImportTest.assertParses(result);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gov2019-pipe.txt, PIPE_PER_LINE", "gov2019-lines.txt, LINE_PER_CELL", "gov2019-tabs.txt, TAB_SEPARATED",
            "gov2019.html, HTML_TABLE"})
    void gov2019_everyCellIsRead(String file, TableLayout layout) {
        ImportResult result = importVariant(file);

        assertThat(result.template()).isEqualTo("GOV_2019");
        assertThat(result.agencyName()).isEqualTo("白杨县教育局");
        assertThat(result.year()).isEqualTo(2020);
        assertThat(readings(result)).isEqualTo(expected2019());
        assertThat(result.submission().at("/activeDisclosure/coercion/decisions").isNull())
                .as("a cell printed blank is an explicit blank, not 0").isTrue();
        assertThat(result.submission().at("/activeDisclosure/procurement/amount").decimalValue())
                .isEqualByComparingTo("3.5");
        assertThat(result.diagnostics().notes()).anyMatch(n -> n.contains("35000 元 = 3.5 万元"));
        assertThat(result.diagnostics().unplaced()).isEmpty();
        assertThat(result.diagnostics().tables()).extracting(TableFinding::layout).containsOnly(layout);
        assertThat(IMPORTER.ruleWarnings(result)).isEmpty();
        SeedImportTest.assertParses(result);
    }

    /** 青禾县教育局 2022, as written in the variants. */
    static Map<String, BigDecimal> expected2021() {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        put(cells, "activeDisclosure.rules", List.of("issued", "repealed", "inForce"), 0, 0, 0);
        put(cells, "activeDisclosure.normativeDocuments", List.of("issued", "repealed", "inForce"), 3, 1, 12);
        put(cells, "activeDisclosure.licensing", List.of("decisions"), 156);
        put(cells, "activeDisclosure.penalty", List.of("decisions"), 2);
        put(cells, "activeDisclosure.coercion", List.of("decisions"), 0);
        cells.put("activeDisclosure.fees.amount", new BigDecimal("12.5"));
        put(cells, "requests.newReceived", APPLICANTS, 20, 2, 0, 1, 1, 0, 24);
        put(cells, "requests.carriedOver", APPLICANTS, 2, 0, 0, 0, 0, 0, 2);
        put(cells, "requests.outcome.disclosed", APPLICANTS, 10, 1, 0, 0, 1, 0, 12);
        put(cells, "requests.outcome.partiallyDisclosed", APPLICANTS, 3, 0, 0, 1, 0, 0, 4);
        for (String row : List.of("stateSecret", "prohibitedByLaw", "securityStability", "internalAffairs",
                "enforcementFiles", "administrativeQuery")) {
            put(cells, "requests.outcome.withheld." + row, APPLICANTS, 0, 0, 0, 0, 0, 0, 0);
        }
        put(cells, "requests.outcome.withheld.thirdPartyRights", APPLICANTS, 1, 0, 0, 0, 0, 0, 1);
        put(cells, "requests.outcome.withheld.processInformation", APPLICANTS, 1, 0, 0, 0, 0, 0, 1);
        put(cells, "requests.outcome.unavailable.notHeld", APPLICANTS, 3, 1, 0, 0, 0, 0, 4);
        put(cells, "requests.outcome.unavailable.needsCreation", APPLICANTS, 1, 0, 0, 0, 0, 0, 1);
        put(cells, "requests.outcome.unavailable.unclearAfterCorrection", APPLICANTS, 0, 0, 0, 0, 0, 0, 0);
        put(cells, "requests.outcome.notProcessed.petitionComplaint", APPLICANTS, 1, 0, 0, 0, 0, 0, 1);
        for (String row : List.of("duplicate", "publication", "massRepeated", "confirmOrReissue")) {
            put(cells, "requests.outcome.notProcessed." + row, APPLICANTS, 0, 0, 0, 0, 0, 0, 0);
        }
        put(cells, "requests.outcome.other.noCorrection", APPLICANTS, 1, 0, 0, 0, 0, 0, 1);
        put(cells, "requests.outcome.other.feeUnpaid", APPLICANTS, 0, 0, 0, 0, 0, 0, 0);
        put(cells, "requests.outcome.other.otherReason", APPLICANTS, 0, 0, 0, 0, 0, 0, 0);
        put(cells, "requests.outcome.total", APPLICANTS, 21, 2, 0, 1, 1, 0, 25);
        put(cells, "requests.carriedForward", APPLICANTS, 1, 0, 0, 0, 0, 0, 1);
        put(cells, "reviewLitigation.reconsideration", OUTCOMES, 1, 0, 0, 1, 2);
        put(cells, "reviewLitigation.litigationDirect", OUTCOMES, 0, 0, 0, 0, 0);
        put(cells, "reviewLitigation.litigationAfterReconsideration", OUTCOMES, 0, 1, 0, 0, 1);
        assertThat(cells).as("every cell of GOV_2021")
                .hasSize(TemplateCatalog.standard().find("GOV_2021").orElseThrow().cells().size());
        return new TreeMap<>(cells);
    }

    /** 白杨县教育局 2020, as written in the variants. */
    static Map<String, BigDecimal> expected2019() {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        List<String> documents = List.of("newlyMade", "newlyPublished", "totalPublished");
        List<String> items = List.of("previousItems", "change", "decisions");
        put(cells, "activeDisclosure.rules", documents, 0, 0, 0);
        put(cells, "activeDisclosure.normativeDocuments", documents, 2, 2, 15);
        put(cells, "activeDisclosure.licensing", items, 4, -1, 37);
        put(cells, "activeDisclosure.otherServices", items, 6, 0, 12);
        put(cells, "activeDisclosure.penalty", items, 1, 0, 3);
        put(cells, "activeDisclosure.coercion", List.of("previousItems", "change"), 0, 0);
        cells.put("activeDisclosure.coercion.decisions", BLANK);
        put(cells, "activeDisclosure.fees", List.of("previousItems", "change"), 2, 0);
        cells.put("activeDisclosure.procurement.items", BigDecimal.valueOf(3));
        cells.put("activeDisclosure.procurement.amount", new BigDecimal("3.5"));
        TemplateCatalog.standard().find("GOV_2019").orElseThrow().cells().stream()
                .filter(c -> !c.section().equals("activeDisclosure"))
                .forEach(c -> cells.put(c.code(), BigDecimal.ZERO));
        put(cells, "requests.newReceived", APPLICANTS, 5, 1, 0, 0, 0, 0, 6);
        put(cells, "requests.outcome.disclosed", APPLICANTS, 3, 1, 0, 0, 0, 0, 4);
        put(cells, "requests.outcome.partiallyDisclosed", APPLICANTS, 1, 0, 0, 0, 0, 0, 1);
        put(cells, "requests.outcome.unavailable.notHeld", APPLICANTS, 1, 0, 0, 0, 0, 0, 1);
        put(cells, "requests.outcome.total", APPLICANTS, 5, 1, 0, 0, 0, 0, 6);
        put(cells, "reviewLitigation.litigationDirect", OUTCOMES, 0, 1, 0, 0, 1);
        assertThat(cells).hasSize(161 + 15 + 22);
        return new TreeMap<>(cells);
    }

    private static void put(Map<String, BigDecimal> cells, String row, List<String> columns, int... values) {
        for (int i = 0; i < columns.size(); i++) {
            cells.put(row + "." + columns.get(i), BigDecimal.valueOf(values[i]));
        }
    }
}
