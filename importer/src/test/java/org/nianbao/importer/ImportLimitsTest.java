package org.nianbao.importer;

import org.junit.jupiter.api.Test;
import org.nianbao.model.template.TemplateCatalog;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** A document beyond a limit stops the import with that limit named and what to do; within them it is read. */
class ImportLimitsTest {

    private static final String TITLE = "盐池县教育体育局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n";
    private static final ReportImporter SMALL = new ReportImporter(TemplateCatalog.standard(),
            new ImportLimits(2_000, 80, 2, 5, 10, 40, 20, 3, Duration.ofMinutes(10)));

    @Test
    void anInputOverTheSizeIsRefusedBeforeItIsRead() {
        String text = TITLE + "很".repeat(700);
        assertThatThrownBy(() -> SMALL.importText(text)).asInstanceOf(type(ImportLimitException.class))
                .satisfies(e -> assertThat(e.limit()).isEqualTo(ImportLimits.Limit.BYTES))
                .extracting(Throwable::getMessage).asString()
                .contains("has 2,205 bytes", "at most 2,000", "split the document");
    }

    @Test
    void tablesRowsColumnsCellsSpansAndLinesBeyondTheLimitsAreRefused() {
        assertLimit(SMALL, "<table><tr><td>行政许可</td></tr></table>".repeat(3), true, ImportLimits.Limit.TABLES,
                "The page has 3 tables; at most 2");
        assertLimit(SMALL, "<table>" + "<tr><td>行政许可</td></tr>".repeat(6) + "</table>", true,
                ImportLimits.Limit.ROWS_PER_TABLE, "Table 1 of the page has 6 rows; at most 5");
        assertLimit(SMALL, "<table><tr><td>行政许可</td><td colspan=10>1</td></tr></table>", true,
                ImportLimits.Limit.COLUMNS, "reaches past grid column 10");
        assertLimit(SMALL, "<table>" + "<tr><td>行政许可</td><td>1</td></tr>".repeat(3) + "</table>"
                + "<table><tr><td rowspan=3 colspan=7>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>", true,
                ImportLimits.Limit.SPAN_CELLS, "spans 3 rows × 7 columns (21 grid cells); one cell may cover at most 20");
        assertLimit(SMALL, TITLE + "行政许可\t1\t2\n".repeat(6), false, ImportLimits.Limit.ROWS_PER_TABLE,
                "more than 5 tab-separated rows");
        assertLimit(SMALL, TITLE + "行政许可\t" + "1\t".repeat(10) + "\n", false, ImportLimits.Limit.COLUMNS,
                "Line 3 has 12 tab-separated cells; at most 10");
        assertLimit(SMALL, TITLE + "行政许可\n1\n".repeat(21), false, ImportLimits.Limit.CELLS_PER_TABLE,
                "more than 40 cells");
        assertLimit(SMALL, TITLE + "\n".repeat(80), false, ImportLimits.Limit.LINES,
                "The text has 83 lines; at most 80");
        assertLimit(SMALL, "<p>盐池县</p>".repeat(81), true, ImportLimits.Limit.LINES, "more than 80 lines");
    }

    @Test
    void aRowspanPastTheTableEndsWithTheTableAsInABrowser() {
        ImportResult result = SMALL.importHtml("<h1>盐池县教育体育局2020年政府信息公开工作年度报告</h1>"
                + "<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年新制作数量</td></tr>"
                + "<tr><td>规章</td><td rowspan=500>4</td></tr></table>");
        assertThat(result.cells()).containsEntry("activeDisclosure.rules.newlyMade", java.math.BigDecimal.valueOf(4));
    }

    @Test
    void theListsOfTheAnswerAreCappedAndCountWhatTheyLeaveOut() {
        ImportResult result = SMALL.importText(TITLE + "7\n".repeat(30));
        assertThat(result.diagnostics().unplaced()).hasSize(3);
        assertThat(result.diagnostics().leftOut().unplaced()).isEqualTo(27);
    }

    @Test
    void anImportPastItsTimeoutStopsItselfAndSaysWhatToDo() {
        ReportImporter hurried = new ReportImporter(TemplateCatalog.standard(), new ImportLimits(10_000_000, 20_000, 100, 1_000,
                100, 10_000, 1_000, 200, Duration.ofNanos(1)));
        assertThatThrownBy(() -> hurried.importText(TITLE + "本年度主动公开政府信息1106条。\n".repeat(1_000)))
                .asInstanceOf(type(ImportLimitException.class))
                .satisfies(e -> assertThat(e.limit()).isEqualTo(ImportLimits.Limit.TIME))
                .extracting(Throwable::getMessage).asString()
                .contains("The document took too long to read", "Try again later", "split the document");
    }

    private static void assertLimit(ReportImporter importer, String input, boolean html, ImportLimits.Limit limit,
                                    String message) {
        assertThatThrownBy(() -> {
            if (html) {
                importer.importHtml(input);
            } else {
                importer.importText(input);
            }
        }).as(limit.name()).asInstanceOf(type(ImportLimitException.class))
                .satisfies(e -> assertThat(e.limit()).isEqualTo(limit))
                .extracting(Throwable::getMessage).asString().contains(message);
    }
}
