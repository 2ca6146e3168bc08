package org.nianbao.importer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.importer.TestReports.IMPORTER;
import static org.nianbao.importer.TestReports.readings;
import static org.nianbao.importer.TestReports.variant;

/**
 * The GOV_2021 variant report (resources/variants/gov2021-tabs.txt) rewritten into the text layouts real reports come
 * in: pipe rows with and without outer pipes (Markdown), columns spaced apart (text taken from a PDF), and cells run
 * together (a page flattened by a crawler), with the slips real reports have: headers in another order, another
 * format's headers, a label printed with a character missing, page numbers between rows.
 */
class TextLayoutsTest {

    private static final String TABS = variant("gov2021-tabs.txt");
    private static final Map<String, BigDecimal> EXPECTED = LayoutVariantsTest.expected2021();

    @Test
    void markdownPipeRowsReadEveryCell() {
        ImportResult result = IMPORTER.importText(rewriteRows(TABS, cells -> "| " + String.join(" | ", cells) + " |",
                true));

        assertThat(readings(result)).isEqualTo(EXPECTED);
        assertThat(result.diagnostics().unplaced()).isEmpty();
        assertThat(result.diagnostics().tables()).allSatisfy(t -> assertThat(t.layout()).isEqualTo(TableLayout.PIPE_ROWS));
    }

    @Test
    void pipeRowsWithoutOuterPipesReadEveryCell() {
        ImportResult result = IMPORTER.importText(rewriteRows(TABS, cells -> String.join(" | ", cells), false));

        assertThat(readings(result)).isEqualTo(EXPECTED);
        assertThat(result.diagnostics().unplaced()).isEmpty();
    }

    @Test
    void columnsSpacedApartReadEveryCellAndPageNumbersBetweenRowsAreSkipped() {
        String spaced = rewriteRows(TABS, cells -> String.join("   ", cells.stream().filter(c -> !c.isBlank()).toList()),
                false).replace("（七）总计", "- 3 -\n（七）总计");

        ImportResult result = IMPORTER.importText(spaced);

        assertThat(readings(result)).isEqualTo(EXPECTED);
        assertThat(result.diagnostics().unplaced()).isEmpty();
        assertThat(result.diagnostics().tables()).allSatisfy(t -> assertThat(t.layout()).isEqualTo(TableLayout.INLINE));
    }

    /**
     * With the digits of every row run together, a row is read only where one split is possible or the identities
     * (R1–R4) leave one; what stays open is listed as unplaced, never guessed.
     */
    @Test
    void cellsRunTogetherAreSplitOnlyWhereTheIdentitiesLeaveOneWay() {
        String runTogether = rewriteRows(TABS, cells -> String.join("", cells), false);

        ImportResult result = IMPORTER.importText(runTogether);

        Map<String, BigDecimal> read = readings(result);
        read.forEach((code, value) -> assertThat(value).as(code).isEqualByComparingTo(EXPECTED.get(code)));
        assertThat(read.size()).as("cells read of %d", EXPECTED.size()).isGreaterThanOrEqualTo(180);
        assertThat(result.diagnostics().notes()).anyMatch(n -> n.contains("with cells run together; read as")
                && n.contains("identities allow"));
        // 规章 000 can only be three zeros; 行政规范性文件 3112 could be 3 1 12, 31 1 2, 3 11 2…: no identity decides
        assertThat(read).containsEntry("activeDisclosure.rules.inForce", BigDecimal.ZERO)
                .doesNotContainKey("activeDisclosure.normativeDocuments.issued");
        assertThat(result.diagnostics().cells()).anySatisfy(c -> {
            // the evidence: the printed run, the part read, and the row it was printed under
            assertThat(c.code()).isEqualTo("requests.outcome.total.naturalPerson");
            assertThat(c.text()).isEqualTo("212011025 → 21");
            assertThat(c.row()).isEqualTo("(七)总计");
        });
        assertThat(result.diagnostics().tables()).allSatisfy(t -> assertThat(t.consistent()).isTrue());
        assertThat(result.diagnostics().cells()).anySatisfy(c -> {
            assertThat(c.code()).isEqualTo("reviewLitigation.litigationAfterReconsideration.total");
            assertThat(c.row()).isEqualTo("复议后起诉");
        });
        assertThat(result.diagnostics().unplaced()).anySatisfy(u -> {
            assertThat(u.text()).isEqualTo("3112");
            assertThat(u.reason()).contains("can be split into 3 cells in").contains("ways");
        });
    }

