package org.nianbao.model.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A report format (GOV_2019, GOV_2021, LEGACY) as read from {@code catalog.json}.
 * <p>
 * Serializes with Jackson to the form-building shape: id, title, document, years, sections, tables (rows and
 * columns) and groups. The flat cell list is derived and left out; {@link #cells()} gives it in code.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"id", "title", "document", "years", "sections", "tables", "groups"})
@Schema(description = "A report format: its sections, tables (rows × columns, each cell's code = section.row.column), and groups")
public final class Template {

    private final String id;
    private final String title;
    private final String document;
    private final YearRange years;
    private final List<Section> sections;
    private final List<Table> tables;
    private final List<GroupDefinition> groups;
    @Schema(hidden = true)
    private final Map<String, CellDefinition> cells;
    @Schema(hidden = true)
    private final List<CellDefinition> cellList;
    @Schema(hidden = true)
    private final List<String> groupCellCodes;
    /** For each cell that is a member of groups: the positions in {@link #groupCellCodes} it adds to. */
    @Schema(hidden = true)
    private final Map<String, int[]> groupsOfCell;

    Template(String id, String title, String document, YearRange years, List<Section> sections,
             List<Table> tables, List<GroupDefinition> groups) {
        this.id = id;
        this.title = title;
        this.document = document;
        this.years = years;
        this.sections = List.copyOf(sections);
        this.tables = List.copyOf(tables);
        this.groups = List.copyOf(groups);
        Map<String, CellDefinition> byCode = new LinkedHashMap<>();
        for (Table table : tables) {
            for (Row row : table.rows()) {
                for (Column column : row.columns()) {
                    CellDefinition cell = CellDefinition.of(table.section(), row, column);
                    if (byCode.put(cell.code(), cell) != null) {
                        throw new IllegalStateException("catalog: " + id + ": cell " + cell.code() + " is defined twice");
                    }
                }
            }
        }
        this.cells = Collections.unmodifiableMap(byCode);
        this.cellList = List.copyOf(byCode.values());
        this.groupCellCodes = this.groups.stream().flatMap(g -> g.metricCodes().stream()).toList();
        Map<String, int[]> members = codeMap();
        int position = 0;
        for (GroupDefinition group : this.groups) {
            for (String column : group.columnCodes()) {
                for (String member : group.cellCodesFor(column)) {
                    int[] before = members.getOrDefault(member, new int[0]);
                    int[] after = Arrays.copyOf(before, before.length + 1);
                    after[before.length] = position;
                    members.put(member, after);
                }
                position++;
            }
        }
        this.groupsOfCell = members;
    }

    /**
     * A map for metric codes, sized for all of them at once. The codes share long prefixes and their String hashes
     * cluster in the low bits: at HashMap's default sizes up to 9 codes share a bucket, which HashMap then turns into
     * a tree searched by comparing those prefixes. That was a tenth of a rebuild's time (BENCHMARKS.md); at this
     * size a bucket holds at most 3 of the catalog's codes.
     */
    public static <V> Map<String, V> codeMap() {
        return new LinkedHashMap<>(512);
    }

    @JsonProperty
    @Schema(description = "Template id", example = "GOV_2021")
    public String id() {
        return id;
    }

    @JsonProperty
    @Schema(description = "Name", example = "政府信息公开工作年度报告格式（2021）")
    public String title() {
        return title;
    }

    /** The official document that defines the format. */
    @JsonProperty
    @Schema(description = "The official document that defines it", example = "国办公开办函〔2021〕30号")
    public String document() {
        return document;
    }

    @JsonProperty
    @Schema(description = "Report years it is meant for")
    public YearRange years() {
        return years;
    }

    public boolean intendedFor(int year) {
        return years.contains(year);
    }

    /** All six sections; the numeric ones without a table here (all of them for LEGACY) take no cells. */
    @JsonProperty
    @Schema(description = "The six sections")
    public List<Section> sections() {
        return sections;
    }

    @JsonProperty
    @Schema(description = "The numeric sections' tables")
    public List<Table> tables() {
        return tables;
    }

    public Optional<Table> table(String section) {
        return tables.stream().filter(t -> t.section().equals(section)).findFirst();
    }

    @JsonProperty
    @Schema(description = "Derived sums of rows")
    public List<GroupDefinition> groups() {
        return groups;
    }

    /** Every cell, in table order. */
    @Schema(hidden = true)
    public List<CellDefinition> cells() {
        return cellList;
    }

    public Optional<CellDefinition> cell(String code) {
        return Optional.ofNullable(cells.get(code));
    }

    @Schema(hidden = true)
    public Set<String> cellCodes() {
        return cells.keySet();
    }

    /**
     * The cells a row or group code stands for in one column of a section's table: one cell for a row, the member
     * cells for a group ({@code outcome.withheld}), none when the template has no such row, group or column.
     */
    public List<String> cellsFor(String section, String rowOrGroupCode, String columnCode) {
        CellDefinition cell = cells.get(CellDefinition.code(section, rowOrGroupCode, columnCode));
        if (cell != null) {
            return List.of(cell.code());
        }
        return groups.stream()
                .filter(g -> g.section().equals(section) && g.rowCode().equals(rowOrGroupCode)
                        && g.columnCodes().contains(columnCode))
                .findFirst()
                .map(g -> g.cellCodesFor(columnCode))
                .orElse(List.of());
    }

    /**
     * The group cells of a report, e.g. {@code requests.outcome.withheld.total}, summed from its cells.
     * A group whose member cells are all blank stays blank (absent); otherwise blank members count as 0.
     */
    public Map<String, BigDecimal> groupValues(Map<String, BigDecimal> reportCells) {
        // one pass over the filled cells: a report fills a fraction of the members the groups list
        BigDecimal[] sums = new BigDecimal[groupCellCodes.size()];
        for (Map.Entry<String, BigDecimal> cell : reportCells.entrySet()) {
            int[] targets = cell.getValue() == null ? null : groupsOfCell.get(cell.getKey());
            if (targets != null) {
                for (int t : targets) {
                    sums[t] = sums[t] == null ? cell.getValue() : sums[t].add(cell.getValue());
                }
            }
        }
        Map<String, BigDecimal> values = codeMap();
        for (int i = 0; i < sums.length; i++) {
            if (sums[i] != null) {
                values.put(groupCellCodes.get(i), sums[i]);
            }
        }
        return values;
    }

    /** A report's cells plus its group cells: everything an indicator or an aggregate can refer to. */
    public Map<String, BigDecimal> metricValues(Map<String, BigDecimal> reportCells) {
        Map<String, BigDecimal> values = codeMap();
        values.putAll(reportCells);
        values.putAll(groupValues(reportCells));
        return values;
    }

    /** Every group cell code of this template. */
    @Schema(hidden = true)
    public List<String> groupCellCodes() {
        return groupCellCodes;
    }

    @Override
    public String toString() {
        return id;
    }
}
