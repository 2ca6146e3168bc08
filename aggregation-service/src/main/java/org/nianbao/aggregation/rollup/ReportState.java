package org.nianbao.aggregation.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.nianbao.model.event.RegionRef;
import org.nianbao.model.event.ReportData;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.TemplateCatalog;

/** The version of one report that the roll-ups contain, with what it contributed. */
public record ReportState(String agencyId, int year, int version, String status, String agencyName,
                          String regionCode, List<String> ancestors, String sector, String level, String template,
                          LocalDate publishedOn, OffsetDateTime firstSubmittedAt, OffsetDateTime submittedAt,
                          Map<String, BigDecimal> metrics, List<RuleWarning> warnings) {

    /**
     * The state an event's version stores: the metrics are the cells and group cells of its template (an unknown
     * template keeps its cells as given), none for a withdrawal.
     */
    public static ReportState of(ReportData e, TemplateCatalog catalog, OffsetDateTime firstSubmittedAt) {
        Map<String, BigDecimal> metrics = e.withdrawn() ? Map.of()
                : catalog.find(e.template()).map(t -> t.metricValues(e.cells())).orElse(e.cells());
        return new ReportState(e.agencyId(), e.year(), e.version(), e.status(), e.agencyName(), e.regionCode(),
                e.regionPath().stream().map(RegionRef::code).toList(), e.sector(), e.level().name(), e.template(),
                e.publishedOn(), firstSubmittedAt, e.submittedAt(), metrics, e.warnings() == null ? List.of() : e.warnings());
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public record Key(String agencyId, int year) {
    }

    public Key key() {
        return new Key(agencyId, year);
    }
}
