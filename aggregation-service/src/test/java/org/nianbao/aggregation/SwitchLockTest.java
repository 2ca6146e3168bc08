package org.nianbao.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.nianbao.aggregation.rollup.EventApplier;
import org.nianbao.aggregation.rollup.Tables;
import org.nianbao.model.event.CloudEvent;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.event.RegionRef;
import org.nianbao.model.event.ReportData;
import org.nianbao.model.event.Topics;
import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.region.RegionLevel;
import org.assertj.core.api.Assertions;

/**
 * While a rebuild swaps the tables (it holds the switch lock exclusively), live batches of every instance wait,
 * so none is written into tables that are about to be replaced.
 */
@QuarkusTest
class SwitchLockTest {

    @Inject
    EventApplier applier;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLiveBatchWaitsForTheSwitchOver() throws Exception {
        ReportData data = new ReportData("lock-1", "测试局", "640323",
                List.of(new RegionRef("640323", "盐池县", RegionLevel.COUNTY), new RegionRef("640000", "宁夏回族自治区", RegionLevel.PROVINCE),
                        new RegionRef("000000", "全国", RegionLevel.COUNTRY)),
                "GOVERNMENT", AgencyLevel.COUNTY, 2020, "GOV_2019", null, 1, null, ReportData.ACTIVE,
                OffsetDateTime.now(ZoneOffset.UTC), Map.of("requests.newReceived.total", BigDecimal.ONE), List.of());
        byte[] value = EventJson.write(CloudEvent.of("lock-1/2020/v1", Topics.REPORT_VERSION_TYPE, "x", OffsetDateTime.now(), data));
        List<ConsumerRecord<String, byte[]>> batch = List.of(new ConsumerRecord<>(Topics.REPORTS, 0, 0L, "lock-1/2020", value));

        try (Connection rebuild = dataSource.getConnection(); Statement s = rebuild.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + Tables.SWITCH_LOCK + ")");
            CompletableFuture<EventApplier.Outcome> live = CompletableFuture.supplyAsync(() -> {
                try {
                    return applier.apply(batch, Tables.LIVE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Assertions.assertThatThrownBy(() -> live.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            s.execute("SELECT pg_advisory_unlock(" + Tables.SWITCH_LOCK + ")");
            assertThat(live.get(10, TimeUnit.SECONDS).applied()).isEqualTo(1);
        }
    }
}
