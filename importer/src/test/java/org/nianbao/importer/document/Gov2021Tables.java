package org.nianbao.importer.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tables 二, 三 and 四 of the 2021 report format as printed by agencies (merged header cells, the 办理结果 block
 * spanning its rows), filled with the cells of a report; the Word and Excel tests write them out with POI.
 */
final class Gov2021Tables {

    /** A printed cell: its text and how many rows and columns it spans. Only the cell that starts a merge is listed. */
    record Cell(String text, int rowspan, int colspan) {
        static Cell of(String text) {
            return new Cell(text, 1, 1);
        }
    }

    /** A table and the section heading printed above it. */
    record Printed(String heading, List<List<Cell>> rows) {
    }

    private static final String[] APPLICANTS = {"naturalPerson", "commercialEnterprise", "researchInstitution",
            "publicInterestOrg", "legalServiceOrg", "otherOrg", "total"};
    private static final String[] RESULTS = {"upheld", "corrected", "other", "pending", "total"};

    private final Map<String, BigDecimal> cells;

    Gov2021Tables(Map<String, BigDecimal> cells) {
        this.cells = cells;
    }

    List<Printed> tables() {
        return List.of(new Printed("二、主动公开政府信息情况", active()),
                new Printed("三、收到和处理政府信息公开申请情况", requests()),
                new Printed("四、政府信息公开行政复议、行政诉讼情况", review()));
    }

