package org.nianbao.importer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.importer.Reports.report;
import static org.nianbao.importer.TestReports.IMPORTER;

/** What the importer is not sure of is reported, never invented. */
class UncertainCellsTest {

    @Test
    void rowWithAValueMissing_isLeftBlankAndReported() {
        ImportResult result = IMPORTER.importText(report(2020, """
                二、主动公开政府信息情况
                信息内容
                本年新制作数量
                本年新公开数量
                对外公开总数量
                规章
                6
                6
                规范性文件
                5
                4
                20
                """));

        assertThat(result.cells()).doesNotContainKeys("activeDisclosure.rules.newlyMade",
                "activeDisclosure.rules.newlyPublished", "activeDisclosure.rules.totalPublished");
        assertThat(result.cells()).containsEntry("activeDisclosure.normativeDocuments.totalPublished",
                BigDecimal.valueOf(20));
        assertThat(result.diagnostics().unplaced()).hasSize(2).allSatisfy(u -> {
            assertThat(u.text()).isEqualTo("6");
            assertThat(u.reason()).contains("row 规章 has 2 value(s) for its 3 columns").contains("cannot tell");
        });
        assertThat(result.diagnostics().notes()).anyMatch(n -> n.contains("规章") && n.contains("see unplaced"));
    }

    @Test
    void moreNumbersThanColumns_nothingPlaced() {
        ImportResult result = IMPORTER.importText(report(2020, """
                二、主动公开政府信息情况
                信息内容\t上一年项目数量\t本年增/减\t处理决定数量
                行政许可\t1\t2\t3\t4
                """));

        assertThat(result.cells()).isEmpty();
        assertThat(result.diagnostics().unplaced()).hasSize(4)
                .allSatisfy(u -> assertThat(u.reason()).contains("more numbers than columns"));
    }

    @Test
    void numbersWithoutARowLabel_areReported() {
        ImportResult result = IMPORTER.importText(report(2020, """
                三、收到和处理政府信息公开申请情况
                一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1
                \t\t\t2\t0\t0\t0\t0\t0\t2
                本年受理咨询\t7
                """));

        assertThat(result.cells()).containsEntry("requests.newReceived.total", BigDecimal.ONE).hasSize(7);
        assertThat(result.diagnostics().unplaced()).hasSize(8);
        assertThat(result.diagnostics().unplaced()).filteredOn(u -> u.line() == 6).hasSize(7)
                .allSatisfy(u -> assertThat(u.reason()).isEqualTo("a number with no row label before it"));
        assertThat(result.diagnostics().unplaced()).filteredOn(u -> u.line() == 7).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("'本年受理咨询', which is no row label of GOV_2019"));
    }

    @Test
    void valuesUnderOneHeaderRowAfterSeveralRowLabels_areNotSpreadOverThoseRows() {
        ImportResult result = IMPORTER.importText(report(2020, """
                二、主动公开政府信息情况
                行政许可
                其他对外管理服务事项
                信息内容
                上一年项目数量
                本年增/减
                处理决定数量
                1
                2
                3
                4
                5
                6
                """));

        assertThat(result.cells()).isEmpty();
        assertThat(result.diagnostics().unplaced()).hasSize(6)
                .allSatisfy(u -> assertThat(u.reason()).contains("not in the order of the national format"));
    }

    @Test
    void fractionOrNegativeInACountColumn_isReportedNotPlaced() {
        ImportResult result = IMPORTER.importText(report(2020, """
                二、主动公开政府信息情况
                信息内容\t上一年项目数量\t本年增/减\t处理决定数量
                行政许可\t2.5\t-1\t-3
                """));

        assertThat(result.cells()).containsOnlyKeys("activeDisclosure.licensing.change");
        assertThat(result.cells().get("activeDisclosure.licensing.change")).isEqualByComparingTo("-1");
        assertThat(result.diagnostics().unplaced()).extracting(Unplaced::reason).containsExactly(
                "activeDisclosure.licensing.previousItems: not a whole number",
                "activeDisclosure.licensing.decisions: a count cannot be negative");
        SeedImportTest.assertParses(result);
    }

    @Test
    void theSameRowTwiceWithOtherNumbers_keepsTheFirstAndReportsTheSecond() {
        ImportResult result = IMPORTER.importText(report(2020, """
                四、政府信息公开行政复议、行政诉讼情况
                行政复议\t1\t0\t0\t0\t1
                行政复议\t2\t0\t0\t0\t2
                """));

        assertThat(result.cells()).containsEntry("reviewLitigation.reconsideration.total", BigDecimal.ONE);
        assertThat(result.diagnostics().unplaced()).extracting(Unplaced::reason)
                .containsExactly("reviewLitigation.reconsideration.upheld was already read as 1 at line 5",
                        "reviewLitigation.reconsideration.total was already read as 1 at line 5");
    }

    @Test
    void proseFigures_neverBecomeCells() {
        ImportResult result = IMPORTER.importText(report(2020, """
                本年共办理依申请公开事项19件，行政复议2起。
                三、收到和处理政府信息公开申请情况
                一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3
                """));

        assertThat(result.cells()).containsEntry("requests.newReceived.total", BigDecimal.valueOf(3))
                .doesNotContainKey("reviewLitigation.reconsideration.total");
        assertThat(result.diagnostics().proseFigures()).extracting(ProseFigure::label, f -> f.value().intValue())
                .contains(org.assertj.core.groups.Tuple.tuple("依申请公开事项", 19),
                        org.assertj.core.groups.Tuple.tuple("行政复议", 2));
    }
}
