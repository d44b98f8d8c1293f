package io.tributary.simulator.mall;

import io.tributary.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * The mall: corridors and stores (the walkable floor), entrances, and walls for the radio model. Store
 * outlines are walls too, each with {@code storeWallAttenuationDb}.
 *
 * <p>Immutable and thread-safe once built. {@link #check()} lists what would make the plan unusable (a door off
 * every corridor, a store that is not convex, a store or entrance that no corridor connects), each under its
 * scenario key.
 */
public final class FloorPlan {
    /** Positions closer than this to the floor's edge still count as on the floor (rounding). */
    public static final double TOLERANCE_M = 1e-6;

    private final List<Corridor> corridors;
    private final List<Store> stores;
    private final List<Entrance> entrances;
    private final double[] wallCoords;
    private final double[] wallLoss;
    private NavGraph graph;

    public FloorPlan(List<Corridor> corridors, List<Store> stores, List<Entrance> entrances, List<Wall> walls,
            double storeWallAttenuationDb) {
        this.corridors = List.copyOf(corridors);
        this.stores = List.copyOf(stores);
        this.entrances = List.copyOf(entrances);
        List<Wall> all = new ArrayList<>(walls);
        if (storeWallAttenuationDb > 0) {
            for (Store s : stores) {
                for (Segment e : s.polygon().edges()) all.add(new Wall(e, storeWallAttenuationDb));
            }
        }
        wallCoords = new double[all.size() * 4];
        wallLoss = new double[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Segment s = all.get(i).segment();
            wallCoords[4 * i] = s.a().x();
            wallCoords[4 * i + 1] = s.a().y();
            wallCoords[4 * i + 2] = s.b().x();
            wallCoords[4 * i + 3] = s.b().y();
            wallLoss[i] = all.get(i).attenuationDb();
        }
    }

    public List<Corridor> corridors() {
        return corridors;
    }

    public List<Store> stores() {
        return stores;
    }

    public List<Entrance> entrances() {
        return entrances;
    }

    /** The routing graph along the corridors (built on first use; call {@link #check()} first). */
    public synchronized NavGraph graph() {
        if (graph == null) graph = NavGraph.build(this);
        return graph;
    }

    /** Whether {@code p} is on the walkable floor: inside a store or on a corridor. */
    public boolean isWalkable(Point p) {
        return zoneAt(p) != null;
    }

    /** The store {@code p} is in, else the first corridor it is on, else null (off the floor). */
    public String zoneAt(Point p) {
        for (Store s : stores) {
            if (s.polygon().contains(p, TOLERANCE_M)) return s.name();
        }
        for (Corridor c : corridors) {
            if (c.contains(p, TOLERANCE_M)) return c.name();
        }
        return null;
    }

    /** The total attenuation of the walls the straight line from {@code a} to {@code b} crosses, in dB. */
    public double wallLoss(double ax, double ay, double bx, double by) {
        double loss = 0;
        for (int i = 0; i < wallLoss.length; i++) {
            int k = 4 * i;
            if (Segment.intersects(ax, ay, bx, by, wallCoords[k], wallCoords[k + 1], wallCoords[k + 2],
                    wallCoords[k + 3])) {
                loss += wallLoss[i];
            }
        }
        return loss;
    }

    /** Every reason this plan cannot be used, keyed as in the scenario file; empty when it is fine. */
    public List<ConfigException.Problem> check() {
        List<ConfigException.Problem> problems = new ArrayList<>();
        if (corridors.isEmpty()) problems.add(new ConfigException.Problem("floorplan.corridors", "needs at least one corridor"));
        if (entrances.isEmpty()) problems.add(new ConfigException.Problem("floorplan.entrances", "needs at least one entrance"));
        for (int i = 0; i < stores.size(); i++) {
            Store s = stores.get(i);
            String key = "floorplan.stores[" + i + "]";
            if (!s.polygon().isConvex()) {
                problems.add(new ConfigException.Problem(key + ".polygon", "store '" + s.name()
                        + "' must be a convex polygon with a non-zero area (split an L-shaped store in two)"));
            }
            double off = s.polygon().boundaryDistance(s.door());
            if (off > 0.05) {
                problems.add(new ConfigException.Problem(key + ".door", "door " + s.door() + " of store '" + s.name()
                        + "' is " + round(off) + " m from the store's outline; it must lie on it"));
            }
            if (nearestCorridorGap(s.door()) > TOLERANCE_M) {
                problems.add(new ConfigException.Problem(key + ".door", "door " + s.door() + " of store '" + s.name()
                        + "' is not on any corridor's floor (" + round(nearestCorridorGap(s.door()))
                        + " m beyond the nearest corridor's edge)"));
            }
        }
        for (int i = 0; i < entrances.size(); i++) {
            Entrance e = entrances.get(i);
            double gap = nearestCorridorGap(e.position());
            if (gap > TOLERANCE_M) {
                problems.add(new ConfigException.Problem("floorplan.entrances[" + i + "].position", "entrance '"
                        + e.name() + "' at " + e.position() + " is not on any corridor's floor (" + round(gap)
                        + " m beyond the nearest corridor's edge)"));
            }
        }
        if (problems.isEmpty()) problems.addAll(NavGraph.build(this).connectivityProblems());
        return problems;
    }

    /** How far {@code p} is outside the nearest corridor floor (0 or negative when on it). */
    double nearestCorridorGap(Point p) {
        double best = Double.MAX_VALUE;
        for (Corridor c : corridors) {
            for (Segment s : c.segments()) best = Math.min(best, s.distance(p) - c.halfWidth());
        }
        return best;
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 100) / 100.0);
    }
}
