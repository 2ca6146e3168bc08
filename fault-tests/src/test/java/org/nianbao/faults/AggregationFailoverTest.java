package org.nianbao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.nianbao.faults.support.FaultSuite;
import org.nianbao.faults.support.Load;
import org.nianbao.faults.support.Recomputation;
import org.nianbao.faults.support.Regions;
import org.nianbao.model.event.Topics;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.KafkaResource;
import org.nianbao.testsupport.ServiceProcess;

/**
 * Two aggregation instances share the consumer group while report versions stream in; one is killed (kill -9) with
 * partitions of its own. The other must take those partitions over and apply their events again within 10 s (the
 * consumer's 6 s session timeout, then a rebalance), and in the end its totals must equal the recomputation from the
 * report service's database exactly.
 */
class AggregationFailoverTest {

    private static final String TEST = "aggregation-failover";
    private static final String GROUP = "nianbao-aggregation";
    private static final String SECOND = "fault-second";
    private static final int AGENCIES = Integer.getInteger("faults.failover.agencies", 600);
    private static final int VERSIONS = 4;
    private static final int[] YEARS = {2019, 2020};
    private static final int THREADS = 6;
    private static final Duration TAKEOVER_WITHIN = Duration.ofSeconds(10);

    @Test
    void theSurvivingInstanceTakesOverTheKilledOnesPartitionsWithinSecondsAndTotalsEndExact() throws Exception {
        ServiceProcess first = FaultSuite.aggregation();
        Map<String, String> env = new HashMap<>(FaultSuite.aggregationEnv());
        env.put("NIANBAO_CONSUMER_INSTANCE_ID", SECOND);
        ServiceProcess second = new ServiceProcess("aggregation-service", env);
        List<String> regions = Regions.testRegions();
        Regions.register("ftfo", AGENCIES, THREADS);
        try (Admin admin = Admin.create(adminProperties())) {
            second.start();
            Eventually.await(Duration.ofSeconds(60), () -> !partitionsOf(admin, SECOND).isEmpty(), () -> { });

            List<Load.Submission> plan = new ArrayList<>();
            for (int v = 1; v <= VERSIONS; v++) {
                for (int a = 0; a < AGENCIES; a++) {
                    for (int year : YEARS) {
                        plan.add(new Load.Submission(Regions.agencyId("ftfo", a), year, ((long) a * 37 + year) * 11 + v));
                    }
                }
            }
            long started = System.nanoTime();
            Load load = new Load(THREADS).start(plan, THREADS, i -> i / YEARS.length % AGENCIES, false);
            Eventually.await(Duration.ofSeconds(120), () -> load.accepted.size() >= plan.size() / 4, () -> { });

            Set<TopicPartition> orphaned = partitionsOf(admin, SECOND);
            Map<TopicPartition, Long> committedAtKill = committed(admin, orphaned);
            assertThat(orphaned).as("the second instance owns partitions before the kill").isNotEmpty();
            second.kill();
            long killed = System.nanoTime();
            FaultSuite.record(TEST, "kill -9 of the second aggregation instance at " + seconds(started) + " s, owning "
                    + orphaned + "; submissions so far: " + load.accepted.size() + " accepted");

            long[] takenOverMs = {-1};
            Eventually.await(Duration.ofSeconds(60), () -> {
                if (takenOverMs[0] < 0 && partitionsOf(admin, "").containsAll(orphaned) && partitionsOf(admin, SECOND).isEmpty()) {
                    takenOverMs[0] = millis(killed);
                }
                return takenOverMs[0] >= 0 && movedOnAll(admin, orphaned, committedAtKill);
            }, () -> { });
            long movedMs = millis(killed);
            FaultSuite.record(TEST, "its partitions assigned to the first instance " + takenOverMs[0] + " ms after the kill; "
                    + "their committed offsets moved on " + movedMs + " ms after it");
            assertThat(takenOverMs[0]).as("ms until the first instance owned the killed one's partitions").isBetween(0L, TAKEOVER_WITHIN.toMillis());
            assertThat(movedMs).as("ms until events of those partitions were applied again").isLessThanOrEqualTo(TAKEOVER_WITHIN.toMillis());

            load.await(300);
            FaultSuite.record(TEST, "submissions done at " + seconds(started) + " s: " + load);
            assertThat(load.accepted).as("every submission accepted (" + load.refusals + ")").hasSize(plan.size());
            List<String> diffs = AggregationServiceKillTest.awaitEqual(regions, Duration.ofSeconds(180));
            int compared = IntStream.of(YEARS).map(y -> Recomputation.of(y).comparedValues(regions)).sum();
            FaultSuite.record(TEST, "caught up at " + seconds(started) + " s; compared " + compared + " values; differences " + diffs.size());
            assertThat(diffs).as("the surviving instance's totals against the recomputation").isEmpty();
            assertThat(first.pid()).as("the first instance kept running").isPositive();
        } finally {
            second.kill();
        }
    }

    /**
     * The report partitions held by members whose static id starts with {@code instancePrefix} ("" for any member
     * of the other instance, i.e. not the second).
     */
    private static Set<TopicPartition> partitionsOf(Admin admin, String instancePrefix) {
        try {
            Set<TopicPartition> owned = new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString));
            for (MemberDescription m : admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members()) {
                String id = m.groupInstanceId().orElse("");
                boolean ofSecond = id.startsWith(SECOND + "-");
                if (instancePrefix.isEmpty() ? !ofSecond : id.startsWith(instancePrefix + "-")) {
                    m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(Topics.REPORTS)).forEach(owned::add);
                }
            }
            return owned;
        } catch (Exception e) {
            throw new IllegalStateException("could not describe the consumer group: " + e, e);
        }
    }

    private static Map<TopicPartition, Long> committed(Admin admin, Set<TopicPartition> partitions) {
        try {
            Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> offsets = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata o = all.get(tp);
                offsets.put(tp, o == null ? -1 : o.offset());
            }
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the group's offsets: " + e, e);
        }
    }

    /** True when every orphaned partition's committed offset moved past its value at the kill (events applied again). */
    private static boolean movedOnAll(Admin admin, Set<TopicPartition> partitions, Map<TopicPartition, Long> atKill) {
        Map<TopicPartition, Long> now = committed(admin, partitions);
        return partitions.stream().allMatch(tp -> now.get(tp) > atKill.get(tp));
    }

    private static Properties adminProperties() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        return p;
    }

    private static long millis(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toMillis();
    }

    private static long seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    }
}
