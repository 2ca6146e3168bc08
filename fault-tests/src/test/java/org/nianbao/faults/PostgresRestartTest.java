package org.nianbao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nianbao.faults.support.FaultSuite;
import org.nianbao.faults.support.Load;
import org.nianbao.faults.support.Regions;
import org.nianbao.faults.support.ReportsDb;
import org.nianbao.faults.support.TopicScan;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.PostgresRestart;

/**
 * PostgreSQL is stopped for a few seconds while client threads submit, and started again; the services are not
 * restarted. During the outage clients get 503 Problem Details (and nothing else of 5xx); afterwards every
 * submission goes through, no report is half-written, and the roll-ups equal the recomputation.
 */
class PostgresRestartTest {

    private static final String TEST = "postgres-restarted";
    private static final int AGENCIES = 150;
    private static final int VERSIONS = 3;
    private static final int[] YEARS = {2019, 2020};
    private static final int THREADS = 6;
    private static final long OUTAGE_MS = 8000;

    @Test
    void clientsGet503DuringTheOutageAndEverythingRecoversWithoutRestarts() throws Exception {
        FaultSuite.aggregation();
        Regions.register("ftpg", AGENCIES, THREADS);
        long logStart = FaultSuite.aggregationLogSize();
        List<Load.Submission> plan = new ArrayList<>();
        for (int v = 1; v <= VERSIONS; v++) {
            for (int a = 0; a < AGENCIES; a++) {
                for (int year : YEARS) {
                    plan.add(new Load.Submission(Regions.agencyId("ftpg", a), year, ((long) a * 11 + year) * 3 + v));
                }
            }
        }
        Load load = new Load(THREADS).start(plan, THREADS, i -> i, true);
        Eventually.await(Duration.ofSeconds(120), () -> load.accepted.size() >= plan.size() / 3, () -> { });
        int before = load.accepted.size();
        long t0 = System.nanoTime();
        PostgresRestart.stop();
        FaultSuite.record(TEST, "PostgreSQL stopped after " + before + " accepted submissions");
        FaultSuite.sleep(OUTAGE_MS / 2);
        FaultSuite.Answer totalsDuringOutage = FaultSuite.get(FaultSuite.aggregation().url() + "/api/v1/regions/640000/totals?year=2020");
        FaultSuite.sleep(OUTAGE_MS / 2);
        int duringOutage = load.accepted.size() - before;
        PostgresRestart.start();
        long outage = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        FaultSuite.record(TEST, "PostgreSQL started again after " + outage + " ms; accepted meanwhile " + duringOutage
                + "; aggregation totals during the outage answered " + totalsDuringOutage.status()
                + " " + totalsDuringOutage.contentType());
        load.await(240);
        FaultSuite.record(TEST, "clients done: " + load + " (each retried until 2xx); first refusals: "
                + load.refusals.stream().limit(2).toList());

        assertThat(load.accepted).as("every submission accepted in the end, with no service restarted").hasSize(plan.size());
        assertThat(load.statuses.keySet()).as("answers besides 2xx: 503 only").allMatch(s -> s < 300 || s == 503);
        assertThat(load.statuses).as("the outage was seen by the clients").containsKey(503);
        assertThat(load.refusals).as("503 answers are Problem Details")
                .allMatch(r -> !r.startsWith("503") || r.contains("\"status\":503"));

        Set<String> stored = ReportsDb.versions();
        List<String> lost = load.acceptedList().stream().map(a -> a.agencyId() + "/" + a.year() + "/v" + a.version())
                .filter(k -> !stored.contains(k)).toList();
        long halfWritten = ReportsDb.headsNotAtNewestVersion();
        long gaps = ReportsDb.versionGaps();
        Eventually.await(Duration.ofSeconds(90), () -> ReportsDb.unsent() == 0, () -> assertThat(ReportsDb.unsent()).isZero());
        List<String> diffs = AggregationServiceKillTest.awaitEqual(Regions.testRegions(), Duration.ofSeconds(120));
        List<TopicScan.Event> ofTest = TopicScan.reports().stream().filter(e -> e.key().startsWith("ftpg-")).toList();
        Set<String> published = ofTest.stream().map(e -> e.agencyId() + "/" + e.year() + "/v" + e.version()).collect(Collectors.toSet());
        List<String> storedUnpublished = stored.stream().filter(k -> k.startsWith("ftpg-") && !published.contains(k)).toList();
        long duplicates = ofTest.size() - published.size();
        List<String> outOfOrder = ReportServiceKillTest.firstSeenOutOfOrder(ofTest);
        long[] consumer = FaultSuite.consumerCounts(logStart);
        FaultSuite.record(TEST, "accepted but not stored " + lost.size() + "; half-written reports " + halfWritten
                + "; version gaps " + gaps + "; events of the test " + ofTest.size() + " (duplicates " + duplicates
                + "), stored but unpublished " + storedUnpublished.size() + ", out of order " + outOfOrder.size()
                + "; duplicates or older events dropped by the consumer: " + consumer[1]
                + "; aggregation against recomputation: differences " + diffs.size());
        assertThat(lost).isEmpty();
        assertThat(halfWritten).isZero();
        assertThat(gaps).isZero();
        assertThat(storedUnpublished).isEmpty();
        assertThat(outOfOrder).isEmpty();
        assertThat(diffs).isEmpty();
        assertThat(FaultSuite.get(FaultSuite.suite().reportService.url() + "/q/health/ready").status()).isEqualTo(200);
        assertThat(FaultSuite.get(FaultSuite.aggregation().url() + "/q/health/ready").status()).isEqualTo(200);
        // last, so that everything above is checked first: the aggregation service's reads during the outage
        assertThat(totalsDuringOutage.status()).as("aggregation totals during the outage: 503 Problem Details, got "
                + totalsDuringOutage.status() + " " + totalsDuringOutage.contentType()).isEqualTo(503);
        assertThat(totalsDuringOutage.contentType()).startsWith("application/problem+json");
    }
}
