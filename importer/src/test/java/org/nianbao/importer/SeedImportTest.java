package org.nianbao.importer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.nianbao.model.template.CellDefinition;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.ParseResult;
import org.nianbao.model.validation.SubmissionParser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.importer.TestReports.IMPORTER;
import static org.nianbao.importer.TestReports.seed;

/** The five published reports import to the numbers listed in the seeds' README (test resources/seeds/SOURCE.md). */
class SeedImportTest {

    private static final TemplateCatalog CATALOG = TemplateCatalog.standard();
    private static final Template GOV_2019 = CATALOG.find("GOV_2019").orElseThrow();

    @Test
    void seed000_pipePerLine_readsEveryCellOfTheThreeTables() {
        ImportResult result = IMPORTER.importText(seed("000"));

        assertThat(result.template()).isEqualTo("GOV_2019");
        assertThat(result.agencyName()).isEqualTo("延安市教育局");
        assertThat(result.year()).isEqualTo(2019);
        Map<String, BigDecimal> cells = result.cells();
        assertRow(cells, "activeDisclosure.rules", List.of("newlyMade", "newlyPublished", "totalPublished"), 6, 6, 6);
        assertRow(cells, "activeDisclosure.normativeDocuments", List.of("newlyMade", "newlyPublished", "totalPublished"),
                577, 176, 176);
        assertRow(cells, "activeDisclosure.licensing", List.of("previousItems", "change", "decisions"), 1, 0, 0);
        assertRow(cells, "activeDisclosure.otherServices", List.of("previousItems", "change", "decisions"), 5, 0, 0);
        assertEveryCellOf(cells, "requests", 161, 0);
        assertEveryCellOf(cells, "reviewLitigation", 15, 0);
        assertThat(result.diagnostics().unplaced()).isEmpty();
        assertThat(result.diagnostics().tables()).extracting(TableFinding::layout)
                .containsOnly(TableLayout.PIPE_PER_LINE);
        assertThat(result.submission().get("overview").asText()).startsWith("2019年,我局按照“依法公开、突出重点、注重实效”的原则")
                .endsWith("筑牢网络安全防线。");
        assertThat(result.submission().get("problems").asText()).startsWith("2019年,我局在政务公开和信息宣传方面做了大量工作")
                .contains("二是政务公开内容缺乏时效性");
        assertThat(result.submission().get("otherMatters").asText()).isEqualTo("无");
        assertParses(result);
    }

    @Test
    void seed000_cellsTellWhereTheyCameFrom() {
        ImportResult result = IMPORTER.importText(seed("000"));

        CellReading normativeNewlyMade = result.diagnostics().cells().stream()
                .filter(c -> c.code().equals("activeDisclosure.normativeDocuments.newlyMade")).findFirst().orElseThrow();
        assertThat(normativeNewlyMade.value()).isEqualByComparingTo("577");
        assertThat(normativeNewlyMade.text()).isEqualTo("577 |");
        assertThat(normativeNewlyMade.line()).isEqualTo(27);
    }

    @Test
    void seed001_textOnly_headingsWithoutTables_proseFigureButNoCells() {
        ImportResult result = IMPORTER.importText(seed("001"));

        assertThat(result.template()).isEqualTo("GOV_2019");
        assertThat(result.agencyName()).isEqualTo("甘肃省教育厅");
        assertThat(result.year()).isEqualTo(2019);
        assertThat(result.submission().get("publishedOn").asText()).isEqualTo("2020-02-04");
        assertThat(result.diagnostics().cells()).isEmpty();
        assertThat(result.diagnostics().unplaced()).isEmpty();
        assertThat(result.submission().has("requests")).isFalse();
        assertThat(result.diagnostics().tables()).allSatisfy(t -> {
            assertThat(t.found()).isFalse();
            assertThat(t.layout()).isEqualTo(TableLayout.NONE);
        });
        assertThat(result.diagnostics().proseFigures())
                .anySatisfy(f -> {
                    assertThat(f.label()).isEqualTo("依申请公开事项");
                    assertThat(f.value()).isEqualByComparingTo("19");
                    assertThat(f.unit()).isEqualTo("件");
                });
        assertThat(result.diagnostics().notes()).anyMatch(n -> n.contains("text only") && n.contains("tables are missing"));
        assertThat(result.submission().get("problems").asText()).startsWith("2019年以来,省教育厅政务信息公开工作取得了明显进步")
                .endsWith("进一步提升信息公开水平。").doesNotContain("版权所有");
        assertParses(result);
    }

