package org.nianbao.model.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.rules.RuleWarning;

/**
 * The {@code data} of a report event: one immutable version of one agency's report for one year.
 *
 * @param status          ACTIVE for a submitted version, WITHDRAWN for the version that withdraws the report
 * @param previousVersion the version this one replaces, null for the first
 * @param cells           every filled cell by canonical code; a blank cell is absent, never 0. Empty when withdrawn
 * @param warnings        the cross-check rule warnings stored with the version
 */
public record ReportData(String agencyId, String agencyName, String regionCode, List<RegionRef> regionPath,
                         String sector, AgencyLevel level, int year, String template, @Nullable LocalDate publishedOn,
                         int version, @Nullable Integer previousVersion, String status, OffsetDateTime submittedAt,
                         Map<String, BigDecimal> cells, List<RuleWarning> warnings) {

    public static final String ACTIVE = "ACTIVE";
    public static final String WITHDRAWN = "WITHDRAWN";

    public boolean withdrawn() {
        return WITHDRAWN.equals(status);
    }
}
