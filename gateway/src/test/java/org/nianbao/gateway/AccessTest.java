package org.nianbao.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nianbao.testsupport.TestTokens;

/**
 * Each role against each class of endpoint, through the gateway to the real services: allowed requests reach
 * the service (whatever it then answers), refused ones get 401 or 403 Problem Details from the gateway.
 */
@QuarkusTest
class AccessTest {

    private static final String REPORT = """
            {"template":"GOV_2021","requests":{"newReceived":{"total":3}}}""";
    private static final String BATCH = "{\"reports\":[{\"agencyId\":\"edu-640323\",\"year\":2022,"
            + REPORT.substring(1) + "]}";

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource({
            // report writes: only the agency itself or an admin
            "anonymous,           PUT,    /api/v1/agencies/edu-640323/reports/2022, 401",
            "submitter:edu-640323, PUT,    /api/v1/agencies/edu-640323/reports/2022, 2xx",
            "submitter:edu-610600, PUT,    /api/v1/agencies/edu-640323/reports/2022, 403",
            "overseer:640000,     PUT,    /api/v1/agencies/edu-640323/reports/2022, 403",
            "admin,               PUT,    /api/v1/agencies/edu-640323/reports/2021, 2xx",
            "submitter:edu-610600, DELETE, /api/v1/agencies/edu-640323/reports/2022, 403",
            // a batch names its agencies in the body: the gateway lets submitters through, the service checks each
            "anonymous,           POST,   /api/v1/reports:batch,                     401",
            "submitter:edu-640323, POST,   /api/v1/reports:batch,                     2xx",
            "submitter:edu-610600, POST,   /api/v1/reports:batch,                     403",
            "overseer:640000,     POST,   /api/v1/reports:batch,                     403",
            // the agency registry and rebuilds: admin only
            "anonymous,           POST,   /api/v1/agencies,                          401",
            "submitter:edu-640323, POST,   /api/v1/agencies,                          403",
            "overseer:000000,     POST,   /api/v1/agencies,                          403",
            "admin,               POST,   /api/v1/agencies,                          2xx",
            "overseer:000000,     POST,   /api/v1/admin/rebuild,                     403",
            "submitter:edu-640323, GET,    /api/v1/admin/rebuild,                     403",
            "admin,               GET,    /api/v1/admin/rebuild,                     2xx",
            // quality detail: overseers within their region's subtree
            "anonymous,           GET,    /api/v1/regions/640300/quality?year=2023,  401",
            "overseer:640000,     GET,    /api/v1/regions/640300/quality?year=2023,  2xx",
            "overseer:620000,     GET,    /api/v1/regions/640300/quality?year=2023,  403",
            "submitter:edu-640323, GET,    /api/v1/regions/640300/quality?year=2023,  403",
            "admin,               GET,    /api/v1/regions/640300/quality?year=2023,  2xx",
            // validate-only: anyone signed in
            "anonymous,           POST,   /api/v1/reports:validate,                  401",
            "overseer:640000,     POST,   /api/v1/reports:validate,                  2xx",
            // public reads: published reports and aggregates
            "anonymous,           GET,    /api/v1/agencies/edu-640323,               2xx",
            "anonymous,           GET,    /api/v1/templates/GOV_2021,                2xx",
            "anonymous,           GET,    /api/v1/reports?region=640000,             2xx",
            "anonymous,           GET,    /api/v1/regions/640000/totals?year=2023,   2xx",
            "anonymous,           GET,    /api/v1/rankings?year=2023&indicator=disclosureRate, 2xx",
            "submitter:edu-640323, GET,    /api/v1/regions/640000/completeness?year=2023, 2xx"})
    void roleAgainstEndpoint(String role, String method, String path, String expected) {
        RequestSpecification request = as(role).contentType("application/json");
        if (path.equals("/api/v1/agencies")) {
            request.body(Map.of("name", "测试局 " + role, "regionCode", "640323", "sector", "EDUCATION",
                    "id", "gw-" + Math.abs((role + System.nanoTime()).hashCode())));
        } else if (path.equals("/api/v1/reports:batch")) {
            request.body(BATCH);
        } else if (!method.equals("GET") && !method.equals("DELETE")) {
            request.body(REPORT.replace("\n", ""));
        }
        var response = request.request(method, path).then();
        if (expected.equals("2xx")) {
            response.statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(200))
                    .and(org.hamcrest.Matchers.lessThan(300)));
        } else {
            response.statusCode(Integer.parseInt(expected)).contentType("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"forged", "expired", "wrong audience"})
    void badTokensAreRefusedEvenForPublicReads(String kind) {
        String token = switch (kind) {
            case "forged" -> TestTokens.forged();
            case "expired" -> TestTokens.expired();
            default -> TestTokens.wrongAudience();
        };
        given().auth().oauth2(token).get("/api/v1/templates").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("not valid"));
        given().auth().oauth2(token).contentType("application/json").body(REPORT)
                .put("/api/v1/agencies/edu-640323/reports/2022").then().statusCode(401);
    }

    static RequestSpecification as(String role) {
        String[] parts = role.strip().split(":");
        return switch (parts[0]) {
            case "anonymous" -> given();
            case "admin" -> given().auth().oauth2(TestTokens.admin());
            case "submitter" -> given().auth().oauth2(TestTokens.submitter(parts[1]));
            case "overseer" -> given().auth().oauth2(TestTokens.overseer(parts[1]));
            default -> throw new IllegalArgumentException(role);
        };
    }
}