    @Test
    void headersInAnotherOrderDecideTheColumns() {
        String reordered = TABS.replace("本年制发件数\t本年废止件数\t现行有效件数", "现行有效件数\t本年制发件数\t本年废止件数")
                .replace("行政规范性文件\t3\t1\t12", "行政规范性文件\t12\t3\t1")
                .replace("\t", "  ");

        ImportResult result = IMPORTER.importText(reordered);

        assertThat(readings(result)).isEqualTo(EXPECTED);
        assertThat(result.diagnostics().notes()).anyMatch(n -> n.contains("in the order of its printed headers"));
    }

    /** A 2021 report that prints table 二 with the 2019 headers: those values have no cell in GOV_2021. */
    @Test
    void anotherFormatsHeadersOverARowAreReportedNotPlaced() {
        String hybrid = TABS.replace("本年制发件数\t本年废止件数\t现行有效件数", "本年新制作数量\t本年新公开数量\t对外公开总数量")
                .replace("\t", "  ");

        ImportResult result = IMPORTER.importText(hybrid);

        assertThat(result.template()).isEqualTo("GOV_2021");
        assertThat(readings(result)).doesNotContainKeys("activeDisclosure.rules.issued",
                "activeDisclosure.normativeDocuments.issued", "activeDisclosure.normativeDocuments.inForce");
        assertThat(result.diagnostics().unplaced()).anySatisfy(u -> {
            assertThat(u.text()).isEqualTo("12");
            assertThat(u.reason()).contains("本年新制作数量").contains("GOV_2021 has no cells for");
        });
        assertThat(readings(result)).containsEntry("activeDisclosure.licensing.decisions", new BigDecimal("156"))
                .containsEntry("requests.outcome.total.total", new BigDecimal("25"));
    }

    @Test
    void aRowLabelWithASlipIsReadAsTheRowItIsNearWithANote() {
        String slip = TABS.replace("4.保护第三方合法权益", "4.保护第三方合去权益").replace("\t", "  ");

        ImportResult result = IMPORTER.importText(slip);

        assertThat(readings(result)).isEqualTo(EXPECTED);
        assertThat(result.diagnostics().notes()).anyMatch(n -> n.contains("4.保护第三方合去权益")
                && n.contains("differs by a slip"));
    }

    /** A PDF's row label wrapped in its cell, its lines above, beside and below the row's values. */
    @Test
    void aRowLabelWrappedAroundItsValuesIsRead() {
        String wrapped = TABS.replace("\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t1",
                "\t（六）其他处理\n1、申请人无正当理由逾期不补\n正、行政机关不再处理其政府信\t1")
                .replaceFirst("(正、行政机关不再处理其政府信\t1\t0\t0\t0\t0\t0\t1)", "$1\n息公开申请");

        ImportResult result = IMPORTER.importText(wrapped);

        assertThat(wrapped).contains("正、行政机关不再处理其政府信\t1\t0\t0\t0\t0\t0\t1\n息公开申请");
        assertThat(readings(result)).isEqualTo(EXPECTED);
        assertThat(result.diagnostics().notes()).anyMatch(n -> n.contains("whose label it begins"));
    }

    /** Values that a conversion tore from their labels: which label was theirs cannot be told. */
    @Test
    void valuesTornFromTheirLabelsAreReportedNotGuessed() {
        String torn = """
                2022年政府信息公开工作年度报告
                三、收到和处理政府信息公开申请情况
                （一）予以公开
                （二）部分公开（区分处理的，只计这一情形，不计其他情形）
                | 3 | 0 | 0 | 1 | 0 | 0 | 4 |
                |---|---|---|---|---|---|---|
                """;

        ImportResult result = IMPORTER.importText(torn);

        assertThat(result.cells()).isEmpty();
        assertThat(result.diagnostics().unplaced()).hasSize(7);
    }

