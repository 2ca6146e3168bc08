package org.nianbao.bench.jmh;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nianbao.model.event.CloudEvent;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.event.RegionRef;
import org.nianbao.model.event.ReportData;
import org.nianbao.model.event.Topics;
import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.testsupport.ReportEvents;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Reading one report event as the aggregation service's consumer and rebuild do: the seed-004 report (盐池县 2020,
 * every filled cell of the 2021 template) as the report service publishes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventReadBench {

    private final byte[] event = event();

    @Benchmark
    public CloudEvent<ReportData> readReportEvent() {
        return EventJson.readReport(event);
    }

    /** Lower bound for any reader: Jackson's tokenizer over the same bytes, field names canonicalised, nothing kept. */
    @Benchmark
    public int tokensOnly() throws java.io.IOException {
        int n = 0;
        try (com.fasterxml.jackson.core.JsonParser p = EventJson.mapper().getFactory().createParser(event)) {
            while (p.nextToken() != null) {
                n++;
            }
        }
        return n;
    }

    /** Tokens and every number as a long where it is whole. */
    @Benchmark
    public long tokensAndLongs() throws java.io.IOException {
        long n = 0;
        try (com.fasterxml.jackson.core.JsonParser p = EventJson.mapper().getFactory().createParser(event)) {
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
                    n += p.getLongValue();
                }
            }
        }
        return n;
    }

    static byte[] event() {
        Map<String, BigDecimal> cells = ReportEvents.fixtureCells("seed-004-yanchi-2020.json");
        List<RegionRef> path = RegionCatalog.standard().path("640323").stream()
                .map(r -> new RegionRef(r.code(), r.name(), r.level())).toList();
        OffsetDateTime now = OffsetDateTime.of(2021, 1, 20, 8, 0, 0, 0, ZoneOffset.UTC);
        ReportData data = new ReportData("agency-0001", "盐池县教育体育局", "640323", path, "EDUCATION",
                AgencyLevel.of(RegionCatalog.standard().get("640323")), 2020, "GOV_2021", LocalDate.of(2021, 1, 20), 2, 1,
                ReportData.ACTIVE, now, cells, List.of());
        String key = Topics.reportKey(data.agencyId(), data.year());
        return EventJson.write(CloudEvent.of(key + "/v2", Topics.REPORT_VERSION_TYPE, "agencies/agency-0001/reports/2020", now, data));
    }
}
