package org.nianbao.model.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A remembered token stands in for a signature check only while both its own expiry and the cache's age allow. */
class RecentlyVerifiedTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long NOW = 1_800_000_000L; // seconds since the epoch when the test's clock starts

    private long nanos = 42 * SECOND;
    private long epochSeconds = NOW;
    private final RecentlyVerified<String> verified = new RecentlyVerified<>(60, 3, () -> nanos, () -> epochSeconds);

    private void advance(long seconds) {
        nanos += seconds * SECOND;
        epochSeconds += seconds;
    }

    @Test
    void theSameTokenTextIsKnownWithinTheMaximumAge() {
        verified.put("token-a", "caller a", NOW + 3600);
        advance(59);
        assertThat(verified.get("token-a")).isEqualTo("caller a");
        assertThat(verified.get("token-a ")).as("any other text is verified afresh").isNull();
        advance(1);
        assertThat(verified.get("token-a")).as("a minute after the check, the token is checked again").isNull();
    }

    @Test
    void aTokenIsNeverKnownPastItsOwnExpiry() {
        verified.put("short-lived", "caller", NOW + 10);
        advance(9);
        assertThat(verified.get("short-lived")).isEqualTo("caller");
        advance(1);
        assertThat(verified.get("short-lived")).isNull();
    }

    @Test
    void tokensWithoutOrPastAnExpiryAreNotRemembered() {
        verified.put("no-exp", "caller", 0);
        verified.put("expired", "caller", NOW - 1);
        verified.put("expiring-now", "caller", NOW);
        assertThat(verified.get("no-exp")).isNull();
        assertThat(verified.get("expired")).isNull();
        assertThat(verified.get("expiring-now")).isNull();
    }

    @Test
    void whenFullTheExpiredGoFirstThenEverything() {
        verified.put("a", "A", NOW + 5);
        verified.put("b", "B", NOW + 3600);
        verified.put("c", "C", NOW + 3600);
        advance(10); // a has expired
        verified.put("d", "D", NOW + 3600);
        assertThat(verified.get("b")).isEqualTo("B");
        assertThat(verified.get("d")).isEqualTo("D");
        verified.put("e", "E", NOW + 3600); // full of live entries: all go, e stays
        assertThat(verified.get("b")).isNull();
        assertThat(verified.get("c")).isNull();
        assertThat(verified.get("e")).isEqualTo("E");
    }
}
