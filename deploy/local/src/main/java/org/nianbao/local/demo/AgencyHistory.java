package org.nianbao.local.demo;

import org.nianbao.model.region.AgencyLevel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an education bureau did each year, independent of the template it reports in: the requests it received
 * and carried from year to year per applicant column, its normative documents, its licensing and other items,
 * fees and procurement. The year-to-year state is kept here, so that the reports of consecutive years agree
 * (X1: carried forward = carried over next year; X2: in force = in force before + issued − repealed) unless the
 * plan breaks it on purpose.
 * <p>
 * Sizes scale with the level: a province's 教育厅 receives about 20 times the requests of a county's 教育局.
 */
final class AgencyHistory {

    /** Rows of table 二 with the document columns (issued/repealed/inForce; newlyMade/newlyPublished/totalPublished). */
    static final List<String> DOCUMENT_ROWS = List.of("rules", "normativeDocuments");
    /** Rows of table 二 with item columns (previousItems/change/decisions). */
    static final List<String> ITEM_ROWS = List.of("licensing", "otherServices", "penalty", "coercion", "fees");
    /** Most requests come from natural persons; the rest from organisations in these proportions. */
    static final String NATURAL_PERSON = "naturalPerson";
    private static final Map<String, Double> ORGANISATION_WEIGHTS = Map.of("commercialEnterprise", 0.45,
            "researchInstitution", 0.08, "publicInterestOrg", 0.10, "legalServiceOrg", 0.12, "otherOrg", 0.25);

    /** One year's numbers; maps are by applicant column (without the total column). */
    static final class Year {
        final int year;
        final Map<String, Long> newReceived = new LinkedHashMap<>();
        final Map<String, Long> carriedOver = new LinkedHashMap<>();
        final Map<String, Long> handled = new LinkedHashMap<>();
        final Map<String, Long> carriedForward = new LinkedHashMap<>();
        final Map<String, Documents> documents = new LinkedHashMap<>();
        final Map<String, Items> items = new LinkedHashMap<>();
        BigDecimal feeAmount = BigDecimal.ZERO;
        long procurementItems;
        BigDecimal procurementAmount = BigDecimal.ZERO;

        Year(int year) {
            this.year = year;
        }

