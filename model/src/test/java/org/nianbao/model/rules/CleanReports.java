package org.nianbao.model.rules;

import org.nianbao.model.template.Row;
import org.nianbao.model.template.Table;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Internally consistent reports (every rule holds), for tests to break one cell at a time. */
public final class CleanReports {

    public static final TemplateCatalog CATALOG = TemplateCatalog.standard();
    public static final Template GOV_2019 = CATALOG.find("GOV_2019").orElseThrow();
    public static final Template GOV_2021 = CATALOG.find("GOV_2021").orElseThrow();
    public static final Template LEGACY = CATALOG.find("LEGACY").orElseThrow();

    private CleanReports() {
    }

    public static Map<String, BigDecimal> gov2019() {
        Map<String, BigDecimal> cells = new TreeMap<>();
        put(cells, "activeDisclosure.rules", "newlyMade", 6, "newlyPublished", 6, "totalPublished", 6);
        put(cells, "activeDisclosure.normativeDocuments", "newlyMade", 577, "newlyPublished", 176, "totalPublished", 176);
        put(cells, "activeDisclosure.licensing", "previousItems", 3, "change", 0, "decisions", 228);
        put(cells, "activeDisclosure.otherServices", "previousItems", 32, "change", -2, "decisions", 19);
        put(cells, "activeDisclosure.penalty", "previousItems", 13, "change", 1, "decisions", 0);
        put(cells, "activeDisclosure.coercion", "previousItems", 1, "change", 0, "decisions", 0);
        put(cells, "activeDisclosure.fees", "previousItems", 4, "change", 0);
        cells.put("activeDisclosure.procurement.items", BigDecimal.valueOf(2));
        cells.put("activeDisclosure.procurement.amount", new BigDecimal("12.5"));
        addRequestsAndReview(GOV_2019, cells);
        return cells;
    }

    /** Documents in force grow by issued − repealed each year, so consecutive years satisfy X2. */
    public static Map<String, BigDecimal> gov2021(int year) {
        int years = year - 2021;
        Map<String, BigDecimal> cells = new TreeMap<>();
        put(cells, "activeDisclosure.rules", "issued", 2, "repealed", 1, "inForce", 10 + years);
        put(cells, "activeDisclosure.normativeDocuments", "issued", 5, "repealed", 2, "inForce", 40 + 3 * years);
        cells.put("activeDisclosure.licensing.decisions", BigDecimal.valueOf(228));
        cells.put("activeDisclosure.penalty.decisions", BigDecimal.valueOf(7));
        cells.put("activeDisclosure.coercion.decisions", BigDecimal.ZERO);
        cells.put("activeDisclosure.fees.amount", new BigDecimal("3.75"));
        addRequestsAndReview(GOV_2021, cells);
        return cells;
    }

    /**
     * Requests: in applicant column i, each outcome row gets a small number, carriedOver = carriedForward = i and
     * newReceived = the outcome total (R1, R2; X1 across years); the total column sums the six (R3).
     * Review and litigation: 1 + 2 + 0 + 1 = 4 in every row (R4).
     */
    private static void addRequestsAndReview(Template template, Map<String, BigDecimal> cells) {
        Table requests = template.table("requests").orElseThrow();
        List<String> applicants = List.of("naturalPerson", "commercialEnterprise", "researchInstitution",
                "publicInterestOrg", "legalServiceOrg", "otherOrg");
        for (int i = 1; i <= applicants.size(); i++) {
            String column = applicants.get(i - 1);
            int outcomes = 0;
            int rowIndex = 0;
            for (Row row : requests.rows()) {
                rowIndex++;
                if (row.code().startsWith("outcome.") && !row.code().equals("outcome.total")) {
                    int value = (rowIndex + i) % 3;
                    outcomes += value;
                    set(cells, "requests." + row.code() + "." + column, value);
                }
            }
            set(cells, "requests.outcome.total." + column, outcomes);
            set(cells, "requests.carriedOver." + column, i);
            set(cells, "requests.carriedForward." + column, i);
            set(cells, "requests.newReceived." + column, outcomes);
        }
        for (Row row : requests.rows()) {
            BigDecimal total = BigDecimal.ZERO;
            for (String column : applicants) {
                total = total.add(cells.get("requests." + row.code() + "." + column));
            }
            cells.put("requests." + row.code() + ".total", total);
        }
        for (String row : List.of("reconsideration", "litigationDirect", "litigationAfterReconsideration")) {
            put(cells, "reviewLitigation." + row, "upheld", 1, "corrected", 2, "other", 0, "pending", 1, "total", 4);
        }
    }

    /** Seed 002's shape: GOV_2019 with only the total column of 三 filled (all 0), applicant columns blank. */
    public static Map<String, BigDecimal> seed002Shape() {
        Map<String, BigDecimal> cells = new TreeMap<>();
        put(cells, "activeDisclosure.rules", "newlyMade", 0, "newlyPublished", 0, "totalPublished", 0);
        put(cells, "activeDisclosure.normativeDocuments", "newlyMade", 0, "newlyPublished", 0, "totalPublished", 0);
        for (Row row : GOV_2019.table("requests").orElseThrow().rows()) {
            cells.put("requests." + row.code() + ".total", BigDecimal.ZERO);
        }
        for (String row : List.of("reconsideration", "litigationDirect", "litigationAfterReconsideration")) {
            put(cells, "reviewLitigation." + row, "upheld", 0, "corrected", 0, "other", 0, "pending", 0, "total", 0);
        }
        return cells;
    }

    public static void set(Map<String, BigDecimal> cells, String code, long value) {
        cells.put(code, BigDecimal.valueOf(value));
    }

    public static void add(Map<String, BigDecimal> cells, String code, long delta) {
        cells.merge(code, BigDecimal.valueOf(delta), BigDecimal::add);
    }

    /** put(cells, "activeDisclosure.rules", "issued", 2, "repealed", 1) */
    private static void put(Map<String, BigDecimal> cells, String row, Object... columnsAndValues) {
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            cells.put(row + "." + columnsAndValues[i], BigDecimal.valueOf((Integer) columnsAndValues[i + 1]));
        }
    }
}
