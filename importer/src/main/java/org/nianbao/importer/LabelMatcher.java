package org.nianbao.importer;

import org.nianbao.model.template.Column;
import org.nianbao.model.template.Row;
import org.nianbao.model.template.Table;
import org.nianbao.model.template.Template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches printed labels to the rows and columns of one template, using only the catalog's labels and the
 * vocabulary's aliases.
 * <p>
 * A catalog row label may carry its block (（三）不予公开 1.属于国家秘密) or its spanning header
 * (行政诉讼·未经复议直接起诉); printed tables split those into separate cells, so the specific part alone matches too,
 * and so does a label without its numbering or without a trailing remark ((二)部分公开 for
 * （二）部分公开（区分处理的，…）) as long as it stays unambiguous and is not too short to mean something (其他, 总计).
 */
final class LabelMatcher {

    /** Shorter keys without their numbering would be ambiguous (其他, 总计). */
    private static final int MIN_DERIVED_LENGTH = 4;
    /** Labels compared for slips: long enough to tell a slip from another word, short enough to stay cheap. */
    private static final int MIN_NEAR_LENGTH = 6;
    /** The start of a row's label says which row only when it is this long (1.申请人 starts two rows). */
    private static final int MIN_PREFIX_LENGTH = 10;
    private static final int MAX_NEAR_LENGTH = 48;
    /** At most this share of a label's characters may differ for a slip. */
    private static final double NEAR_SHARE = 0.3;

    /** A row of a table of the template. */
    record RowRef(Table table, Row row) {

        String section() {
            return table.section();
        }

        String code(Column column) {
            return table.section() + "." + row.code() + "." + column.code();
        }

        @Override
        public String toString() {
            return row.label();
        }
    }

    private final Template template;
    private final Vocabulary vocabulary;
    private final Map<String, RowRef> exactRows = new HashMap<>();
    private final Map<String, RowRef> derivedRows = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();
    private final Map<RowRef, Map<String, Column>> columnsByRow = new HashMap<>();
    private final Set<String> headingKeys = new LinkedHashSet<>();
    private final Set<String> columnKeys = new LinkedHashSet<>();
    /** The rows a heading printed before them groups: （六）其他处理 → its rows 1., 2., 3. in GOV_2021. */
    private final Map<String, List<RowRef>> rowsByHeading = new HashMap<>();

    LabelMatcher(Template template, Vocabulary vocabulary) {
        this.template = template;
        this.vocabulary = vocabulary;
        for (Table table : template.tables()) {
            for (Row row : table.rows()) {
                RowRef ref = new RowRef(table, row);
                addRow(ref);
                addColumns(ref);
                if (row.block() != null) {
                    addHeading(row.block());
                }
            }
        }
        derivedRows.keySet().removeAll(exactRows.keySet());
        derivedRows.keySet().removeAll(ambiguous);
    }

    Template template() {
        return template;
    }

    Optional<RowRef> row(String key) {
        RowRef exact = exactRows.get(key);
        return Optional.ofNullable(exact != null ? exact : derivedRows.get(key));
    }

