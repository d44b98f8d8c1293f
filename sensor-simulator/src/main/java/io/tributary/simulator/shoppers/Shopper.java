package io.tributary.simulator.shoppers;

import io.tributary.simulator.Rng;
import io.tributary.simulator.mall.Entrance;
import io.tributary.simulator.mall.NavGraph;
import io.tributary.simulator.mall.Point;
import io.tributary.simulator.mall.Store;
import io.tributary.simulator.radio.RadioKind;
import io.tributary.simulator.scenario.DeviceSpec;
import io.tributary.simulator.scenario.PopulationSpec;
import io.tributary.simulator.sensors.Emission;
import java.util.ArrayList;
import java.util.List;

/**
 * One visit of one shopper: enters at an entrance, walks the corridors to each store of an itinerary, browses
 * inside for a log-normal dwell time, and leaves through an entrance. The phone probes / advertises on its own
 * schedule and, if it randomises, changes MACs per visit and every rotation interval.
 *
 * <p>Movement: corridor routes come from the {@link NavGraph}, each waypoint displaced within the node's lane
 * radius so walkers spread across the corridor; walking speed is the shopper's base speed (uniform between the
 * population's bounds) varied per step by Gaussian noise and kept within the bounds. In a store the shopper
 * strolls between random spots at browsing speed with exponential pauses, and heads for the door in time to
 * cross it when the dwell time is over. Time is in milliseconds after the scenario's start. Each visit draws from
 * its own random stream. Not thread-safe.
 */
public final class Shopper {
    private enum State { WALKING, BROWSING, PAUSED, LEAVING_STORE, GONE }

    private static final double MIN_CHECK_MS = 50;

    private final ShopperContext ctx;
    private final Profile profile;
    private final long order;
    private final Rng rng;
    private final int[] stores;
    private final double[] dwellMs;
    private final int exitEntrance;
    private final double arrivedAt;
    private final double baseSpeed;
    private final List<Point> waypoints = new ArrayList<>();
    private State state = State.WALKING;
    private int leg;
    private int wp;
    private int targetNode;
    private double x;
    private double y;
    private double clock;
    private double speed;
    private boolean reached;
    private int store = -1;
    private double storeEnteredAt;
    private double exitDue;
    private Point browseTarget;
    private double pauseUntil;
    private String storeWifi;
    private String storeBle;
    private final String arrivalWifi;
    private final String arrivalBle;
    private String wifiMac;
    private String bleMac;
    private double nextWifi;
    private double nextBle;
    private double nextRotation = Double.MAX_VALUE;