    /** A 2021 report printing （六）其他处理 the 2019 way, as one row: zeros say each row under it is 0, sums do not. */
    @Test
    void aRowGroupPrintedAsOneRowIsReadOnlyWhenItsValuesAreZero() {
        String sixAsOneRow = TABS.replaceAll("\t（六）其他处理\t1\\.[^\n]*\n[^\n]*\n[^\n]*\n",
                "\t（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n").replace("\t", "  ");
        String nonZero = TABS.replaceAll("\t（六）其他处理\t1\\.[^\n]*\n[^\n]*\n[^\n]*\n",
                "\t（六）其他处理\t1\t0\t0\t0\t0\t0\t1\n").replace("\t", "  ");

        ImportResult zeros = IMPORTER.importText(sixAsOneRow);
        ImportResult sums = IMPORTER.importText(nonZero);

        assertThat(readings(zeros)).containsEntry("requests.outcome.other.noCorrection.naturalPerson", BigDecimal.ZERO)
                .containsEntry("requests.outcome.other.otherReason.total", BigDecimal.ZERO);
        assertThat(zeros.diagnostics().notes()).anyMatch(n -> n.contains("every value is 0"));
        assertThat(readings(sums)).doesNotContainKeys("requests.outcome.other.noCorrection.naturalPerson",
                "requests.outcome.other.feeUnpaid.naturalPerson");
        assertThat(sums.diagnostics().unplaced()).anySatisfy(u -> assertThat(u.reason())
                .contains("printed as one row").contains("cannot be taken apart"));
    }

    /** Table 四 as a Markdown table of numbers whose row labels and headers a conversion left above it. */
    @Test
    void tableFoursValuesUnderItsLabelsPrintedAboveTheTableAreReadWhenTheyAddUp() {
        String text = """
                四、政府信息公开行政复议、行政诉讼情况
                行政复议行政诉讼
                未经复议直接起诉复议后起诉
                维持纠正结果审结维持纠正结果审结
                | 维持 | 纠正 | 结果 | 审结 | 总计 |
                |---|---|---|---|---|
                | %s |
                """;
        String addsUp = "1 | 1 | 0 | 0 | 2 | 1 | 0 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 3";
        String doesNot = "1 | 1 | 0 | 0 | 3 | 1 | 0 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 3";

        ImportResult read = IMPORTER.importText(text.formatted(addsUp));
        ImportResult refused = IMPORTER.importText(text.formatted(doesNot));

        assertThat(readings(read)).containsEntry("reviewLitigation.reconsideration.total", new BigDecimal("2"))
                .containsEntry("reviewLitigation.litigationAfterReconsideration.total", new BigDecimal("3"));
        assertThat(read.diagnostics().notes()).anyMatch(n -> n.contains("whose labels are printed above it"));
        assertThat(readings(refused)).isEmpty();
        assertThat(refused.diagnostics().unplaced()).hasSize(15)
                .allSatisfy(u -> assertThat(u.reason()).contains("do not add up"));
    }

    /** Each tab-separated line of the text rewritten; the Markdown form gets a |---| line after a table's first row. */
    private static String rewriteRows(String text, Function<List<String>, String> row, boolean markdown) {
        StringBuilder out = new StringBuilder();
        boolean inTable = false;
        for (String line : text.split("\n", -1)) {
            if (line.indexOf('\t') < 0) {
                out.append(line).append('\n');
                inTable = false;
                continue;
            }
            List<String> cells = Arrays.stream(line.split("\t", -1)).map(String::strip).collect(Collectors.toList());
            out.append(row.apply(cells)).append('\n');
            if (markdown && !inTable) {
                out.append("|").append("---|".repeat(cells.size())).append('\n');
            }
            inTable = true;
        }
        return out.toString();
    }
}
