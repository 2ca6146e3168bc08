package org.nianbao.model.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What tokens verified recently stood for (the gateway's caller, the services' parsed token), by the exact
 * token text, so that a client's next requests skip the RS256 signature check and claim parsing: the largest
 * cost per request after the proxying at the gateway, about 6 % of the report service's CPU under load.
 * <p>
 * Safe because a hit needs the very same signed text: an entry is used only before the token's own expiry and at
 * most {@code maxAgeSeconds} after it was verified (so a rotated or withdrawn key takes effect within that time);
 * after either, the token is verified again from scratch, with the verifier's own rules. Bounded: when full, the
 * expired entries go, and if that is not enough, all of them.
 */
public final class RecentlyVerified<T> {

    private record Entry<T>(T value, long usableUntilNanos) {
    }

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final LongSupplier epochSeconds;

    public RecentlyVerified(long maxAgeSeconds, int maxEntries, LongSupplier nanoClock, LongSupplier epochSeconds) {
        this.maxAgeNanos = maxAgeSeconds * 1_000_000_000L;
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
        this.epochSeconds = epochSeconds;
    }

    /** What a token verified before and still usable stood for, or null: then verify it and {@link #put} it. */
    public T get(String token) {
        Entry<T> entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nanoClock.getAsLong() - entry.usableUntilNanos >= 0) {
            entries.remove(token, entry);
            return null;
        }
        return entry.value();
    }

    /**
     * Remembers a token that has just been verified.
     *
     * @param expiresAt the token's {@code exp} claim (seconds since the epoch); 0 or less: not remembered
     */
    public void put(String token, T value, long expiresAt) {
        long now = nanoClock.getAsLong();
        long secondsLeft = expiresAt - epochSeconds.getAsLong();
        if (expiresAt <= 0 || secondsLeft <= 0) {
            return;
        }
        long usableFor = Math.min(maxAgeNanos, secondsLeft * 1_000_000_000L);
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now - e.usableUntilNanos >= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(token, new Entry<>(value, now + usableFor));
    }
}
