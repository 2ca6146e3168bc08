package org.nianbao.importer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.importer.Reports.report;
import static org.nianbao.importer.TestReports.BLANK;
import static org.nianbao.importer.TestReports.IMPORTER;
import static org.nianbao.importer.TestReports.readings;

/** How single cells read: blank marks, units, widths, numbering styles. */
class CellReadingTest {

    @Test
    void blankMarks_areBlank_notZero() {
        ImportResult result = IMPORTER.importText(report(2020, """
                二、主动公开政府信息情况
                信息内容\t上一年项目数量\t本年增/减\t处理决定数量
                行政许可\t-\t—\t/
                行政处罚\t0\t\t2
                """));
        Map<String, BigDecimal> cells = readings(result);

        assertThat(cells).containsEntry("activeDisclosure.licensing.previousItems", BLANK)
                .containsEntry("activeDisclosure.licensing.change", BLANK)
                .containsEntry("activeDisclosure.licensing.decisions", BLANK)
                .containsEntry("activeDisclosure.penalty.previousItems", BigDecimal.ZERO)
                .containsEntry("activeDisclosure.penalty.change", BLANK)
                .containsEntry("activeDisclosure.penalty.decisions", BigDecimal.valueOf(2));
        assertThat(result.cells()).doesNotContainKey("activeDisclosure.licensing.decisions");
        assertThat(result.submission().at("/activeDisclosure/licensing/decisions").isNull()).isTrue();
        SeedImportTest.assertParses(result);
    }

    @Test
    void amounts_inYuan_becomeWanYuan_andTheUnitIsNoted() {
        ImportResult byHeader = IMPORTER.importText(report(2022, """
                二、主动公开政府信息情况
                第二十条第（八）项\t
                信息内容\t本年收费金额（单位：元）
                行政事业性收费\t125000
                """));
        ImportResult byCell = IMPORTER.importText(report(2022, """
                二、主动公开政府信息情况
                第二十条第（八）项\t
                信息内容\t本年收费金额
                行政事业性收费\t3.2万元
                """));

        assertThat(byHeader.template()).isEqualTo("GOV_2021");
        assertThat(byHeader.cells()).containsEntry("activeDisclosure.fees.amount", new BigDecimal("12.5"));
        assertThat(byHeader.diagnostics().notes()).anyMatch(n -> n.contains("unit 元") && n.contains("125000 元 = 12.5 万元"));
        assertThat(byCell.cells()).containsEntry("activeDisclosure.fees.amount", new BigDecimal("3.2"));
        assertThat(byCell.diagnostics().notes()).anyMatch(n -> n.contains("unit 万元"));
        SeedImportTest.assertParses(byHeader);
    }

    @Test
    void amountWithoutUnit_isTakenInTheCatalogUnit_andNoted() {
        ImportResult result = IMPORTER.importText(report(2020, """
                二、主动公开政府信息情况
                信息内容\t采购项目数量\t采购总金额
                政府集中采购\t2\t48.6
                """));

        assertThat(result.cells()).containsEntry("activeDisclosure.procurement.amount", new BigDecimal("48.6"));
        assertThat(result.diagnostics().notes()).anyMatch(n -> n.contains("no unit printed") && n.contains("万元"));
    }

    @Test
    void countsWithUnitsOrSeparators_andFullOrHalfWidthLabels() {
        ImportResult result = IMPORTER.importText(report(2020, """
                二、主动公开政府信息情况
                信息内容 |
                本年新制作数量 |
                本年新公开数量 |
                对外公开总数量 |
                规 范 性 文 件 |
                12件 |
                1,204 |
                ＋3 |
                三、收到和处理政府信息公开申请情况
                1、属于国家秘密 |
                0 |
                0 |
                0 |
                0 |
                0 |
                0 |
                0 |
                (四)无法提供 |
                1.本机关不掌握相关政府信息 |
                2 |
                0 |
                0 |
                0 |
                0 |
                0 |
                2 |
                """));
        Map<String, BigDecimal> cells = result.cells();

        assertThat(cells).containsEntry("activeDisclosure.normativeDocuments.newlyMade", BigDecimal.valueOf(12))
                .containsEntry("activeDisclosure.normativeDocuments.newlyPublished", BigDecimal.valueOf(1204))
                .containsEntry("activeDisclosure.normativeDocuments.totalPublished", BigDecimal.valueOf(3))
                .containsEntry("requests.outcome.withheld.stateSecret.total", BigDecimal.ZERO)
                .containsEntry("requests.outcome.unavailable.notHeld.naturalPerson", BigDecimal.valueOf(2))
                .containsEntry("requests.outcome.unavailable.notHeld.total", BigDecimal.valueOf(2));
        assertThat(result.diagnostics().tables().get(0).layout()).isEqualTo(TableLayout.PIPE_PER_LINE);
    }

    @Test
    void spacedHeadersAndAliases_match() {
        ImportResult result = IMPORTER.importText(report(2020, """
                三、收到和处理政府信息公开申请情况
                \t自然人\t法人或其他组织\t商业机构\t科研单位\t社会公益组织\t法律服务机构\t其他\t合计
                一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3
                四、政府信息公开行政复议、行政诉讼情况
                行政复议\t\t\t\t\t行政诉讼
                结 果 维 持\t结 果 纠 正\t其 他 结 果\t尚 未 审 结\t总 计\t未经复议直接起诉\t\t\t\t\t复议后起诉
                \t\t\t\t\t结 果 维 持\t结 果 纠 正\t其 他 结 果\t尚 未 审 结\t总 计\t结 果 维 持\t结 果 纠 正\t其 他 结 果\t尚 未 审 结\t总 计
                1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0
                """));

        assertThat(result.cells()).containsEntry("requests.newReceived.total", BigDecimal.valueOf(3))
                .containsEntry("reviewLitigation.reconsideration.upheld", BigDecimal.ONE)
                .containsEntry("reviewLitigation.reconsideration.total", BigDecimal.ONE)
                .containsEntry("reviewLitigation.litigationAfterReconsideration.total", BigDecimal.ZERO);
        assertThat(result.diagnostics().unplaced()).isEmpty();
    }
}