    @Test
    void seed002_traditionalCharactersWithPinyin_totalsOnly_applicantColumnsBlank() {
        ImportResult result = IMPORTER.importText(seed("002"));

        assertThat(result.template()).isEqualTo("GOV_2019");
        assertThat(result.agencyName()).isEqualTo("岳阳楼区教育局");
        assertThat(result.year()).isEqualTo(2023);
        assertThat(result.submission().get("publishedOn").asText()).isEqualTo("2024-01-02");
        Map<String, BigDecimal> cells = result.cells();
        assertRow(cells, "activeDisclosure.rules", List.of("newlyMade", "newlyPublished", "totalPublished"), 0, 0, 0);
        assertRow(cells, "activeDisclosure.normativeDocuments", List.of("newlyMade", "newlyPublished", "totalPublished"),
                0, 0, 0);
        assertThat(cells.keySet()).filteredOn(c -> c.startsWith("activeDisclosure.")).hasSize(6);
        JsonNode activeDisclosure = result.submission().get("activeDisclosure");
        assertThat(activeDisclosure.has("licensing")).isFalse();
        assertThat(activeDisclosure.has("procurement")).isFalse();
        for (CellDefinition cell : GOV_2019.cells()) {
            if (!cell.section().equals("requests")) {
                continue;
            }
            if (cell.columnCode().equals("total")) {
                assertThat(cells.get(cell.code())).as(cell.code()).isEqualByComparingTo("0");
            } else {
                assertThat(cells).as(cell.code() + " is blank").doesNotContainKey(cell.code());
                assertThat(result.submission().at("/" + cell.code().replace('.', '/')).isNull())
                        .as(cell.code() + " is written as an explicit blank").isTrue();
            }
        }
        assertEveryCellOf(cells, "reviewLitigation", 15, 0);
        assertThat(result.diagnostics().unplaced()).isEmpty();
        assertThat(result.diagnostics().notes())
                .anyMatch(n -> n.contains("traditional characters converted"))
                .anyMatch(n -> n.contains("pinyin"))
                .anyMatch(n -> n.contains("template hybrid") && n.contains("2023"))
                .anyMatch(n -> n.contains("table 二") && n.contains("行政许可") && n.contains("left blank"));
        assertThat(result.diagnostics().tables()).extracting(TableFinding::layout)
                .containsOnly(TableLayout.LINE_PER_CELL);
        assertThat(result.submission().get("overview").asText()).startsWith("本年度报告根据《中华人民共和国政府信息公开条例》")
                .doesNotContain("(bào)").doesNotContain("報");
        assertParses(result);
    }

    @Test
    void seed003_legacy2014_proseOnly() {
        ImportResult result = IMPORTER.importText(seed("003"));

        assertThat(result.template()).isEqualTo("LEGACY");
        assertThat(result.agencyName()).isEqualTo("晋中市教育局");
        assertThat(result.year()).isEqualTo(2014);
        assertThat(result.submission().get("publishedOn").asText()).isEqualTo("2017-12-06");
        assertThat(result.diagnostics().cells()).isEmpty();
        assertThat(result.submission().has("activeDisclosure")).isFalse();
        assertThat(result.diagnostics().proseFigures())
                .anySatisfy(f -> {
                    assertThat(f.label()).isEqualTo("主动公开政府信息");
                    assertThat(f.value()).isEqualByComparingTo("1106");
                    assertThat(f.unit()).isEqualTo("条");
                    assertThat(f.line()).isEqualTo(31);
                })
                .anySatisfy(f -> {
                    assertThat(f.label()).isEqualTo("行政复议");
                    assertThat(f.value()).isEqualByComparingTo("11");
                    assertThat(f.unit()).isEqualTo("起");
                });
        assertThat(result.diagnostics().notes())
                .anyMatch(n -> n.contains("LEGACY") && n.contains("2014"))
                .anyMatch(n -> n.contains("2017-12-06") && n.contains("more than a year"));
        assertThat(result.submission().get("overview").asText()).startsWith("2014年,在市委、市政府的坚强领导和大力支持下");
        assertThat(result.submission().get("problems").asText()).startsWith("2014年,市教育局政府信息公开工作虽然取得了一定成绩")
                .doesNotContain("打印正文");
        assertParses(result);
    }