        long newReceivedTotal() {
            return newReceived.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Normative documents (or rules) of one year. */
    record Documents(long issued, long repealed, long inForce, long published, long totalPublished) {
    }

    /** Licensing or another item row of one year. */
    record Items(long previousItems, long change, long decisions) {
        long items() {
            return previousItems + change;
        }
    }

    private final Map<Integer, Year> years = new LinkedHashMap<>();

    private AgencyHistory() {
    }

    Year year(int year) {
        Year y = years.get(year);
        if (y == null) throw new IllegalArgumentException("no year " + year);
        return y;
    }

    /**
     * @param applicants the applicant columns of table 三 without the total column, in catalog order
     * @param x1Years    years whose carriedOver is to differ from the previous year's carriedForward
     * @param x2Years    years whose documents in force are to jump
     */
    static AgencyHistory of(long seed, String agencyId, AgencyLevel level, List<String> applicants,
                            Set<Integer> x1Years, Set<Integer> x2Years) {
        Rand r = Rand.of(seed, agencyId, "numbers");
        AgencyHistory history = new AgencyHistory();
        int li = level.ordinal(); // PROVINCE, CITY, COUNTY

        // the bureau's profile
        double scale = clamp(r.logNormal(1, 0.7), 0.15, 8);
        double requestMedian = new double[]{120, 30, 6}[li];
        double growth = r.uniform(0.03, 0.15);
        double naturalShare = r.uniform(0.80, 0.97);
        String naturalColumn = applicants.contains(NATURAL_PERSON) ? NATURAL_PERSON : applicants.get(0);
        List<String> orgColumns = applicants.stream().filter(c -> !c.equals(naturalColumn)).toList();
        double[] orgWeights = new double[orgColumns.size()];
        for (int i = 0; i < orgWeights.length; i++) {
            orgWeights[i] = ORGANISATION_WEIGHTS.getOrDefault(orgColumns.get(i), 0.1) * r.logNormal(1, 0.4);
        }
        double carryRate = switch (level) {
            case PROVINCE -> r.uniform(0.03, 0.10);
            case CITY -> r.uniform(0.02, 0.08);
            case COUNTY -> r.chance(0.35) ? 0 : r.uniform(0.01, 0.06);
        };
        double issuedRate = new double[]{15, 6, 2.5}[li] * r.logNormal(1, 0.5);
        long inForce = Math.round(issuedRate * r.uniform(3, 8));
        long totalPublished = inForce + r.poisson(issuedRate * 2);
        Map<String, Long> itemCounts = new LinkedHashMap<>();
        Map<String, Double> decisionRates = new LinkedHashMap<>();
        double[][] itemBase = {{25, 12, 6}, {20, 15, 10}, {40, 30, 25}, {3, 2, 1}, {4, 2, 1}};
        double[][] decisionBase = {{1200, 350, 120}, {600, 200, 60}, {1.5, 0.6, 0.2}, {0.1, 0.05, 0.02}, {0, 0, 0}};
        for (int i = 0; i < ITEM_ROWS.size(); i++) {
            itemCounts.put(ITEM_ROWS.get(i), Math.round(itemBase[i][li] * r.logNormal(1, 0.4)));
            double rate = decisionBase[i][li] * Math.sqrt(scale) * r.logNormal(1, 0.8);
            decisionRates.put(ITEM_ROWS.get(i), i == 0 && r.chance(0.15) ? 0 : rate); // some leave licensing to the city
        }
        boolean chargesFees = r.chance(0.25);
        double feeMedian = new double[]{60, 15, 3}[li];
        double procurementRate = new double[]{40, 15, 6}[li] * Math.sqrt(scale);

        Map<String, Long> carried = new LinkedHashMap<>();
        for (String c : applicants) {
            carried.put(c, 0L);
        }
        // 2018 is not reported: it only gives 2019 its carried-over requests
        for (int year = DemoPlan.FIRST_YEAR - 1; year <= DemoPlan.LAST_YEAR; year++) {
            Year y = new Year(year);
            double mean = requestMedian * scale * Math.pow(1 + growth, year - DemoPlan.FIRST_YEAR) * r.logNormal(1, 0.25);
            long n = r.poisson(mean);
            long natural = r.binomial(n, naturalShare);
            long[] orgs = r.multinomial(n - natural, orgWeights);
            for (String c : applicants) {
                y.newReceived.put(c, c.equals(naturalColumn) ? natural : orgs[orgColumns.indexOf(c)]);
            }
            y.carriedOver.putAll(carried);
            if (x1Years.contains(year)) {
                shiftCarriedOver(y, Rand.of(seed, agencyId, year, "x1"));
            }
            for (String c : applicants) {
                long available = y.carriedOver.get(c) + y.newReceived.get(c);
                long forward = r.binomial(available, carryRate);
                y.carriedForward.put(c, forward);
                y.handled.put(c, available - forward);
            }
            carried = new LinkedHashMap<>(y.carriedForward);

            for (String row : DOCUMENT_ROWS) {
                if (row.equals("rules")) {
                    // 规章 are made by governments, not by education bureaus
                    y.documents.put(row, new Documents(0, 0, 0, 0, 0));
                    continue;
                }
                long issued = r.poisson(issuedRate);
                long repealed = r.chance(0.35) ? r.binomial(inForce, r.uniform(0.05, 0.25)) : 0;
                long published = issued - r.binomial(issued, 0.1);
                inForce = inForce + issued - repealed;
                if (x2Years.contains(year)) {
                    Rand q = Rand.of(seed, agencyId, year, "x2");
                    inForce += inForce >= 3 && q.chance(0.5) ? -q.between(1, 3) : q.between(1, 3);
                }
                totalPublished += published;
                y.documents.put(row, new Documents(issued, repealed, inForce, published, totalPublished));
            }
            for (String row : ITEM_ROWS) {
                long previous = itemCounts.get(row);
                long change = 0;
                if (r.chance(0.2)) {
                    change = r.chance(0.5) ? r.between(1, 3) : -Math.min(previous, r.between(1, 2));
                }
                itemCounts.put(row, previous + change);
                long decisions = r.poisson(decisionRates.get(row) * r.logNormal(1, 0.2));
                y.items.put(row, new Items(previous, change, decisions));
            }
            y.feeAmount = chargesFees ? money(r.logNormal(feeMedian, 0.5)) : BigDecimal.ZERO;
            y.procurementItems = r.poisson(procurementRate);
            y.procurementAmount = y.procurementItems == 0 ? BigDecimal.ZERO
                    : money(y.procurementItems * r.logNormal(25, 0.8));
            history.years.put(year, y);
        }
        return history;
    }

    /** X1 broken on purpose: one column's carried-over count differs from what was carried forward. */
    private static void shiftCarriedOver(Year y, Rand q) {
        List<String> columns = List.copyOf(y.carriedOver.keySet());
        String column = q.chance(0.7) && columns.contains(NATURAL_PERSON) ? NATURAL_PERSON : q.pick(columns);
        long was = y.carriedOver.get(column);
        long delta = was > 0 && q.chance(0.5) ? -q.between(1, (int) Math.min(3, was)) : q.between(1, 3);
        y.carriedOver.put(column, was + delta);
    }

    /** Yuan to the fen, written as the parser keeps it (12.30 → 12.3, 100.00 → 100). */
    private static BigDecimal money(double value) {
        BigDecimal v = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
