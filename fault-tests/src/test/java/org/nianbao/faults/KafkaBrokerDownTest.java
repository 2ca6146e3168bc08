package org.nianbao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.faults.support.FaultSuite;
import org.nianbao.faults.support.Load;
import org.nianbao.faults.support.Regions;
import org.nianbao.faults.support.ReportsDb;
import org.nianbao.faults.support.TopicScan;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.KafkaResource;

/**
 * The broker is stopped; 1,000 submissions must all be accepted meanwhile (they wait in the outbox). Once it is
 * back, every event is on the topic once, in version order per key, and the roll-ups equal the recomputation.
 */
class KafkaBrokerDownTest {

    private static final String TEST = "kafka-down";
    private static final int AGENCIES = 250;
    private static final int VERSIONS = 2;
    private static final int[] YEARS = {2019, 2020};
    private static final int THREADS = 6;

    @Test
    void submissionsSucceedWhileTheBrokerIsDownAndEveryEventFollowsOnceInOrder() throws Exception {
        FaultSuite.aggregation();
        Regions.register("ftkaf", AGENCIES, THREADS);
        Eventually.await(Duration.ofSeconds(60), () -> ReportsDb.unsent() == 0, () -> assertThat(ReportsDb.unsent()).isZero());
        long logStart = FaultSuite.aggregationLogSize();

        List<Load.Submission> plan = new ArrayList<>();
        for (int v = 1; v <= VERSIONS; v++) {
            for (int a = 0; a < AGENCIES; a++) {
                for (int year : YEARS) {
                    plan.add(new Load.Submission(Regions.agencyId("ftkaf", a), year, ((long) a * 13 + year) * 3 + v));
                }
            }
        }
        long down = System.nanoTime();
        KafkaResource.stopBroker();
        FaultSuite.record(TEST, "broker stopped");
        Load load;
        long waiting;
        try {
            load = new Load(THREADS).start(plan, THREADS, i -> i / YEARS.length % AGENCIES, false);
            load.await(240);
            waiting = ReportsDb.unsent();
            // hold the outage for at least 20 s: the relay backs off, the consumer loses its broker too
            FaultSuite.sleep(Math.max(0, 20_000 - Duration.ofNanos(System.nanoTime() - down).toMillis()));
            FaultSuite.record(TEST, "submissions while the broker was down: " + load + "; outbox rows waiting " + waiting
                    + "; outage lasted " + Duration.ofNanos(System.nanoTime() - down).toSeconds() + " s");
        } finally {
            KafkaResource.startBroker();
        }
        long up = System.nanoTime();
        FaultSuite.record(TEST, "broker started again");
        assertThat(load.accepted).as("submissions accepted during the outage (" + load.refusals + ")").hasSize(plan.size());
        assertThat(waiting).as("events held in the outbox during the outage").isGreaterThanOrEqualTo(plan.size());

        Eventually.await(Duration.ofSeconds(120), () -> ReportsDb.unsent() == 0, () -> assertThat(ReportsDb.unsent()).isZero());
        long drained = Duration.ofNanos(System.nanoTime() - up).toMillis();
        List<TopicScan.Event> ofTest = TopicScan.reports().stream().filter(e -> e.key().startsWith("ftkaf-")).toList();
        List<String> notOnceInOrder = new ArrayList<>();
        TopicScan.byKey(ofTest).forEach((key, events) -> {
            List<Integer> versions = events.stream().map(TopicScan.Event::version).toList();
            if (!versions.equals(List.of(1, 2))) {
                notOnceInOrder.add(key + " " + versions);
            }
        });
        FaultSuite.record(TEST, "outbox drained " + drained + " ms after the broker came back; events of the test on the topic "
                + ofTest.size() + " for " + TopicScan.byKey(ofTest).size() + " keys; keys not exactly [1, 2]: " + notOnceInOrder.size());
        assertThat(ofTest).as("events of the test").hasSize(plan.size());
        assertThat(notOnceInOrder).as("keys whose events are not v1, v2 once each, in order").isEmpty();

        List<String> diffs = AggregationServiceKillTest.awaitEqual(Regions.testRegions(), Duration.ofSeconds(120));
        long[] consumer = FaultSuite.consumerCounts(logStart);
        FaultSuite.record(TEST, "aggregation against recomputation: differences " + diffs.size()
                + "; duplicates or older events dropped by the consumer: " + consumer[1]);
        assertThat(diffs).isEmpty();
    }
}