    @Test
    void seed004_tabSeparated_mangledRowsAreReportedNotGuessed() {
        ImportResult result = IMPORTER.importText(seed("004"));

        assertThat(result.template()).isEqualTo("GOV_2019");
        assertThat(result.agencyName()).isEqualTo("盐池县教育体育局");
        assertThat(result.year()).isEqualTo(2020);
        assertThat(result.submission().has("publishedOn")).isFalse();
        Map<String, BigDecimal> cells = result.cells();
        List<String> items = List.of("previousItems", "change", "decisions");
        assertRow(cells, "activeDisclosure.licensing", items, 3, 0, 228);
        assertRow(cells, "activeDisclosure.otherServices", items, 32, 0, 19);
        assertRow(cells, "activeDisclosure.penalty", items, 13, 0, 0);
        assertRow(cells, "activeDisclosure.coercion", items, 1, 0, 0);
        assertRow(cells, "activeDisclosure.fees", List.of("previousItems", "change"), 4, 0);
        assertRow(cells, "activeDisclosure.procurement", List.of("items", "amount"), 0, 0);
        assertThat(cells).containsKeys("activeDisclosure.rules.newlyMade", "activeDisclosure.normativeDocuments.totalPublished");

        // 三: every placed count is 0; the two rows printed with 6 values for 7 columns are left out and reported
        assertThat(cells.entrySet()).filteredOn(e -> e.getKey().startsWith("requests."))
                .hasSize(161 - 14).allSatisfy(e -> assertThat(e.getValue()).isEqualByComparingTo("0"));
        assertThat(cells.keySet()).noneMatch(c -> c.startsWith("requests.outcome.disclosed.")
                || c.startsWith("requests.outcome.partiallyDisclosed."));
        assertThat(result.diagnostics().unplaced()).hasSize(12)
                .allSatisfy(u -> {
                    assertThat(u.text()).isEqualTo("0");
                    assertThat(u.line()).isIn(55, 56);
                    assertThat(u.reason()).contains("6 value(s) for its 7 columns").contains("cannot tell which column");
                });
        assertThat(result.diagnostics().notes())
                .anyMatch(n -> n.startsWith("line 55:") && n.contains("予以公开"))
                .anyMatch(n -> n.startsWith("line 56:") && n.contains("部分公开"))
                .anyMatch(n -> n.contains("table 四") && n.contains("column header"));
        assertEveryCellOf(cells, "reviewLitigation", 15, 0);
        assertThat(result.diagnostics().tables()).extracting(TableFinding::layout)
                .containsOnly(TableLayout.TAB_SEPARATED);
        assertThat(result.submission().get("otherMatters").asText()).isEqualTo("无。");
        assertParses(result);
    }

    @Test
    void everySeed_agencyAndYearRecognised() {
        assertThat(List.of("000", "001", "002", "003", "004")).extracting(n -> {
            ImportResult r = IMPORTER.importText(seed(n));
            return r.agencyName() + " " + r.year();
        }).containsExactly("延安市教育局 2019", "甘肃省教育厅 2019", "岳阳楼区教育局 2023", "晋中市教育局 2014", "盐池县教育体育局 2020");
    }

    @Test
    void seeds_withTables_haveNoRuleWarningsExceptTheTemplateYear() {
        assertThat(IMPORTER.ruleWarnings(IMPORTER.importText(seed("000")))).isEmpty();
        assertThat(IMPORTER.ruleWarnings(IMPORTER.importText(seed("002")))).extracting(w -> w.rule())
                .containsExactly("T1");
    }

    private static void assertRow(Map<String, BigDecimal> cells, String row, List<String> columns, int... values) {
        for (int i = 0; i < columns.size(); i++) {
            String code = row + "." + columns.get(i);
            assertThat(cells).as(code).containsKey(code);
            assertThat(cells.get(code)).as(code).isEqualByComparingTo(BigDecimal.valueOf(values[i]));
        }
    }

    private static void assertEveryCellOf(Map<String, BigDecimal> cells, String section, int count, int value) {
        List<String> codes = GOV_2019.cells().stream().filter(c -> c.section().equals(section))
                .map(CellDefinition::code).toList();
        assertThat(codes).hasSize(count);
        for (String code : codes) {
            assertThat(cells).as(code).containsKey(code);
            assertThat(cells.get(code)).as(code).isEqualByComparingTo(BigDecimal.valueOf(value));
        }
    }

    static void assertParses(ImportResult result) {
        ParseResult parsed = new SubmissionParser(CATALOG).parse(result.submission());
        assertThat(parsed.problems()).as("the service can store the submission").isEmpty();
        assertThat(parsed.report().template()).isEqualTo(result.template());
        assertThat(parsed.report().cells()).isEqualTo(new java.util.TreeMap<>(result.cells()));
        if (result.submission().has("publishedOn")) {
            assertThat(parsed.report().publishedOn()).isEqualTo(LocalDate.parse(result.submission().get("publishedOn").asText()));
        }
    }
}
