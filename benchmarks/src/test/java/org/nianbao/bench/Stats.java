package org.nianbao.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one measured series, in nanoseconds; quantiles by the nearest-rank method. */
final class Stats {

    private final List<Long> nanos = new ArrayList<>();

    synchronized void add(long nanos) {
        this.nanos.add(nanos);
    }

    synchronized int count() {
        return nanos.size();
    }

    synchronized double quantileMs(double q) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    double p50() {
        return quantileMs(0.50);
    }

    double p99() {
        return quantileMs(0.99);
    }
}