    /**
     * The one row whose label starts with this key and is at most twice as long (1.申请人无正当理由逾期不补正、行政机关不再
     * 处理其政府信 of a label wrapped around its values), if the key is long enough to say; empty otherwise.
     */
    Optional<RowRef> prefixRow(String key) {
        if (key.length() < MIN_PREFIX_LENGTH || key.length() > MAX_NEAR_LENGTH * 2) {
            return Optional.empty();
        }
        RowRef found = null;
        for (Map.Entry<String, RowRef> entry : exactRows.entrySet()) {
            String candidate = entry.getKey();
            if (candidate.length() > key.length() && candidate.length() <= 2 * key.length()
                    && candidate.startsWith(key)) {
                if (found != null && !found.equals(entry.getValue())) {
                    return Optional.empty();
                }
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The row a label printed with a slip names (2.其他法律行政止公开 for 2.其他法律行政法规禁止公开: characters dropped,
     * swapped or misread in a conversion): the one row whose label is within 30 % of the printed label's length
     * in edits, and nearer by two edits than any other. Empty for short labels, where a slip cannot be told from
     * another word.
     */
    Optional<RowRef> nearRow(String key) {
        if (key.length() < MIN_NEAR_LENGTH || key.length() > MAX_NEAR_LENGTH) {
            return Optional.empty();
        }
        int allowed = Math.max(1, (int) Math.round(key.length() * NEAR_SHARE));
        RowRef best = null;
        int bestDistance = Integer.MAX_VALUE;
        int secondDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, RowRef> entry : exactRows.entrySet()) {
            String candidate = entry.getKey();
            if (Math.abs(candidate.length() - key.length()) > allowed + 1) {
                continue;
            }
            int distance = Edits.distance(key, candidate, allowed + 2);
            if (distance < bestDistance) {
                if (best == null || !best.equals(entry.getValue())) {
                    secondDistance = bestDistance;
                }
                bestDistance = distance;
                best = entry.getValue();
            } else if (distance < secondDistance && !entry.getValue().equals(best)) {
                secondDistance = distance;
            }
        }
        return bestDistance <= allowed && secondDistance - bestDistance >= 2 ? Optional.of(best) : Optional.empty();
    }

    /** This template's row with the same code as {@code other}'s (规章 of GOV_2019 → 规章 of GOV_2021), if any. */
    Optional<RowRef> sameRow(RowRef other) {
        for (Table table : template.tables()) {
            if (table.section().equals(other.section())) {
                for (Row row : table.rows()) {
                    if (row.code().equals(other.row().code())) {
                        return Optional.of(new RowRef(table, row));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The rows under a heading (（六）其他处理 in GOV_2021: three rows), in the catalog's order; empty if none. */
    List<RowRef> rowsUnder(String headingKey) {
        return rowsByHeading.getOrDefault(headingKey, List.of());
    }

    /** The column of a row a header label names (unit remarks such as （单位：万元） ignored). */
    Optional<Column> column(RowRef row, String key) {
        return Optional.ofNullable(columnsByRow.get(row).get(LabelKey.withoutUnitRemark(key)));
    }

    boolean isColumnLabel(String key) {
        return columnKeys.contains(LabelKey.withoutUnitRemark(key));
    }

    /** A printed heading that groups rows or columns: 第二十条第（一）项, （三）不予公开, 行政诉讼, 法人或其他组织. */
    boolean isHeading(String key) {
        return headingKeys.contains(key);
    }

    boolean isKnown(String key) {
        return row(key).isPresent() || isColumnLabel(key) || isHeading(key);
    }

    /** Every key this template's tables can be recognised by (for telling templates apart). */
    Set<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>(exactRows.keySet());
        keys.addAll(derivedRows.keySet());
        keys.addAll(columnKeys);
        keys.addAll(headingKeys);
        return keys;
    }

    /** Keys that name a whole row here (（六）其他处理 in GOV_2019). */
    Set<String> rowKeys() {
        Set<String> keys = new LinkedHashSet<>(exactRows.keySet());
        keys.addAll(derivedRows.keySet());
        return keys;
    }

    Set<String> headingKeys() {
        return headingKeys;
    }

    private void addRow(RowRef ref) {
        String label = ref.row().label();
        String[] parts = label.trim().split("\\s+");
        String item = parts[parts.length - 1];
        String[] spanning = item.split("·");
        String specific = spanning[spanning.length - 1];
        for (int i = 0; i < parts.length - 1; i++) {
            addHeading(parts[i]);
            String heading = LabelKey.of(parts[i]);
            for (String key : List.of(heading, LabelKey.withoutNumbering(heading))) {
                List<RowRef> under = rowsByHeading.computeIfAbsent(key, k -> new ArrayList<>());
                if (!under.contains(ref)) {
                    under.add(ref);
                }
            }
        }
        for (int i = 0; i < spanning.length - 1; i++) {
            addHeading(spanning[i]);
        }
        List<String> exact = new ArrayList<>(List.of(LabelKey.of(label.replace("·", "")), LabelKey.of(item.replace("·", "")),
                LabelKey.of(specific)));
        for (String alias : vocabulary.aliasesOf(specific)) {
            exact.add(LabelKey.of(alias));
        }
        for (String key : exact) {
            RowRef earlier = exactRows.putIfAbsent(key, ref);
            if (earlier != null && !earlier.equals(ref)) {
                throw new IllegalStateException("catalog/vocabulary: label " + key + " names two rows of "
                        + template.id() + ": " + earlier + " and " + ref);
            }
            for (String derived : derived(key)) {
                RowRef other = derivedRows.putIfAbsent(derived, ref);
                if (other != null && !other.equals(ref)) {
                    ambiguous.add(derived);
                }
            }
        }
    }

    private void addColumns(RowRef ref) {
        Map<String, Column> byKey = new HashMap<>();
        for (Column column : ref.row().columns()) {
            List<String> labels = new ArrayList<>(List.of(column.label()));
            labels.addAll(vocabulary.aliasesOf(column.label()));
            for (String label : labels) {
                String key = LabelKey.of(label);
                byKey.putIfAbsent(key, column);
                columnKeys.add(key);
            }
            if (column.heading() != null) {
                addHeading(column.heading());
            }
        }
        columnsByRow.put(ref, byKey);
    }

    private void addHeading(String text) {
        String key = LabelKey.of(text);
        headingKeys.add(key);
        for (String alias : vocabulary.aliasesOf(text)) {
            headingKeys.add(LabelKey.of(alias));
        }
        headingKeys.addAll(derived(key));
    }

    /** Variants of a key without numbering and without a trailing remark, if long enough to stay meaningful. */
    private static Set<String> derived(String key) {
        Set<String> variants = new LinkedHashSet<>();
        String noRemark = LabelKey.withoutRemark(key);
        for (String variant : List.of(noRemark, LabelKey.withoutNumbering(key), LabelKey.withoutNumbering(noRemark))) {
            if (!variant.equals(key) && variant.length() >= MIN_DERIVED_LENGTH) {
                variants.add(variant);
            }
        }
        return variants;
    }
}
