package org.nianbao.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

    @Test
    void aBurstPassesThenTheClientWaitsForTheRefill() {
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).as("seconds to wait").isEqualTo(1);
        now.addAndGet(500_000_000L); // half a second at 2/s refills one request
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        assertThat(limiter.acquire("a")).isPositive();
        assertThat(limiter.acquire("b")).isZero();
    }

    @Test
    void refusedRequestsDoNotPostponeTheNextOne() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("flood");
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire("flood")).isPositive();
        }
        now.addAndGet(500_000_000L);
        assertThat(limiter.acquire("flood")).as("a flood gets the refill rate through, no less").isZero();
    }

    @Test
    void aCostlyRequestIsChargedAndTheDebtIsBounded() {
        assertThat(limiter.acquire("c")).isZero();
        limiter.charge("c", 10);
        assertThat(limiter.acquire("c")).as("3 - 1 - 10 leaves a debt of 3 (one burst at most): 2 s at 2/s").isEqualTo(2);
        now.addAndGet(2_000_000_000L);
        assertThat(limiter.acquire("c")).isZero();
        assertThat(limiter.acquire("d")).as("another client is not charged").isZero();
    }
}
