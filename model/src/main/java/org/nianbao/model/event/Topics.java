package org.nianbao.model.event;

/** Kafka topics and CloudEvents types that the report service publishes and the aggregation service reads. */
public final class Topics {
    /** One record per accepted report version or withdrawal; key {@code agencyId/year}, compacted. */
    public static final String REPORTS = "nianbao.reports.v1";
    /** The agency registry; key {@code agencyId}, compacted. */
    public static final String AGENCIES = "nianbao.agencies.v1";

    public static final String SOURCE = "/nianbao/report-service";
    public static final String REPORT_VERSION_TYPE = "org.nianbao.report.version.v1";
    public static final String REPORT_WITHDRAWN_TYPE = "org.nianbao.report.withdrawn.v1";
    public static final String AGENCY_TYPE = "org.nianbao.agency.v1";

    private Topics() {
    }

    public static String reportKey(String agencyId, int year) {
        return agencyId + "/" + year;
    }
}
