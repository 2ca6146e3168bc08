package org.nianbao.aggregation.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.nianbao.model.rules.RuleWarning;

/** The version of one report that the roll-ups contain, with what it contributed. */
public record ReportState(String agencyId, int year, int version, String status, String agencyName,
                          String regionCode, List<String> ancestors, String sector, String level, String template,
                          LocalDate publishedOn, OffsetDateTime firstSubmittedAt, OffsetDateTime submittedAt,
                          Map<String, BigDecimal> metrics, List<RuleWarning> warnings) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public record Key(String agencyId, int year) {
    }

    public Key key() {
        return new Key(agencyId, year);
    }
}
