package org.nianbao.report.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists the current versions of reports by region subtree, sector, year, level and status. */
@ApplicationScoped
public class ReportQuery {

    @Inject
    EntityManager em;

    public record Filter(String regionPrefix, String sector, Integer year, String level, String status) {
    }

    public ReportPage list(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE r.current_version > 0");
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.regionPrefix() != null && !f.regionPrefix().isEmpty()) {
            where.append(" AND a.region_code LIKE :region");
            params.put("region", f.regionPrefix() + "%");
        }
        if (f.sector() != null) {
            where.append(" AND a.sector = :sector");
            params.put("sector", f.sector());
        }
        if (f.year() != null) {
            where.append(" AND r.year = :year");
            params.put("year", f.year());
        }
        if (f.level() != null) {
            where.append(" AND a.level = :level");
            params.put("level", f.level());
        }
        if (f.status() != null) {
            where.append(" AND r.status = :status");
            params.put("status", f.status());
        }
        String from = " FROM report r JOIN agency a ON a.id = r.agency_id"
                + " JOIN report_version v ON v.agency_id = r.agency_id AND v.year = r.year AND v.version = r.current_version";
        Query count = em.createNativeQuery("SELECT count(*)" + from + where);
        Query rows = em.createNativeQuery("SELECT r.agency_id, a.name, a.region_code, a.sector, a.level, r.year,"
                + " r.current_version, r.status, v.template, v.published_on, v.submitted_at, jsonb_array_length(v.warnings)"
                + from + where + " ORDER BY a.region_code, r.agency_id, r.year LIMIT :limit OFFSET :offset");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        rows.setParameter("limit", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        List<ReportSummary> items = found.stream().map(ReportQuery::summary).toList();
        return new ReportPage(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    private static ReportSummary summary(Object[] r) {
        return new ReportSummary((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), (String) r[7], (String) r[8],
                date(r[9]), timestamp(r[10]), ((Number) r[11]).intValue());
    }

    /** The JDBC driver and Hibernate version decide between java.sql.Date and LocalDate; accept both. */
    private static java.time.LocalDate date(Object value) {
        if (value == null || value instanceof java.time.LocalDate) {
            return (java.time.LocalDate) value;
        }
        return ((Date) value).toLocalDate();
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
