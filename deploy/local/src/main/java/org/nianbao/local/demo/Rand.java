package org.nianbao.local.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random stream with the few distributions the demo data needs. Every stream is derived from the run's
 * seed and a key (an agency id, a year, a purpose), so an agency's data does not depend on which other agencies
 * were picked, nor on the order they are generated in: a run of 200 agencies makes exactly the data those 200 get
 * in a run of the whole country.
 */
final class Rand {

    private final SplittableRandom random;

    private Rand(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The stream for {@code seed} and the given keys (String.hashCode is specified, so this is stable). */
    static Rand of(long seed, Object... keys) {
        long h = mix(seed);
        for (Object key : keys) {
            h = mix(h ^ String.valueOf(key).hashCode() * 0x9E3779B97F4A7C15L);
        }
        return new Rand(h);
    }

    /** SplitMix64's finaliser: spreads the bits of a seed. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double unit() {
        return random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Uniform in [from, to]. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    double gaussian() {
        // Box–Muller; one value per call keeps the stream simple
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Log-normal with the given median and spread (sigma of the logarithm). */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * gaussian());
    }

    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /** Poisson: Knuth's method for small means, a rounded normal for large ones. */
    long poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Binomial: one draw per trial for small n, a clamped rounded normal for large ones. */
    long binomial(long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n > 200) {
            double mean = n * p;
            long k = Math.round(mean + Math.sqrt(mean * (1 - p)) * gaussian());
            return Math.max(0, Math.min(n, k));
        }
        long k = 0;
        for (long i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    /** An index drawn with the given (not necessarily normalised, non-negative) weights. */
    int weighted(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double x = random.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Splits n items over the weights: a multinomial draw, item by item for small n. */
    long[] multinomial(long n, double[] weights) {
        long[] counts = new long[weights.length];
        if (n <= 0) {
            return counts;
        }
        if (n <= 400) {
            for (long i = 0; i < n; i++) {
                counts[weighted(weights)]++;
            }
            return counts;
        }
        // sequential binomials: exact in distribution up to the normal approximation of binomial()
        double rest = 0;
        for (double w : weights) {
            rest += w;
        }
        long left = n;
        for (int i = 0; i < weights.length - 1 && left > 0; i++) {
            double p = rest <= 0 ? 0 : weights[i] / rest;
            counts[i] = binomial(left, Math.min(1, p));
            left -= counts[i];
            rest -= weights[i];
        }
        counts[weights.length - 1] += left;
        return counts;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
