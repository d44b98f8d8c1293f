package io.tributary.simulator.shoppers;

import io.tributary.simulator.Rng;
import io.tributary.simulator.sensors.Emission;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The shoppers in the mall: admits arrivals, lets everyone emit and move each step, and lets those who left go.
 * Shoppers are kept in arrival order, which is also the order of their rows in the truth. Not thread-safe.
 */
public final class Crowd {
    private final ShopperContext ctx;
    private final Population population;
    private final Arrivals arrivals;
    private final ZoneId zone;
    private final long seed;
    private final List<Shopper> active = new ArrayList<>();
    private double nextArrival;
    private long order;

    public Crowd(ShopperContext ctx, Population population, Arrivals arrivals, ZoneId zone, long seed) {
        this.ctx = ctx;
        this.population = population;
        this.arrivals = arrivals;
        this.zone = zone;
        this.seed = seed;
        this.nextArrival = arrivals.next();
    }

    /** Lets in everyone arriving before {@code t1}. */
    public void admit(long t1) {
        while (nextArrival < t1) {
            long day = Instant.ofEpochMilli(ctx.startEpochMs() + (long) nextArrival).atZone(zone).toLocalDate()
                    .toEpochDay();
            Profile profile = population.arrive(day);
            order++;
            active.add(new Shopper(ctx, profile, order, nextArrival, Rng.of(seed, "visit/" + order)));
            nextArrival = arrivals.next();
        }
    }

    /** Every phone's emissions until {@code t1}. */
    public void emissions(long t1, List<Emission> out) {
        for (Shopper s : active) s.emissions(t1, out);
    }

    /** Moves everyone until {@code t1}; finished stays go to {@code events}. */
    public void move(long t1, List<VisitEvent> events) {
        for (Iterator<Shopper> it = active.iterator(); it.hasNext();) {
            Shopper s = it.next();
            s.step(t1, events);
            if (s.gone()) {
                population.left(s.profile());
                it.remove();
            }
        }
    }

    /** The shoppers in the mall, in arrival order. */
    public List<Shopper> active() {
        return Collections.unmodifiableList(active);
    }

    /** How many visits began so far. */
    public long visits() {
        return order;
    }
}
