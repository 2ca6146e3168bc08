package org.nianbao.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.importer.Reports.report;
import static org.nianbao.importer.TestReports.IMPORTER;

/** The template follows the table headers, not the year; the year decides only when nothing else does. */
class TemplateDetectionTest {

    private static final String TABLE_2019_HEADERS = """
            二、主动公开政府信息情况
            第二十条第（一）项\t\t\t
            信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
            规章\t1\t1\t4
            规范性文件\t2\t2\t9
            """;

    private static final String TABLE_2021_HEADERS = """
            二、主动公开政府信息情况
            第二十条第（一）项\t\t\t
            信息内容\t本年制发件数\t本年废止件数\t现行有效件数
            规章\t1\t0\t4
            行政规范性文件\t2\t1\t9
            """;

    @Test
    void headersOf2019_in2022Report_giveGov2019_withHybridNote() {
        ImportResult result = IMPORTER.importText(report(2022, TABLE_2019_HEADERS));

        assertThat(result.template()).isEqualTo("GOV_2019");
        assertThat(result.cells()).containsKeys("activeDisclosure.rules.newlyMade",
                "activeDisclosure.normativeDocuments.totalPublished");
        assertThat(result.diagnostics().notes())
                .anyMatch(n -> n.contains("GOV_2019 detected") && n.contains("本年新制作数量"))
                .anyMatch(n -> n.startsWith("template hybrid: GOV_2019 tables in a 2022 report"));
    }

    @Test
    void headersOf2021_in2020Report_giveGov2021() {
        ImportResult result = IMPORTER.importText(report(2020, TABLE_2021_HEADERS));

        assertThat(result.template()).isEqualTo("GOV_2021");
        assertThat(result.cells()).containsEntry("activeDisclosure.normativeDocuments.repealed", java.math.BigDecimal.ONE);
        assertThat(result.diagnostics().notes()).anyMatch(n -> n.startsWith("template hybrid: GOV_2021"));
    }

    @Test
    void otherProcessingAsOneRowWithValues_isGov2019() {
        ImportResult result = IMPORTER.importText(report(2022, """
                三、收到和处理政府信息公开申请情况
                （六）其他处理\t0\t0\t0\t0\t0\t0\t0
                （七）总计\t1\t0\t0\t0\t0\t0\t1
                """));

        assertThat(result.template()).isEqualTo("GOV_2019");
        assertThat(result.cells()).containsKey("requests.outcome.other.total");
    }

    @Test
    void otherProcessingWithNumberedSubRows_isGov2021() {
        ImportResult result = IMPORTER.importText(report(2020, """
                三、收到和处理政府信息公开申请情况
                （六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0
                \t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0
                \t3.其他\t1\t0\t0\t0\t0\t0\t1
                """));

        assertThat(result.template()).isEqualTo("GOV_2021");
        assertThat(result.cells()).containsKeys("requests.outcome.other.noCorrection.total",
                "requests.outcome.other.feeUnpaid.total").containsEntry("requests.outcome.other.otherReason.total",
                java.math.BigDecimal.ONE);
    }

    @Test
    void rowsWithoutTellingHeaders_followTheYear() {
        String table = """
                四、政府信息公开行政复议、行政诉讼情况
                行政复议\t0\t0\t0\t0\t0
                """;

        assertThat(IMPORTER.importText(report(2020, table)).template()).isEqualTo("GOV_2019");
        ImportResult recent = IMPORTER.importText(report(2023, table));
        assertThat(recent.template()).isEqualTo("GOV_2021");
        assertThat(recent.cells()).containsKey("reviewLitigation.reconsideration.total");
        assertThat(recent.diagnostics().notes()).anyMatch(n -> n.contains("chosen by the report year"));
    }

    @Test
    void textOnly_followsTheYear_legacyBefore2019() {
        ImportResult old = IMPORTER.importText(report(2016, "二、主动公开政府信息情况\n主动公开政府信息52条。"));
        ImportResult recent = IMPORTER.importText(report(2022, "二、主动公开政府信息情况\n主动公开政府信息52条。"));

        assertThat(old.template()).isEqualTo("LEGACY");
        assertThat(recent.template()).isEqualTo("GOV_2021");
        assertThat(recent.diagnostics().cells()).isEmpty();
        assertThat(recent.diagnostics().proseFigures()).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("主动公开政府信息");
            assertThat(f.value()).isEqualByComparingTo("52");
        });
    }
}
