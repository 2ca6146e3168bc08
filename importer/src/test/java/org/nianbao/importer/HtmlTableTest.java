package org.nianbao.importer;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.importer.TestReports.IMPORTER;

/** HTML tables are read as grids: rowspan and colspan expanded, each value under its header cells. */
class HtmlTableTest {

    @Test
    void grid_expandsRowspanAndColspan() {
        HtmlTableGrid grid = HtmlTableGrid.of(Jsoup.parse("""
                <table>
                  <tr><td rowspan="3" colspan="2">本列</td><td colspan="3">申请人情况</td></tr>
                  <tr><td rowspan="2">自然人</td><td colspan="2">法人或其他组织</td></tr>
                  <tr><td>商业企业</td><td>科研机构</td></tr>
                  <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td><td>2</td><td>3</td></tr>
                  <tr><td>（二）部分公开</td><td>4</td><td>5</td><td>6</td></tr>
                </table>""").selectFirst("table"));

        assertThat(grid.height()).isEqualTo(5);
        assertThat(grid.width()).isEqualTo(5);
        assertThat(grid.text(2, 1)).isEqualTo("本列");
        assertThat(grid.text(0, 4)).isEqualTo("申请人情况");
        assertThat(grid.text(2, 2)).isEqualTo("自然人");
        assertThat(grid.text(1, 4)).isEqualTo("法人或其他组织");
        assertThat(grid.text(2, 4)).isEqualTo("科研机构");
        assertThat(grid.text(4, 0)).isEqualTo("三、本年度办理结果");
        assertThat(grid.text(4, 1)).isEqualTo("（二）部分公开");
        assertThat(grid.text(4, 4)).isEqualTo("6");
        assertThat(grid.startingIn(4)).extracting(HtmlTableGrid.Cell::column).containsExactly(1, 2, 3, 4);
    }

    /**
     * Columns in an unusual order (总计 first; in 四 总计 before the results) still land in the right cells, because
     * each value is mapped through the header cells above it, not by its position. The data tables sit inside a
     * page-layout table, as on many government sites.
     */
    @Test
    void values_areMappedByTheHeadersAboveThem_rowspanAndColspan() {
        String html = """
                <html><head><title>测试县教育局2021年政府信息公开工作年度报告</title></head><body>
                <table class="layout"><tr><td>
                  <h3>测试县教育局2021年政府信息公开工作年度报告</h3>
                  <p>一、总体情况</p><p>本年度依法公开。</p>
                  <p>三、收到和处理政府信息公开申请情况</p>
                  <table border="1">
                    <tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
                        <td rowspan="3">总计</td><td colspan="6">申请人情况</td></tr>
                    <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td></tr>
                    <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
                    <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>9</td><td>7</td><td>1</td><td>0</td><td>1</td><td>0</td><td>0</td></tr>
                    <tr><td rowspan="4">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>6</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
                    <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>2</td><td>1</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td></tr>
                    <tr><td>2.其他法律行政法规禁止公开</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>-</td></tr>
                    <tr><td colspan="2">（七）总计</td><td>9</td><td>7</td><td>1</td><td>0</td><td>1</td><td>0</td><td>0</td></tr>
                  </table>
                  <p>四、政府信息公开行政复议、行政诉讼情况</p>
                  <table border="1">
                    <tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
                    <tr><td rowspan="2">总计</td><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td>
                        <td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
                    <tr><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td>
                        <td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td></tr>
                    <tr><td>3</td><td>1</td><td>1</td><td>0</td><td>1</td><td>2</td><td>0</td><td>2</td><td>0</td><td>0</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td></tr>
                  </table>
                  <p>五、存在的主要问题及改进情况</p><p>无。</p>
                </td></tr></table>
                </body></html>""";

        ImportResult result = IMPORTER.importHtml(html);
        Map<String, BigDecimal> cells = TestReports.readings(result);

        assertThat(result.agencyName()).isEqualTo("测试县教育局");
        assertThat(result.year()).isEqualTo(2021);
        assertThat(cells).containsEntry("requests.newReceived.total", bd(9))
                .containsEntry("requests.newReceived.naturalPerson", bd(7))
                .containsEntry("requests.newReceived.commercialEnterprise", bd(1))
                .containsEntry("requests.newReceived.publicInterestOrg", bd(1))
                .containsEntry("requests.outcome.disclosed.total", bd(6))
                .containsEntry("requests.outcome.disclosed.naturalPerson", bd(5))
                .containsEntry("requests.outcome.withheld.stateSecret.total", bd(2))
                .containsEntry("requests.outcome.withheld.stateSecret.publicInterestOrg", bd(1))
                .containsEntry("requests.outcome.withheld.prohibitedByLaw.naturalPerson", bd(1))
                .containsEntry("requests.outcome.withheld.prohibitedByLaw.otherOrg", TestReports.BLANK)
                .containsEntry("requests.outcome.total.total", bd(9));
        assertThat(cells).containsEntry("reviewLitigation.reconsideration.total", bd(3))
                .containsEntry("reviewLitigation.reconsideration.upheld", bd(1))
                .containsEntry("reviewLitigation.reconsideration.corrected", bd(1))
                .containsEntry("reviewLitigation.reconsideration.pending", bd(1))
                .containsEntry("reviewLitigation.litigationDirect.total", bd(2))
                .containsEntry("reviewLitigation.litigationDirect.corrected", bd(2))
                .containsEntry("reviewLitigation.litigationAfterReconsideration.total", bd(1))
                .containsEntry("reviewLitigation.litigationAfterReconsideration.upheld", bd(1));
        assertThat(cells.keySet()).filteredOn(c -> c.startsWith("reviewLitigation.")).hasSize(15);
        assertThat(result.diagnostics().unplaced()).isEmpty();
        assertThat(result.diagnostics().tables()).filteredOn(TableFinding::found)
                .extracting(TableFinding::layout).containsOnly(TableLayout.HTML_TABLE);
        assertThat(IMPORTER.ruleWarnings(result)).extracting(w -> w.rule()).doesNotContain("R3", "R4");
        assertThat(result.submission().get("overview").asText()).isEqualTo("本年度依法公开。");
    }

    @Test
    void markup_scriptsAndStylesAreStripped() {
        ImportResult result = IMPORTER.importHtml("""
                <html><head><style>p{color:red}</style><script>document.write('六、其他需要报告的事项')</script></head>
                <body><p>某某市教育局2020年政府信息公开工作年度报告</p><p>一、总体情况</p>
                <p>本年度<b>主动公开</b>政府信息<span>12</span>条。</p><p>五、存在的主要问题及改进情况</p><p>暂无。</p></body></html>""");

        assertThat(result.agencyName()).isEqualTo("某某市教育局");
        assertThat(result.submission().get("overview").asText()).isEqualTo("本年度主动公开政府信息12条。");
        assertThat(result.submission().has("otherMatters")).isFalse();
        assertThat(result.diagnostics().proseFigures()).anySatisfy(f -> {
            assertThat(f.label()).isEqualTo("主动公开政府信息");
            assertThat(f.value()).isEqualByComparingTo("12");
        });
    }

    private static BigDecimal bd(int value) {
        return BigDecimal.valueOf(value);
    }
}