    private List<List<Cell>> active() {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(new Cell("第二十条第（一）项", 1, 4)));
        rows.add(List.of(Cell.of("信息内容"), Cell.of("本年制发件数"), Cell.of("本年废止件数"), Cell.of("现行有效件数")));
        for (String[] row : new String[][]{{"rules", "规章"}, {"normativeDocuments", "行政规范性文件"}}) {
            String code = "activeDisclosure." + row[0] + ".";
            rows.add(List.of(Cell.of(row[1]), value(code + "issued"), value(code + "repealed"),
                    value(code + "inForce")));
        }
        decisions(rows, "第二十条第（五）项", "本年处理决定数量", new String[][]{{"licensing", "行政许可"}}, "decisions");
        decisions(rows, "第二十条第（六）项", "本年处理决定数量",
                new String[][]{{"penalty", "行政处罚"}, {"coercion", "行政强制"}}, "decisions");
        decisions(rows, "第二十条第（八）项", "本年收费金额（单位：万元）",
                new String[][]{{"fees", "行政事业性收费"}}, "amount");
        return rows;
    }

    private void decisions(List<List<Cell>> rows, String block, String column, String[][] items, String cell) {
        rows.add(List.of(new Cell(block, 1, 4)));
        rows.add(List.of(Cell.of("信息内容"), new Cell(column, 1, 3)));
        for (String[] item : items) {
            BigDecimal v = cells.get("activeDisclosure." + item[0] + "." + cell);
            rows.add(List.of(Cell.of(item[1]), new Cell(v.toPlainString(), 1, 3)));
        }
    }

    private List<List<Cell>> requests() {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(new Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                new Cell("申请人情况", 1, 7)));
        rows.add(List.of(new Cell("自然人", 2, 1), new Cell("法人或其他组织", 1, 5), new Cell("总计", 2, 1)));
        rows.add(List.of(Cell.of("商业企业"), Cell.of("科研机构"), Cell.of("社会公益组织"), Cell.of("法律服务机构"),
                Cell.of("其他")));
        rows.add(applicantRow(List.of(new Cell("一、本年新收政府信息公开申请数量", 1, 3)), "newReceived"));
        rows.add(applicantRow(List.of(new Cell("二、上年结转政府信息公开申请数量", 1, 3)), "carriedOver"));
        String[][][] groups = {
                {{"（一）予以公开", "disclosed"}},
                {{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partiallyDisclosed"}},
                {{"（三）不予公开"}, {"1.属于国家秘密", "withheld.stateSecret"},
                        {"2.其他法律行政法规禁止公开", "withheld.prohibitedByLaw"},
                        {"3.危及“三安全一稳定”", "withheld.securityStability"},
                        {"4.保护第三方合法权益", "withheld.thirdPartyRights"},
                        {"5.属于三类内部事务信息", "withheld.internalAffairs"},
                        {"6.属于四类过程性信息", "withheld.processInformation"},
                        {"7.属于行政执法案卷", "withheld.enforcementFiles"},
                        {"8.属于行政查询事项", "withheld.administrativeQuery"}},
                {{"（四）无法提供"}, {"1.本机关不掌握相关政府信息", "unavailable.notHeld"},
                        {"2.没有现成信息需要另行制作", "unavailable.needsCreation"},
                        {"3.补正后申请内容仍不明确", "unavailable.unclearAfterCorrection"}},
                {{"（五）不予处理"}, {"1.信访举报投诉类申请", "notProcessed.petitionComplaint"},
                        {"2.重复申请", "notProcessed.duplicate"}, {"3.要求提供公开出版物", "notProcessed.publication"},
                        {"4.无正当理由大量反复申请", "notProcessed.massRepeated"},
                        {"5.要求行政机关确认或重新出具已获取信息", "notProcessed.confirmOrReissue"}},
                {{"（六）其他处理"},
                        {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other.noCorrection"},
                        {"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other.feeUnpaid"},
                        {"3.其他", "other.otherReason"}},
                {{"（七）总计", "total"}}};
        int outcomeRows = 0;
        for (String[][] group : groups) {
            outcomeRows += group.length == 1 ? 1 : group.length - 1;
        }
        boolean first = true;
        for (String[][] group : groups) {
            List<Cell> lead = new ArrayList<>();
            if (first) {
                lead.add(new Cell("三、本年度办理结果", outcomeRows, 1));
                first = false;
            }
            if (group.length == 1) {
                lead.add(new Cell(group[0][0], 1, 2));
                rows.add(applicantRow(lead, "outcome." + group[0][1]));
                continue;
            }
            lead.add(new Cell(group[0][0], group.length - 1, 1));
            for (int i = 1; i < group.length; i++) {
                List<Cell> row = new ArrayList<>(i == 1 ? lead : List.of());
                row.add(Cell.of(group[i][0]));
                rows.add(applicantRow(row, "outcome." + group[i][1]));
            }
        }
        rows.add(applicantRow(List.of(new Cell("四、结转下年度继续办理", 1, 3)), "carriedForward"));
        return rows;
    }

    private List<Cell> applicantRow(List<Cell> labels, String row) {
        List<Cell> out = new ArrayList<>(labels);
        for (String column : APPLICANTS) {
            out.add(value("requests." + row + "." + column));
        }
        return out;
    }

    private List<List<Cell>> review() {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(new Cell("行政复议", 1, 5), new Cell("行政诉讼", 1, 10)));
        List<Cell> second = new ArrayList<>();
        for (String label : new String[]{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) {
            second.add(new Cell(label, 2, 1));
        }
        second.add(new Cell("未经复议直接起诉", 1, 5));
        second.add(new Cell("复议后起诉", 1, 5));
        rows.add(second);
        List<Cell> third = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (String label : new String[]{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) {
                third.add(Cell.of(label));
            }
        }
        rows.add(third);
        List<Cell> values = new ArrayList<>();
        for (String group : new String[]{"reconsideration", "litigationDirect", "litigationAfterReconsideration"}) {
            for (String result : RESULTS) {
                values.add(value("reviewLitigation." + group + "." + result));
            }
        }
        rows.add(values);
        return rows;
    }

    private Cell value(String code) {
        BigDecimal v = cells.get(code);
        return Cell.of(v == null ? "" : v.toPlainString());
    }

    /** The report's prose around the tables: title and the sections the importer expects. */
    static List<String> opening(String agency, int year) {
        return List.of(agency + year + "年政府信息公开工作年度报告", "一、总体情况",
                "本年度依法做好政府信息公开工作。");
    }

    static List<String> closing() {
        return List.of("五、存在的主要问题及改进情况", "公开形式还不够丰富。", "六、其他需要报告的事项", "无。");
    }
}