    public Shopper(ShopperContext ctx, Profile profile, long order, double arrivalMs, Rng rng) {
        this.ctx = ctx;
        this.profile = profile;
        this.order = order;
        this.rng = rng;
        this.arrivedAt = arrivalMs;
        this.clock = arrivalMs;
        PopulationSpec pop = ctx.population();
        List<Store> all = ctx.plan().stores();
        List<Entrance> entrances = ctx.plan().entrances();
        double[] entranceWeights = entrances.stream().mapToDouble(Entrance::weight).toArray();
        int entrance = rng.weighted(entranceWeights);
        this.exitEntrance = rng.weighted(entranceWeights);
        int count = Math.min(all.size(), 1 + rng.poisson(pop.storesPerVisitMean() - 1));
        double[] weights = all.stream().mapToDouble(Store::popularity).toArray();
        List<Integer> chosen = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double left = 0;
            for (double w : weights) left += w;
            if (left <= 0) break;
            int s = rng.weighted(weights);
            chosen.add(s);
            weights[s] = 0;
        }
        stores = chosen.stream().mapToInt(Integer::intValue).toArray();
        dwellMs = new double[stores.length];
        for (int k = 0; k < stores.length; k++) {
            Store s = all.get(stores[k]);
            double median = Double.isNaN(s.dwellMedianS()) ? pop.dwellMedianS() : s.dwellMedianS();
            double sigma = Double.isNaN(s.dwellSigma()) ? pop.dwellSigma() : s.dwellSigma();
            dwellMs[k] = rng.logNormal(median, sigma) * 1000;
        }
        baseSpeed = rng.uniform(pop.walkingSpeedMinMps(), pop.walkingSpeedMaxMps());
        Point start = entrances.get(entrance).position();
        x = start.x();
        y = start.y();
        setRoute(ctx.graph().entranceNode(entrance), legTarget());
        DeviceSpec dev = ctx.devices();
        if (profile.randomizesMac()) {
            rotateMacs();
            nextRotation = arrivalMs + dev.macRotationS() * 1000.0 * rng.uniform(0.5, 1.5);
        } else {
            wifiMac = profile.wifiMac();
            bleMac = profile.bleMac();
        }
        arrivalWifi = wifiMac;
        arrivalBle = bleMac;
        nextWifi = arrivalMs + rng.nextDouble() * dev.wifiProbeIntervalMs();
        nextBle = arrivalMs + rng.nextDouble() * dev.bleAdvertIntervalMs();
    }

    public Profile profile() {
        return profile;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public String wifiMac() {
        return wifiMac;
    }

    public String bleMac() {
        return bleMac;
    }

    public boolean gone() {
        return state == State.GONE;
    }

    /** Whether the shopper is walking a corridor route (the only time a teleport fault may strike). */
    public boolean walking() {
        return state == State.WALKING;
    }

    /** The emissions of the phone from now until {@code t1}, sent from the current position. */
    public void emissions(long t1, List<Emission> out) {
        if (state == State.GONE) return;
        if (clock >= nextRotation) {
            rotateMacs();
            nextRotation += ctx.devices().macRotationS() * 1000.0 * rng.uniform(0.5, 1.5);
        }
        DeviceSpec dev = ctx.devices();
        if (wifiMac != null) {
            while (nextWifi < t1) {
                out.add(new Emission((long) nextWifi, order, RadioKind.WIFI, wifiMac, 0, x, y));
                nextWifi += dev.wifiProbeIntervalMs() * rng.uniform(1 - dev.intervalJitter(), 1 + dev.intervalJitter());
            }
        }
        if (bleMac != null) {
            while (nextBle < t1) {
                out.add(new Emission((long) nextBle, order, RadioKind.BLE, bleMac, 37 + rng.nextInt(3), x, y));
                nextBle += dev.bleAdvertIntervalMs() * rng.uniform(1 - dev.intervalJitter(), 1 + dev.intervalJitter());
            }
        }
    }

    /** Moves on until {@code t1}; finished stays go to {@code events}. */
    public void step(long t1, List<VisitEvent> events) {
        if (state == State.GONE) return;
        PopulationSpec pop = ctx.population();
        speed = Math.max(pop.walkingSpeedMinMps(), Math.min(pop.walkingSpeedMaxMps(),
                baseSpeed * (1 + pop.walkingSpeedNoise() * rng.gaussian())));
        double t = clock;
        for (int guard = 0; t < t1 && state != State.GONE && guard < 10_000; guard++) {
            t = switch (state) {
                case WALKING -> walk(t, t1, events);
                case BROWSING -> browse(t, t1);
                case PAUSED -> pause(t, t1);
                case LEAVING_STORE -> leaveStore(t, t1, events);
                case GONE -> t1;
            };
        }
        clock = t1;
    }

    /**
     * Jumps to a node of the walking network (on a corridor, at an entrance or a door) at least
     * {@code minDistanceM} away (the farthest one if none is) and walks on to where it was going. Returns the
     * point jumped from and to.
     */
    public Point[] teleport(double minDistanceM, Rng faultRng) {
        NavGraph g = ctx.graph();
        Point from = new Point(x, y);
        int pick = -1;
        for (int attempt = 0; attempt < 200 && pick < 0; attempt++) {
            int n = faultRng.nextInt(g.size());
            if (g.node(n).distance(from) >= minDistanceM) pick = n;
        }
        if (pick < 0) {
            pick = 0;
            for (int n = 1; n < g.size(); n++) if (g.node(n).distance(from) > g.node(pick).distance(from)) pick = n;
        }
        Point to = g.node(pick);
        x = to.x();
        y = to.y();
        setRoute(pick, targetNode);
        return new Point[] {from, to};
    }

    /** The stays still open when the run ends at {@code endMs} (exit -1). */
    public void unfinished(List<VisitEvent> events) {
        if (state == State.GONE) return;
        if (store >= 0) events.add(storeEvent(-1));
        events.add(mallEvent(-1));
    }

    private double walk(double t, double t1, List<VisitEvent> events) {
        if (wp >= waypoints.size()) {
            arrive(t, events);
            return t;
        }
        double nt = walkTo(waypoints.get(wp), t, t1, speed);
        if (reached) wp++;
        return nt;
    }

    private void arrive(double t, List<VisitEvent> events) {
        if (leg < stores.length) {
            store = stores[leg];
            storeEnteredAt = t;
            exitDue = t + dwellMs[leg];
            storeWifi = wifiMac;
            storeBle = bleMac;
            browseTarget = ctx.plan().stores().get(store).polygon().randomInside(rng, 0.5);
            state = State.BROWSING;
        } else {
            events.add(mallEvent(Math.round(t)));
            state = State.GONE;
        }
    }

    private double browse(double t, double t1) {
        double leaveAt = leaveAt();
        if (t >= leaveAt) {
            state = State.LEAVING_STORE;
            return t;
        }
        double nt = walkTo(browseTarget, t, Math.min(t1, Math.max(leaveAt, t + MIN_CHECK_MS)),
                ctx.population().browsingSpeedMps());
        if (reached) {
            double mean = ctx.population().browsingPauseMeanS() * 1000;
            pauseUntil = mean > 0 ? nt + rng.exponential(1 / mean) : nt;
            state = State.PAUSED;
        }
        return nt;
    }

    private double pause(double t, double t1) {
        double leaveAt = leaveAt();
        if (t >= leaveAt) {
            state = State.LEAVING_STORE;
            return t;
        }
        if (t >= pauseUntil) {
            browseTarget = ctx.plan().stores().get(store).polygon().randomInside(rng, 0.5);
            state = State.BROWSING;
            return t;
        }
        return Math.min(t1, Math.min(pauseUntil, leaveAt));
    }

    private double leaveStore(double t, double t1, List<VisitEvent> events) {
        Store s = ctx.plan().stores().get(store);
        double nt = walkTo(s.door(), t, t1, ctx.population().browsingSpeedMps());
        if (reached) {
            events.add(storeEvent(Math.round(nt)));
            int from = ctx.graph().doorNode(store);
            store = -1;
            leg++;
            setRoute(from, legTarget());
            state = State.WALKING;
        }
        return nt;
    }

    /** When to head for the door to cross it as the dwell time ends. */
    private double leaveAt() {
        Point door = ctx.plan().stores().get(store).door();
        double dx = door.x() - x;
        double dy = door.y() - y;
        return exitDue - Math.sqrt(dx * dx + dy * dy) / ctx.population().browsingSpeedMps() * 1000;
    }

    /** Moves towards {@code target} at {@code mps} from {@code t} until reaching it or {@code until}. */
    private double walkTo(Point target, double t, double until, double mps) {
        double dx = target.x() - x;
        double dy = target.y() - y;
        double need = Math.sqrt(dx * dx + dy * dy) / mps * 1000;
        if (t + need <= until) {
            x = target.x();
            y = target.y();
            reached = true;
            return t + need;
        }
        double f = (until - t) / need;
        x += dx * f;
        y += dy * f;
        reached = false;
        return until;
    }

    private int legTarget() {
        return leg < stores.length ? ctx.graph().doorNode(stores[leg]) : ctx.graph().entranceNode(exitEntrance);
    }

    private void setRoute(int from, int to) {
        NavGraph g = ctx.graph();
        waypoints.clear();
        wp = 0;
        targetNode = to;
        int[] route = g.route(from, to);
        for (int i = 1; i < route.length; i++) {
            Point p = g.node(route[i]);
            double r = g.radius(route[i]);
            if (r > 0) {
                double angle = rng.uniform(0, 2 * Math.PI);
                double dist = r * Math.sqrt(rng.nextDouble());
                p = p.plus(dist * Math.cos(angle), dist * Math.sin(angle));
            }
            waypoints.add(p);
        }
    }

    private void rotateMacs() {
        wifiMac = profile.wifiMac() == null ? null : Macs.randomized(rng);
        bleMac = profile.bleMac() == null ? null : Macs.randomized(rng);
    }

    private VisitEvent storeEvent(long exitMs) {
        return new VisitEvent(profile.shopperId(), profile.deviceId(), "store",
                ctx.plan().stores().get(store).name(), ctx.startEpochMs() + Math.round(storeEnteredAt),
                exitMs < 0 ? -1 : ctx.startEpochMs() + exitMs, storeWifi, storeBle);
    }

    private VisitEvent mallEvent(long exitMs) {
        return new VisitEvent(profile.shopperId(), profile.deviceId(), "mall", ctx.mallId(),
                ctx.startEpochMs() + Math.round(arrivedAt), exitMs < 0 ? -1 : ctx.startEpochMs() + exitMs,
                arrivalWifi, arrivalBle);
    }
}
