package org.nianbao.aggregation.rollup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nianbao.model.event.AgencyData;
import org.nianbao.model.event.ReportData;
import org.nianbao.model.template.TemplateCatalog;

/**
 * Folds a batch of events into the changes it makes: the new report states and the merged roll-up deltas.
 * Pure logic, no I/O: the caller loads the current states of the batch's reports and writes the result in
 * one transaction.
 * <p>
 * Each report version is applied exactly once in effect: a version newer than the stored one replaces the
 * stored one's numbers in every ancestor (subtract the old, add the new), a withdrawal removes them, and a
 * duplicate or older version changes nothing.
 */
public final class BatchChanges {

    private final TemplateCatalog catalog;
    private final MetricPositions positions;
    private final Map<ReportState.Key, ReportState> states;
    private final Map<ReportState.Key, ReportState> changed = new LinkedHashMap<>();
    private final TreeMap<RollupKey, RollupDelta> deltas = new TreeMap<>();
    private final Map<String, AgencyData> agencies = new HashMap<>();
    private int applied;
    private int ignored;

    /** @param current the stored states of (at least) every report the batch names */
    public BatchChanges(TemplateCatalog catalog, MetricPositions positions, Map<ReportState.Key, ReportState> current) {
        this.catalog = catalog;
        this.positions = positions;
        this.states = new HashMap<>(current);
    }

    public void report(ReportData event) {
        ReportState.Key key = new ReportState.Key(event.agencyId(), event.year());
        ReportState old = states.get(key);
        if (old != null && event.version() <= old.version()) {
            ignored++;
            return;
        }
        if (old != null && old.active()) {
            contribute(old, -1);
        }
        ReportState next = ReportState.of(event, catalog, old == null ? event.submittedAt() : old.firstSubmittedAt());
        if (next.active()) {
            contribute(next, +1);
        }
        states.put(key, next);
        changed.put(key, next);
        applied++;
    }

    /** Keeps the newest revision of each agency seen in the batch; the store keeps it only if newer than its own. */
    public void agency(AgencyData event) {
        agencies.merge(event.agencyId(), event, (a, b) -> a.revision() >= b.revision() ? a : b);
        applied++;
    }

    public Map<ReportState.Key, ReportState> changedStates() {
        return changed;
    }

    /** In key order: the order rows are written in. */
    public TreeMap<RollupKey, RollupDelta> deltas() {
        return deltas;
    }

    public List<AgencyData> agencies() {
        return agencies.values().stream().sorted(Comparator.comparing(AgencyData::agencyId)).toList();
    }

    /** The metric positions the batch was folded with; its states are written with the same. */
    public MetricPositions positions() {
        return positions;
    }

    public int applied() {
        return applied;
    }

    /** Duplicates and versions older than the stored one. */
    public int ignored() {
        return ignored;
    }

    private void contribute(ReportState state, int sign) {
        MetricPositions.Indexed metrics = positions.index(state.metrics()); // once per version, not per row
        for (String region : state.ancestors()) {
            for (String level : List.of(RollupKey.ALL_LEVELS, state.level())) {
                deltas.computeIfAbsent(new RollupKey(region, state.sector(), level, state.year()),
                        k -> new RollupDelta(positions.size())).add(metrics, sign);
            }
        }
    }
}
