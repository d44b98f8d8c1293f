package io.tributary.simulator.radio;

import io.tributary.simulator.Rng;

/**
 * The log-distance path loss model of one sensor, its calibration applied:
 * {@code RSSI = P0 - 10 n log10(d / d0) + N(0, sigma) - walls + offset}, with {@code d} clamped to at least d0.
 * An emission is heard when that value is at least the sensitivity and the dropout draw spares it.
 *
 * <p>Immutable. {@link #sample} makes the same draws (noise, then dropout) whatever the outcome, and faults are
 * applied to its result afterwards, so a fault never shifts the numbers of later emissions.
 */
public final class PathLoss {
    /** Beyond {@link #rangeM()} an emission is not even sampled: its mean is this many sigmas below sensitivity. */
    static final double RANGE_SIGMAS = 5;

    private final double p0;
    private final double d0;
    private final double n;
    private final double sigma;
    private final double dropout;
    private final double sensitivity;
    private final double offset;
    private final double range;

    public PathLoss(RadioProfile profile, double p0, double n, double offsetDb) {
        this.p0 = p0;
        this.d0 = profile.referenceDistanceM();
        this.n = n;
        this.sigma = profile.noiseSigmaDb();
        this.dropout = profile.dropoutProbability();
        this.sensitivity = profile.sensitivityDbm();
        this.offset = offsetDb;
        double headroom = p0 + offsetDb + RANGE_SIGMAS * sigma - sensitivity;
        this.range = headroom <= 0 ? d0 : d0 * Math.pow(10, headroom / (10 * n));
    }

    /** The model's mean RSSI at {@code distanceM} without walls: {@code P0 - 10 n log10(d / d0) + offset}. */
    public double mean(double distanceM) {
        return p0 - 10 * n * Math.log10(Math.max(distanceM, d0) / d0) + offset;
    }

    /** The distance beyond which nothing is heard in practice (the mean is 5 sigma below sensitivity). */
    public double rangeM() {
        return range;
    }

    public double sensitivityDbm() {
        return sensitivity;
    }

    /** The RSSI of one emission at {@code distanceM} behind {@code wallLossDb} of walls, or NaN when not heard. */
    public double sample(double distanceM, double wallLossDb, Rng rng) {
        double rssi = sampleOpen(distanceM, rng);
        return rssi - wallLossDb < sensitivity ? Double.NaN : rssi - wallLossDb;
    }

    /**
     * The RSSI of one emission at {@code distanceM} before walls, or NaN when it is dropped or too weak even
     * without walls. Walls only weaken a signal, so a caller computes them (a costly geometric test) only for
     * what this returns, then subtracts them and compares with {@link #sensitivityDbm()} again. Same draws as
     * {@link #sample}.
     */
    public double sampleOpen(double distanceM, Rng rng) {
        double rssi = mean(distanceM) + sigma * rng.gaussian();
        boolean dropped = rng.chance(dropout);
        return dropped || rssi < sensitivity ? Double.NaN : rssi;
    }
}
