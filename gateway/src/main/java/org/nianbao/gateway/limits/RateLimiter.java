package org.nianbao.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. A refused request
 * learns how long to wait (Retry-After). Buckets of clients that have gone quiet are dropped.
 */
public final class RateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** @return 0 when the request may go ahead, else the whole seconds to wait before retrying */
    public long acquire(String client) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.entrySet().removeIf(e -> e.getValue().fullAt(now, perSecond, burst));
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, perSecond, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perSecond);
        }
    }

    /**
     * Takes {@code cost} more from the client's bucket, for a request that turned out to be costly; the bucket may
     * go into debt, at most one burst deep, which later requests wait out.
     */
    public void charge(String client, double cost) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, perSecond, burst);
            bucket.tokens = Math.max(-burst, bucket.tokens - cost);
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
        }

        boolean fullAt(long now, double perSecond, double burst) {
            return tokens + (now - updated) / 1e9 * perSecond >= burst;
        }
    }
}
