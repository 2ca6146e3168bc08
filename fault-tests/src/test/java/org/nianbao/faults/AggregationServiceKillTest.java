package org.nianbao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nianbao.faults.support.FaultSuite;
import org.nianbao.faults.support.Load;
import org.nianbao.faults.support.Recomputation;
import org.nianbao.faults.support.Regions;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.ServiceProcess;

/**
 * 10,000 report versions go to the report service while the aggregation service consumes them; it is killed
 * (kill -9) three times, each time once its totals have moved since its last start, and restarted. Afterwards
 * its totals must equal the recomputation from the report service's database exactly.
 */
class AggregationServiceKillTest {

    private static final String TEST = "aggregation-killed";
    private static final int AGENCIES = Integer.getInteger("faults.kill-aggregation.agencies", 1250);
    private static final int VERSIONS = 4;
    private static final int[] YEARS = {2019, 2020};
    private static final int THREADS = 6;
    private static final int KILLS = 3;

    @Test
    void totalsAreExactAfterThreeKillsWhileConsuming() throws Exception {
        ServiceProcess aggregation = FaultSuite.aggregation();
        long logStart = FaultSuite.aggregationLogSize();
        List<String> regions = Regions.testRegions();
        Regions.register("ftagg", AGENCIES, THREADS);

        List<Load.Submission> plan = new ArrayList<>();
        for (int v = 1; v <= VERSIONS; v++) {
            for (int a = 0; a < AGENCIES; a++) {
                for (int year : YEARS) {
                    plan.add(new Load.Submission(Regions.agencyId("ftagg", a), year, ((long) a * 31 + year) * 7 + v));
                }
            }
        }
        long started = System.nanoTime();
        Load load = new Load(THREADS).start(plan, THREADS, i -> i / YEARS.length % AGENCIES, false);

        List<String> kills = new ArrayList<>();
        for (int k = 1; k <= KILLS; k++) {
            if (k == 1) { // the first kill once a fifth is in, so that the kills spread over the run
                Eventually.await(Duration.ofSeconds(120), () -> load.accepted.size() >= plan.size() / 5, () -> { });
            }
            long before = progress(aggregation);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            long now = before;
            while ((now == before || now < 0) && System.nanoTime() < deadline) { // consuming: its totals moved
                FaultSuite.sleep(50);
                now = progress(aggregation);
            }
            aggregation.kill();
            String kill = "kill -9 #" + k + " at " + seconds(started) + " s: " + "country total of activeDisclosure.licensing.decisions "
                    + now + " (" + before + " when it started), submissions so far: " + load.accepted.size() + " accepted";
            kills.add(kill);
            FaultSuite.record(TEST, kill);
            aggregation.start();
        }
        load.await(300);
        FaultSuite.record(TEST, "submissions done at " + seconds(started) + " s: " + load);
        assertThat(load.accepted).as("every submission accepted (" + load.refusals + ")").hasSize(plan.size());
        assertThat(kills).hasSize(KILLS);

        List<String> diffs = awaitEqual(regions, Duration.ofSeconds(180));
        long[] consumer = FaultSuite.consumerCounts(logStart);
        int compared = IntStream.of(YEARS).map(y -> Recomputation.of(y).comparedValues(regions)).sum();
        FaultSuite.record(TEST, "caught up at " + seconds(started) + " s; compared " + compared + " values in "
                + regions.size() + " regions x " + YEARS.length + " years; differences " + diffs.size()
                + "; duplicates or older events dropped by the consumer: " + consumer[1]);
        assertThat(diffs).as("aggregation totals against the recomputation").isEmpty();
    }

    /** A number that changes while the consumer applies events: a country total summed over the years; -1 when down. */
    private static long progress(ServiceProcess aggregation) {
        long sum = 0;
        for (int year : YEARS) {
            FaultSuite.Answer a = FaultSuite.get(aggregation.url() + "/api/v1/regions/000000/totals?year=" + year);
            if (!a.ok()) {
                return -1;
            }
            var totals = FaultSuite.json(a.body());
            sum += totals.path("cells").path("activeDisclosure.licensing.decisions").path("sum").asLong();
        }
        return sum;
    }

    static List<String> awaitEqual(List<String> regions, Duration timeout) {
        List<List<String>> last = new ArrayList<>();
        last.add(List.of("not compared yet"));
        Eventually.await(timeout, () -> {
            List<String> diffs = new ArrayList<>();
            for (int year : YEARS) {
                diffs.addAll(Recomputation.of(year).differences(FaultSuite.aggregation().url(), regions));
            }
            last.set(0, diffs);
            return diffs.isEmpty();
        }, () -> { });
        return last.get(0);
    }

    private static long seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    }
}
