package org.nianbao.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.report.support.Api.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nianbao.model.event.Topics;
import org.nianbao.report.support.Fixtures;
import org.nianbao.report.support.TopicReader;

/**
 * A generated corpus of malformed and hostile submissions (seeded, so a failure can be replayed): each gets a
 * 4xx Problem Details, nothing is stored or published, and the service stays healthy.
 */
@QuarkusTest
class HostileInputTest {

    private static final int CORPUS = 1_000;
    private static final String[] CELLS = {"requests.newReceived.total", "requests.outcome.withheld.stateSecret.naturalPerson",
            "activeDisclosure.licensing.decisions", "reviewLitigation.reconsideration.total", "activeDisclosure.fees.change"};
    private static final String[] HOSTILE_KEYS = {"newReceived'; DROP TABLE report; --", "requеsts" /* Cyrillic е */,
            "new\u200dReceived", "\u202etotal", "__proto__", "../../etc/passwd", "<script>alert(1)</script>", "total\u0000"};
    private static final Object[] WRONG_VALUES = {"12", true, List.of(1), Map.of("v", 1), "١٢" /* Arabic-Indic digits */,
            "1e3", "NaN", "0x10", "12; DELETE FROM report"};

    @Test
    void everyMalformedSubmissionIsRefusedAndChangesNothing() {
        String agency = Fixtures.newAgency("640323");
        Random random = new Random(20261122);
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        List<String> notProblems = new ArrayList<>();
        for (int i = 0; i < CORPUS; i++) {
            String body = hostile(random, i);
            Response r = given().contentType("application/json").body(body).put("/api/v1/agencies/{a}/reports/2020", agency);
            byStatus.merge(Integer.toString(r.statusCode()), 1, Integer::sum);
            if (r.statusCode() < 400 || r.statusCode() >= 500 || !r.contentType().startsWith("application/problem+json")) {
                notProblems.add("#" + i + " → " + r.statusCode() + " " + r.contentType() + ": " + abbreviate(body));
            }
        }
        assertThat(notProblems).as("answers that were not 4xx Problem Details (by status: %s)", byStatus).isEmpty();

        given().get("/api/v1/agencies/{a}/reports/2020", agency).then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
        // published nothing: once a later report's event is on the topic, any event of the refused ones would be too
        String marker = Fixtures.newAgency("640323");
        given().contentType("application/json").body(Fixtures.report("seed-004-yanchi-2020.json").toString())
                .put("/api/v1/agencies/{a}/reports/2020", marker).then().statusCode(201);
        assertThat(TopicReader.await(Topics.REPORTS, marker + "/2020", 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(TopicReader.read(Topics.REPORTS, e -> e.key().startsWith(agency + "/"))).isEmpty();
    }

    @Test
    void aTenMegabyteBodyIsRefusedWithProblemDetails() {
        String agency = Fixtures.newAgency("640323");
        String huge = "{\"template\":\"GOV_2019\",\"overview\":\"" + "很".repeat(10 * 1024 * 1024 / 3) + "\"}";
        Response r = given().contentType("application/json").body(huge).put("/api/v1/agencies/{a}/reports/2020", agency);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** One malformed body; the kinds rotate so every kind is well represented. */
    private static String hostile(Random random, int i) {
        ObjectNode report = Fixtures.report("seed-004-yanchi-2020.json");
        String cell = CELLS[random.nextInt(CELLS.length)];
        return switch (i % 12) {
            case 0 -> set(report, cell, WRONG_VALUES[random.nextInt(WRONG_VALUES.length)]);
            case 1 -> set(report, cell, random.nextBoolean() ? new java.math.BigDecimal("1e" + (13 + random.nextInt(300)))
                    : new java.math.BigInteger("9".repeat(14 + random.nextInt(30))));
            case 2 -> set(report, cell.endsWith("change") ? "requests.newReceived.total" : cell, -1 - random.nextInt(1000));
            case 3 -> set(report, cell.endsWith("change") ? "requests.newReceived.total" : cell, random.nextInt(100) + 0.5);
            case 4 -> set(report, "requests." + HOSTILE_KEYS[random.nextInt(HOSTILE_KEYS.length)] + ".total", 1);
            case 5 -> report.put(HOSTILE_KEYS[random.nextInt(HOSTILE_KEYS.length)], "x").toString();
            case 6 -> "{\"template\":\"GOV_2019\",\"requests\":" + "{\"a\":".repeat(40 + random.nextInt(2000))
                    + "1" + "}".repeat(0) + "}";
            case 7 -> report.put("template", new String[] {"GOV_2019 ", "gov_2019", "GOV_2020", "'; DROP TABLE report; --",
                    "GOV\u200b2019", ""}[random.nextInt(6)]).toString();
            case 8 -> report.toString().substring(0, 1 + random.nextInt(report.toString().length() - 2));
            case 9 -> new String[] {"[]", "null", "42", "\"report\"", "{\"template\":NaN}", "{} {}", "{\"template\":\"GOV_2019\"} trailing",
                    "{\"template\": \"GOV_2019\", /* comment */ \"year\": 2020}", "\uFEFF\uFEFF{", "{'template':'GOV_2019'}"}[random.nextInt(10)];
            case 10 -> report.put("problems", "问".repeat(65_537 + random.nextInt(1000))).toString();
            default -> report.put("publishedOn", new String[] {"2020-13-01", "yesterday", "2020/01/20", "20200120", "0000-00-00"}[random.nextInt(5)]).toString();
        };
    }

    private static String set(ObjectNode report, String code, Object value) {
        String[] path = code.split("\\.");
        ObjectNode node = report;
        for (int i = 0; i < path.length - 1; i++) {
            node = node.has(path[i]) && node.get(path[i]).isObject() ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
        }
        node.putPOJO(path[path.length - 1], value);
        return report.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…(" + body.length() + " chars)" : body;
    }
}
