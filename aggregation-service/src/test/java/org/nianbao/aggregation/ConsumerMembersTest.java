package org.nianbao.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.nianbao.aggregation.rollup.PendingCompactor;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.model.region.RegionLevel;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.KafkaResource;
import org.nianbao.testsupport.ReportEvents;

/**
 * The consumer threads of one instance share the roll-up rows of a province and of the country. Reports of every
 * county of a province, each revised twice, spread over all partitions and so over every member: every total must
 * come out exact, each report counted once with its last version, whether its deltas are still pending or already
 * compacted into the rows.
 */
@QuarkusTest
class ConsumerMembersTest {

    @Inject
    PendingCompactor compactor;
    @Inject
    AgroalDataSource dataSource;

    private static final String SECTOR = "EDUCATION";
    private static final int YEAR = 2021;
    private static final String PROVINCE = "640000";

    @Test
    void membersSharingRollupRowsCountEveryReportOnce() throws Exception {
        RegionCatalog regions = RegionCatalog.standard();
        List<Region> counties = regions.all().stream()
                .filter(r -> r.level() == RegionLevel.COUNTY && regions.within(r.code(), PROVINCE)).toList();
        int agencies = 240;
        long expectedSum = 0;
        try (ReportEvents events = ReportEvents.connect()) {
            for (int version = 1; version <= 3; version++) {
                for (int a = 0; a < agencies; a++) {
                    Region county = counties.get(a % counties.size());
                    events.version("members-" + a, "教育局 " + a, county.code(), SECTOR, YEAR, "GOV_2021", version, null,
                            cells(received(a, version)), List.of());
                }
            }
            events.flush();
        }
        for (int a = 0; a < agencies; a++) {
            expectedSum += received(a, 3);
        }
        long expected = expectedSum;
        Eventually.assertThat(Totals.WAIT, () -> {
            Totals country = Totals.of("000000", SECTOR, YEAR);
            assertThat(country.reports()).isEqualTo(agencies);
            assertThat(country.sum("requests.newReceived.total")).isEqualByComparingTo(BigDecimal.valueOf(expected));
        });
        Totals province = Totals.of(PROVINCE, SECTOR, YEAR);
        assertThat(province.reports()).isEqualTo(agencies);
        assertThat(province.sum("requests.newReceived.total")).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(province.filled("requests.newReceived.total")).isEqualTo(agencies);
        long countySums = 0;
        for (Region county : counties) {
            BigDecimal sum = Totals.of(county.code(), SECTOR, YEAR).sum("requests.newReceived.total");
            countySums += sum == null ? 0 : sum.longValueExact();
        }
        assertThat(countySums).as("the counties add up to their province").isEqualTo(expected);

        compactor.compactNow();
        assertThat(pendingDeltas()).as("deltas left pending after compaction").isZero();
        Totals compacted = Totals.of(PROVINCE, SECTOR, YEAR);
        assertThat(compacted.reports()).isEqualTo(agencies);
        assertThat(compacted.sum("requests.newReceived.total")).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(compacted.filled("requests.newReceived.total")).isEqualTo(agencies);

        assertThat(groupMembers()).as("consumer threads in the group").isEqualTo(
                ConfigProvider.getConfig().getValue("nianbao.consumer.threads", Integer.class));
    }

    private static long received(int agency, int version) {
        return 10L * version + agency % 7;
    }

    private static Map<String, BigDecimal> cells(long received) {
        return Map.of("requests.newReceived.total", BigDecimal.valueOf(received));
    }

    private long pendingDeltas() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM rollup_pending")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int groupMembers() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        String group = ConfigProvider.getConfig().getValue("nianbao.consumer.group-id", String.class);
        try (Admin admin = Admin.create(p)) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(group)).all().get();
            return groups.get(group).members().stream().map(m -> m.consumerId()).collect(Collectors.toSet()).size();
        }
    }
}
