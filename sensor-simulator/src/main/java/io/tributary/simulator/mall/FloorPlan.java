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
    /** Walls come in groups (a store's outline, or one wall) with a bounding box each, to skip most at once. */
    private final double[] groupBoxes;
    private final int[] groupEnds;
    private final double[][] corridorSegments;
    private NavGraph graph;

    public FloorPlan(List<Corridor> corridors, List<Store> stores, List<Entrance> entrances, List<Wall> walls,
            double storeWallAttenuationDb) {
        this.corridors = List.copyOf(corridors);
        this.stores = List.copyOf(stores);
        this.entrances = List.copyOf(entrances);
        corridorSegments = new double[corridors.size()][];
        for (int c = 0; c < corridors.size(); c++) {
            List<Segment> segs = corridors.get(c).segments();
            corridorSegments[c] = new double[segs.size() * 4];
            for (int k = 0; k < segs.size(); k++) {
                corridorSegments[c][4 * k] = segs.get(k).a().x();
                corridorSegments[c][4 * k + 1] = segs.get(k).a().y();
                corridorSegments[c][4 * k + 2] = segs.get(k).b().x();
                corridorSegments[c][4 * k + 3] = segs.get(k).b().y();
            }
        }
        List<List<Wall>> groups = new ArrayList<>();
        for (Wall w : walls) groups.add(List.of(w));
        if (storeWallAttenuationDb > 0) {
            for (Store s : stores) {
                List<Wall> outline = new ArrayList<>();
                for (Segment e : s.polygon().edges()) outline.add(new Wall(e, storeWallAttenuationDb));
                groups.add(outline);
            }
        }
        int count = groups.stream().mapToInt(List::size).sum();
        wallCoords = new double[count * 4];
        wallLoss = new double[count];
        groupBoxes = new double[groups.size() * 4];
        groupEnds = new int[groups.size()];
        int i = 0;
        for (int g = 0; g < groups.size(); g++) {
            double x0 = Double.MAX_VALUE;
            double y0 = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;
            for (Wall w : groups.get(g)) {
                Segment s = w.segment();
                wallCoords[4 * i] = s.a().x();
                wallCoords[4 * i + 1] = s.a().y();
                wallCoords[4 * i + 2] = s.b().x();
                wallCoords[4 * i + 3] = s.b().y();
                wallLoss[i] = w.attenuationDb();
                x0 = Math.min(x0, Math.min(s.a().x(), s.b().x()));
                y0 = Math.min(y0, Math.min(s.a().y(), s.b().y()));
                x1 = Math.max(x1, Math.max(s.a().x(), s.b().x()));
                y1 = Math.max(y1, Math.max(s.a().y(), s.b().y()));
                i++;
            }
            groupBoxes[4 * g] = x0;
            groupBoxes[4 * g + 1] = y0;
            groupBoxes[4 * g + 2] = x1;
            groupBoxes[4 * g + 3] = y1;
            groupEnds[g] = i;
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
        for (int c = 0; c < corridorSegments.length; c++) {
            double[] segs = corridorSegments[c];
            double reach = corridors.get(c).halfWidth() + TOLERANCE_M;
            for (int k = 0; k < segs.length; k += 4) {
                if (distanceSq(p.x(), p.y(), segs[k], segs[k + 1], segs[k + 2], segs[k + 3]) <= reach * reach) {
                    return corridors.get(c).name();
                }
            }
        }
        return null;
    }

    /** The total attenuation of the walls the straight line from {@code a} to {@code b} crosses, in dB. */
    public double wallLoss(double ax, double ay, double bx, double by) {
        double minX = Math.min(ax, bx);
        double minY = Math.min(ay, by);
        double maxX = Math.max(ax, bx);
        double maxY = Math.max(ay, by);
        double loss = 0;
        int start = 0;
        for (int g = 0; g < groupEnds.length; g++) {
            int end = groupEnds[g];
            int b = 4 * g;
            if (maxX >= groupBoxes[b] && minX <= groupBoxes[b + 2] && maxY >= groupBoxes[b + 1]
                    && minY <= groupBoxes[b + 3]) {
                for (int i = start; i < end; i++) {
                    int k = 4 * i;
                    if (Segment.intersects(ax, ay, bx, by, wallCoords[k], wallCoords[k + 1], wallCoords[k + 2],
                            wallCoords[k + 3])) {
                        loss += wallLoss[i];
                    }
                }
            }
            start = end;
        }
        return loss;
    }

    private static double distanceSq(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double ex = px - (ax + t * dx);
        double ey = py - (ay + t * dy);
        return ex * ex + ey * ey;
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
