package io.tributary.simulator.shoppers;

import io.tributary.simulator.Rng;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A non-homogeneous Poisson process with a rate that is constant within each local hour of the day
 * ({@code arrivals.per.hour}). Exact for that piecewise-constant rate: an exponential gap is drawn at the current
 * hour's rate, and a gap that would cross into the next hour restarts there (the process is memoryless).
 * Times are milliseconds after the scenario's start, with fractions kept internally.
 */
public final class Arrivals {
    private final double[] perHour;
    private final ZoneId zone;
    private final long startEpochMs;
    private final Rng rng;
    private double t;

    public Arrivals(double[] perHour, ZoneId zone, long startEpochMs, Rng rng) {
        this.perHour = perHour.clone();
        this.zone = zone;
        this.startEpochMs = startEpochMs;
        this.rng = rng;
    }

    /** The next arrival time, or {@link Long#MAX_VALUE} when no hour has arrivals. */
    public double next() {
        double total = 0;
        for (double r : perHour) total += r;
        if (total == 0) return Long.MAX_VALUE;
        while (true) {
            ZonedDateTime now = Instant.ofEpochMilli(startEpochMs + (long) Math.floor(t)).atZone(zone);
            double hourEnd = now.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant().toEpochMilli() - startEpochMs;
            double ratePerMs = perHour[now.getHour()] / 3_600_000.0;
            if (ratePerMs > 0) {
                double candidate = t + rng.exponential(ratePerMs);
                if (candidate < hourEnd) {
                    t = candidate;
                    return t;
                }
            }
            t = hourEnd;
        }
    }
}
