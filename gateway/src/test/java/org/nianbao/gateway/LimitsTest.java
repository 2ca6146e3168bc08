package org.nianbao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.nianbao.testsupport.ProblemAnswers.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nianbao.testsupport.TestTokens;

/**
 * A client over its rate gets 429 with Retry-After, whether or not its token is valid; a service that is down
 * gives 503 Problem Details. Other client addresses are stood for with X-Forwarded-For (trusted in tests).
 */
@QuarkusTest
class LimitsTest {

    @Test
    void aFloodingClientIsLimitedAndToldWhenToRetry() throws Exception {
        String token = TestTokens.of("flooder", Set.of("submitter"));
        // 8 clients' worth of requests from one token: far above its refill rate on any machine
        AtomicReference<Response> limited = new AtomicReference<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    while (limited.get() == null && sent.incrementAndGet() <= 3000) {
                        Response r = given().auth().oauth2(token).get("/api/v1/templates/LEGACY");
                        if (r.statusCode() == 429) {
                            limited.compareAndSet(null, r);
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
        }
        assertThat(limited.get()).as("a 429 within %d requests", sent.get()).isNotNull();
        assertThat(limited.get().header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(limited.get().contentType()).startsWith("application/problem+json");
        // another client is not affected
        given().auth().oauth2(TestTokens.of("calm-client", Set.of("submitter"))).get("/api/v1/templates/LEGACY")
                .then().statusCode(200);
    }

    @Test
    void invalidTokensAreLimitedByAddressBeforeTheyAreVerified() throws Exception {
        String flooder = "203.0.113.7";
        AtomicReference<Response> limited = new AtomicReference<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger unauthenticated = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    int i;
                    while (limited.get() == null && (i = sent.incrementAndGet()) <= 5000) {
                        Response r = given().header("X-Forwarded-For", flooder).auth().oauth2("invalid-" + i)
                                .get("/api/v1/templates/LEGACY");
                        if (r.statusCode() == 429) {
                            limited.compareAndSet(null, r);
                        } else if (r.statusCode() == 401) {
                            unauthenticated.incrementAndGet();
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
        }
        assertThat(limited.get()).as("a 429 within %d invalid-token requests", sent.get()).isNotNull();
        // in tests an address has a burst of 200 requests, and a failed token takes 1 + 5 of them: at least 33 are
        // answered (401) before the first refusal, more as the bucket refills meanwhile
        assertThat(unauthenticated.get()).as("the address's burst was answered first").isGreaterThanOrEqualTo(200 / 6);
        assertThat(limited.get().header("Retry-After")).matches("[1-9][0-9]*");
        assertProblem(429, limited.get().statusCode(), limited.get().contentType(), limited.get().asString());
        // another address is not starved: signed in or not
        given().header("X-Forwarded-For", "203.0.113.8").auth().oauth2(TestTokens.admin()).get("/api/v1/templates/LEGACY")
                .then().statusCode(200);
        given().header("X-Forwarded-For", "203.0.113.9").get("/api/v1/templates/LEGACY").then().statusCode(200);
    }

    @Test
    void aServiceThatIsDownGives503AndTheOtherKeepsServing() {
        SuiteResource.aggregationService.stop();
        try {
            given().queryParam("year", 2023).get("/api/v1/regions/640000/totals").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("title", equalTo("Service unavailable"));
            given().get("/api/v1/templates/LEGACY").then().statusCode(200);
        } finally {
            SuiteResource.aggregationService.start();
        }
        given().queryParam("year", 2023).get("/api/v1/regions/640000/totals").then().statusCode(200);
    }
}
