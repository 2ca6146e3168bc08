package org.nianbao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.Concurrently;
import org.nianbao.faults.support.FaultSuite;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.TestTokens;

/**
 * Twenty clients revise one report at once, first unguarded, then all with the same ETag: versions stay strictly
 * sequential, exactly one write wins per ETag, and the aggregates end up with the last version's numbers.
 */
class ConcurrentRevisionsTest {

    private static final int CLIENTS = 20;
    private static final String AGENCY = "ftcon-0";
    private static final String COUNTY = "654326"; // 吉木乃县: no other fault test reports there, and 2018 is ours alone
    private static final int YEAR = 2018;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theAggregatesReflectTheLastOfTwentyConcurrentRevisions() throws Exception {
        FaultSuite.aggregation();
        FaultSuite.registerAgency(AGENCY, COUNTY);
        String reports = FaultSuite.suite().reportService.url();

        List<Integer> unguarded = Concurrently.run(CLIENTS, i -> put(reports, 1000 + i, null));
        assertThat(unguarded).allMatch(s -> s == 200 || s == 201);
        assertLastVersionIsAggregated(reports, CLIENTS);

        List<Integer> guarded = Concurrently.run(CLIENTS, i -> put(reports, 2000 + i, "\"v" + CLIENTS + "\""));
        assertThat(guarded).filteredOn(s -> s == 200).hasSize(1);
        assertThat(guarded).filteredOn(s -> s == 412).hasSize(CLIENTS - 1);
        assertLastVersionIsAggregated(reports, CLIENTS + 1);
        FaultSuite.record("concurrent-revisions", "20 unguarded writes → versions 1..20; 20 writes with If-Match \"v20\" → "
                + "1 × 200, 19 × 412; totals equal the last version");
    }

    private void assertLastVersionIsAggregated(String reports, int expectedVersion) {
        JsonNode versions = FaultSuite.json(FaultSuite.get(reports + "/api/v1/agencies/" + AGENCY + "/reports/" + YEAR + "/versions").body());
        List<Integer> numbers = new ArrayList<>();
        versions.forEach(v -> numbers.add(v.get("version").asInt()));
        List<Integer> sequential = new ArrayList<>();
        for (int v = 1; v <= expectedVersion; v++) {
            sequential.add(v);
        }
        assertThat(numbers).isEqualTo(sequential);
        BigDecimal last = FaultSuite.dec(versions.get(versions.size() - 1).at("/activeDisclosure/licensing/decisions"));
        String totals = FaultSuite.aggregation().url() + "/api/v1/regions/" + COUNTY + "/totals?year=" + YEAR;
        Eventually.assertThat(Duration.ofSeconds(60), () -> {
            JsonNode t = FaultSuite.json(FaultSuite.get(totals).body());
            assertThat(t.get("reports").asInt()).isEqualTo(1);
            assertThat(FaultSuite.dec(t.at("/cells/activeDisclosure.licensing.decisions/sum"))).isEqualByComparingTo(last);
        });
    }

    private int put(String reports, int decisions, String ifMatch) throws Exception {
        String body = FaultSuite.json(FaultSuite.report(decisions)).toString()
                .replaceFirst("\"decisions\":\\d+", "\"decisions\":" + decisions);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(reports + "/api/v1/agencies/" + AGENCY + "/reports/" + YEAR))
                .header("Authorization", "Bearer " + TestTokens.admin()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
