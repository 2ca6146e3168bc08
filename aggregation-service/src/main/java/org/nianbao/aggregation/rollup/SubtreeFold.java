package org.nianbao.aggregation.rollup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The roll-up rows of many reports of one sector and year, folded in memory for a bulk rebuild. Reports are
 * first summed per place (the region an agency sits in, and its level); only when a province is done are those
 * sums added up its regions' paths. A report thus costs one addition instead of one per roll-up row it counts in
 * (up to eight), and memory holds one province's rows at a time, plus the country's.
 * <p>
 * Feeding the reports of one sector and year province by province gives the same rows as applying them one by
 * one with {@link BatchChanges}.
 */
public final class SubtreeFold {

    private record Place(String region, String level) {
    }

    private record Direct(List<String> ancestors, String level, RollupDelta sums) {
    }

    private final int metrics;
    private final String sector;
    private final int year;
    private final Map<Place, Direct> direct = new HashMap<>();
    private final Map<RollupKey, RollupDelta> country = new HashMap<>();

    public SubtreeFold(int metrics, String sector, int year) {
        this.metrics = metrics;
        this.sector = sector;
        this.year = year;
    }

    /** One active report of this sector and year: its region path (own region first, country last) and level. */
    public void add(List<String> ancestors, String level, MetricPositions.Indexed values) {
        direct.computeIfAbsent(new Place(ancestors.get(0), level), p -> new Direct(ancestors, level, new RollupDelta(metrics)))
                .sums().add(values, +1);
    }

    /**
     * The rows of every region below the country that the reports added since the last call count in. Call it when
     * a province is done: the rows of a province's regions are complete only once all its reports are in.
     */
    public Map<RollupKey, RollupDelta> takeRegions() {
        Map<RollupKey, RollupDelta> rows = new HashMap<>();
        for (Direct d : direct.values()) {
            String level = d.level();
            List<String> path = d.ancestors();
            for (int i = 0; i < path.size(); i++) {
                Map<RollupKey, RollupDelta> target = i == path.size() - 1 ? country : rows;
                addInto(target, path.get(i), level, d.sums());
                addInto(target, path.get(i), RollupKey.ALL_LEVELS, d.sums());
            }
        }
        direct.clear();
        return rows;
    }

    /** The country's rows: complete once every province's reports are in and taken. */
    public Map<RollupKey, RollupDelta> takeCountry() {
        Map<RollupKey, RollupDelta> rows = new HashMap<>(country);
        country.clear();
        return rows;
    }

    private void addInto(Map<RollupKey, RollupDelta> rows, String region, String level, RollupDelta sums) {
        rows.computeIfAbsent(new RollupKey(region, sector, level, year), k -> new RollupDelta(metrics)).add(sums);
    }
}
