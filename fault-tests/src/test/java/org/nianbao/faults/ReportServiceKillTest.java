package org.nianbao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nianbao.faults.support.FaultSuite;
import org.nianbao.faults.support.Load;
import org.nianbao.faults.support.Recomputation;
import org.nianbao.faults.support.Regions;
import org.nianbao.faults.support.ReportsDb;
import org.nianbao.faults.support.TopicScan;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.ServiceProcess;

/**
 * Client threads submit while the report service is killed (kill -9) once, a third of the way in, and restarted;
 * the clients retry what got no answer, with the submission's Idempotency-Key. Afterwards every submission answered
 * 2xx is stored and on the topic, nothing is stored twice (a retry of a submission that committed before the kill gets
 * its answer from the key's record, written in the same transaction), and no event on the topic lacks its stored
 * version (the outbox is written in the submission's transaction).
 */
class ReportServiceKillTest {

    private static final String TEST = "report-service-killed";
    private static final int AGENCIES = 300;
    private static final int VERSIONS = 3;
    private static final int[] YEARS = {2019, 2020};
    private static final int THREADS = 8;

    @Test
    void everyAcceptedSubmissionIsStoredAndPublishedAndNoEventLacksItsVersion() throws Exception {
        FaultSuite.aggregation();
        ServiceProcess reportService = FaultSuite.suite().reportService;
        Regions.register("ftrep", AGENCIES, THREADS);
        long logStart = FaultSuite.aggregationLogSize();
        List<Load.Submission> plan = new ArrayList<>();
        for (int v = 1; v <= VERSIONS; v++) {
            for (int a = 0; a < AGENCIES; a++) {
                for (int year : YEARS) {
                    plan.add(new Load.Submission(Regions.agencyId("ftrep", a), year, ((long) a * 17 + year) * 5 + v));
                }
            }
        }
        Load load = new Load(THREADS).start(plan, THREADS, i -> i, true);
        Eventually.await(Duration.ofSeconds(120), () -> load.accepted.size() >= plan.size() / 3, () -> { });
        reportService.kill();
        int acceptedAtKill = load.accepted.size();
        FaultSuite.record(TEST, "kill -9 of the report service after " + acceptedAtKill + " accepted submissions");
        FaultSuite.sleep(1000);
        long restart = System.nanoTime();
        reportService.start();
        FaultSuite.record(TEST, "restarted, ready after " + Duration.ofNanos(System.nanoTime() - restart).toMillis() + " ms");
        load.await(300);
        FaultSuite.record(TEST, "clients done: " + load + " (every planned submission retried until 2xx)");

        // every 2xx is stored, as the version its ETag named
        Set<String> stored = ReportsDb.versions();
        List<String> acceptedKeys = load.acceptedList().stream()
                .map(a -> a.agencyId() + "/" + a.year() + "/v" + a.version()).toList();
        assertThat(acceptedKeys).as("accepted submissions (2xx)").hasSize(plan.size()).doesNotHaveDuplicates();
        List<String> lost = acceptedKeys.stream().filter(k -> !stored.contains(k)).toList();
        assertThat(lost).as("accepted submissions missing from the database").isEmpty();
        assertThat(ReportsDb.headsNotAtNewestVersion()).as("head rows not at their newest version").isZero();
        assertThat(ReportsDb.versionGaps()).as("reports with gaps in their version numbers").isZero();

        // the relay drains, then the topic holds every stored version, and nothing that is not stored
        Eventually.await(Duration.ofSeconds(90), () -> ReportsDb.unsent() == 0, () -> assertThat(ReportsDb.unsent()).isZero());
        List<TopicScan.Event> events = TopicScan.reports();
        Set<String> published = events.stream().map(e -> e.agencyId() + "/" + e.year() + "/v" + e.version()).collect(Collectors.toSet());
        List<String> unpublished = acceptedKeys.stream().filter(k -> !published.contains(k)).toList();
        List<String> storedOfTest = stored.stream().filter(k -> k.startsWith("ftrep-")).toList();
        List<String> storedUnpublished = storedOfTest.stream().filter(k -> !published.contains(k)).toList();
        List<String> phantoms = published.stream().filter(k -> !stored.contains(k)).toList();
        List<TopicScan.Event> ofTest = events.stream().filter(e -> e.key().startsWith("ftrep-")).toList();
        Map<String, Integer> seen = new HashMap<>();
        ofTest.forEach(e -> seen.merge(e.key() + "/v" + e.version(), 1, Integer::sum));
        long duplicates = seen.values().stream().mapToInt(n -> n - 1).sum();
        List<String> outOfOrder = firstSeenOutOfOrder(ofTest);
        FaultSuite.record(TEST, "stored versions of the test " + storedOfTest.size() + " (accepted " + acceptedKeys.size()
                + ", more stored than accepted: " + (storedOfTest.size() - acceptedKeys.size()) + " answered by no one)"
                + "; events of the test on the topic " + ofTest.size() + ", duplicate events " + duplicates
                + "; accepted but unpublished " + unpublished.size() + ", stored but unpublished " + storedUnpublished.size()
                + ", events without a stored version " + phantoms.size() + ", keys whose versions first appear out of order "
                + outOfOrder.size());
        assertThat(storedOfTest).as("stored versions of the test: one per submission, none stored twice by a retry")
                .hasSize(acceptedKeys.size());
        assertThat(unpublished).as("accepted submissions whose event is not on the topic").isEmpty();
        assertThat(storedUnpublished).as("stored versions whose event is not on the topic").isEmpty();
        assertThat(phantoms).as("events without a stored version").isEmpty();
        assertThat(outOfOrder).as("keys whose versions first appear out of order").isEmpty();

        // and the roll-ups still equal the recomputation
        List<String> regions = Regions.testRegions();
        List<String> diffs = AggregationServiceKillTest.awaitEqual(regions, Duration.ofSeconds(120));
        FaultSuite.record(TEST, "aggregation against recomputation: differences " + diffs.size()
                + "; duplicates or older events dropped by the consumer: " + FaultSuite.consumerCounts(logStart)[1]);
        assertThat(diffs).isEmpty();
    }

    /** Keys whose versions, taken at their first appearance on the topic, are not 1, 2, 3, … in order. */
    static List<String> firstSeenOutOfOrder(List<TopicScan.Event> events) {
        List<String> wrong = new ArrayList<>();
        TopicScan.byKey(events).forEach((key, list) -> {
            List<Integer> first = list.stream().map(TopicScan.Event::version).distinct().toList();
            for (int i = 0; i < first.size(); i++) {
                if (first.get(i) != i + 1) {
                    wrong.add(key + " " + list.stream().map(TopicScan.Event::version).toList());
                    return;
                }
            }
        });
        return wrong;
    }
}
