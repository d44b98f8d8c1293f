package io.tributary.simulator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A seeded random stream for one component of the simulation. Every component (the arrival process, each
 * shopper, each sensor, each fault) owns a stream derived from the run's seed and its own name, so what one
 * component draws never shifts another's numbers: adding a fault or a sensor leaves every other stream as it
 * was, and the output is the same for a seed whatever the speed or the transports' timing.
 *
 * <p>The distributions are computed here (not by {@code java.util.Random}'s or the JDK's algorithms) so the
 * streams are fixed by this class alone. Not thread-safe: a stream belongs to its component.
 */
public final class Rng {
    private final SplittableRandom random;
    private double spareGaussian = Double.NaN;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The stream of {@code component} in a run with {@code seed}. */
    public static Rng of(long seed, String component) {
        return new Rng(mix(seed ^ mix(fnv1a(component))));
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [min, max). */
    public double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long nextLong() {
        return random.nextLong();
    }

    /** True with probability {@code p}; always draws one number, so the stream advances alike either way. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Standard normal, by the Marsaglia polar method. */
    public double gaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        return u * f;
    }

    /** Normal with {@code mean} and standard deviation {@code sigma}. */
    public double gaussian(double mean, double sigma) {
        return mean + sigma * gaussian();
    }

    /** Exponential with {@code rate} (mean 1/rate). */
    public double exponential(double rate) {
        return -Math.log(1 - random.nextDouble()) / rate;
    }

    /** Log-normal: {@code exp(N(ln median, sigma))}. */
    public double logNormal(double median, double sigma) {
        return Math.exp(Math.log(median) + sigma * gaussian());
    }

    /** Poisson with {@code mean} (Knuth; the means used here are small). */
    public int poisson(double mean) {
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** An index drawn with probability proportional to {@code weights}. */
    public int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.length - 1;
    }

    private static long fnv1a(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
