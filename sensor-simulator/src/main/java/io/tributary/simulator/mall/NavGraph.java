package io.tributary.simulator.mall;

import io.tributary.config.ConfigException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The walking network: nodes on the corridors' centre lines (their vertices, crossings, and the points where
 * doors and entrances attach), plus one node per door and entrance. Edges run along centre lines, and from a
 * door or entrance straight to its attachment point.
 *
 * <p>Every node has a radius a walker may stray from it: 0.6 of the half-width of the narrowest corridor it
 * touches (0 for doors and entrances). A straight walk between two such displaced points stays on the floor,
 * because the distance to a segment is convex: every point of the walk is within the larger of the two radii
 * of the segment the edge follows. Routes are shortest paths (Dijkstra, ties to the lower node index), cached.
 * Thread-safe.
 */
public final class NavGraph {
    /** How much of a corridor's half-width a walker may use to either side of the centre line. */
    public static final double LANE_SHARE = 0.6;

    private record Edge(int to, double length) {
    }

    private final List<Point> nodes;
    private final double[] radius;
    private final List<List<Edge>> edges;
    private final int[] doorNodes;
    private final int[] entranceNodes;
    private final FloorPlan plan;
    private final Map<Long, int[]> routes = new HashMap<>();

    private NavGraph(FloorPlan plan, List<Point> nodes, double[] radius, List<List<Edge>> edges, int[] doorNodes,
            int[] entranceNodes) {
        this.plan = plan;
        this.nodes = nodes;
        this.radius = radius;
        this.edges = edges;
        this.doorNodes = doorNodes;
        this.entranceNodes = entranceNodes;
    }

    static NavGraph build(FloorPlan plan) {
        Builder b = new Builder();
        List<Segment> segs = new ArrayList<>();
        List<Double> halfWidths = new ArrayList<>();
        for (Corridor c : plan.corridors()) {
            for (Segment s : c.segments()) {
                segs.add(s);
                halfWidths.add(c.halfWidth());
            }
        }
        List<List<double[]>> onSegment = new ArrayList<>();
        for (Segment s : segs) {
            List<double[]> points = new ArrayList<>();
            points.add(new double[] {0, b.node(s.a())});
            points.add(new double[] {1, b.node(s.b())});
            onSegment.add(points);
        }
        for (int i = 0; i < segs.size(); i++) {
            for (int j = 0; j < segs.size(); j++) {
                if (i == j) continue;
                Point p = segs.get(i).intersection(segs.get(j));
                if (p != null) onSegment.get(i).add(new double[] {segs.get(i).project(p), b.node(p)});
            }
        }
        int[] doorNodes = new int[plan.stores().size()];
        for (int i = 0; i < doorNodes.length; i++) doorNodes[i] = attach(b, segs, onSegment, plan.stores().get(i).door());
        int[] entranceNodes = new int[plan.entrances().size()];
        for (int i = 0; i < entranceNodes.length; i++) {
            entranceNodes[i] = attach(b, segs, onSegment, plan.entrances().get(i).position());
        }
        for (int i = 0; i < segs.size(); i++) {
            List<double[]> points = onSegment.get(i);
            points.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
            for (int k = 0; k + 1 < points.size(); k++) {
                b.edge((int) points.get(k)[1], (int) points.get(k + 1)[1], LANE_SHARE * halfWidths.get(i));
            }
        }
        for (int n : doorNodes) b.radius.set(n, 0.0);
        for (int n : entranceNodes) b.radius.set(n, 0.0);
        double[] radius = new double[b.points.size()];
        for (int i = 0; i < radius.length; i++) radius[i] = Double.isInfinite(b.radius.get(i)) ? 0 : b.radius.get(i);
        return new NavGraph(plan, b.points, radius, b.edges, doorNodes, entranceNodes);
    }

    /** Joins {@code p} to the nearest centre line by a straight edge; returns p's node. */
    private static int attach(Builder b, List<Segment> segs, List<List<double[]>> onSegment, Point p) {
        int best = 0;
        for (int i = 1; i < segs.size(); i++) {
            if (segs.get(i).distance(p) < segs.get(best).distance(p)) best = i;
        }
        Point foot = segs.get(best).closest(p);
        int footNode = b.node(foot);
        onSegment.get(best).add(new double[] {segs.get(best).project(foot), footNode});
        int node = b.node(p);
        b.edge(node, footNode, Double.POSITIVE_INFINITY);
        return node;
    }

    public Point node(int i) {
        return nodes.get(i);
    }

    public int size() {
        return nodes.size();
    }

    /** How far (m) a walker may stray from node {@code i}. */
    public double radius(int i) {
        return radius[i];
    }

    public int doorNode(int store) {
        return doorNodes[store];
    }

    public int entranceNode(int entrance) {
        return entranceNodes[entrance];
    }

    /** The shortest route from node {@code from} to node {@code to}, both included. */
    public synchronized int[] route(int from, int to) {
        long key = (long) from * nodes.size() + to;
        int[] cached = routes.get(key);
        if (cached == null) {
            cached = dijkstra(from, to);
            routes.put(key, cached);
        }
        return cached;
    }

    private int[] dijkstra(int from, int to) {
        double[] dist = new double[nodes.size()];
        int[] prev = new int[nodes.size()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(prev, -1);
        dist[from] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>(
                Comparator.comparingDouble((double[] e) -> e[0]).thenComparingDouble(e -> e[1]));
        queue.add(new double[] {0, from});
        while (!queue.isEmpty()) {
            double[] head = queue.poll();
            int u = (int) head[1];
            if (head[0] > dist[u]) continue;
            if (u == to) break;
            for (Edge e : edges.get(u)) {
                double d = dist[u] + e.length();
                if (d < dist[e.to()]) {
                    dist[e.to()] = d;
                    prev[e.to()] = u;
                    queue.add(new double[] {d, e.to()});
                }
            }
        }
        if (from != to && prev[to] < 0) throw new IllegalStateException("node " + to + " unreachable from " + from);
        ArrayDeque<Integer> path = new ArrayDeque<>();
        for (int n = to; n != -1; n = prev[n]) path.addFirst(n);
        return path.stream().mapToInt(Integer::intValue).toArray();
    }

    List<ConfigException.Problem> connectivityProblems() {
        List<ConfigException.Problem> problems = new ArrayList<>();
        if (entranceNodes.length == 0) return problems;
        boolean[] seen = new boolean[nodes.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(entranceNodes[0]);
        seen[entranceNodes[0]] = true;
        while (!queue.isEmpty()) {
            for (Edge e : edges.get(queue.poll())) {
                if (!seen[e.to()]) {
                    seen[e.to()] = true;
                    queue.add(e.to());
                }
            }
        }
        String first = plan.entrances().get(0).name();
        for (int i = 0; i < doorNodes.length; i++) {
            if (!seen[doorNodes[i]]) {
                problems.add(new ConfigException.Problem("floorplan.stores[" + i + "].door", "store '"
                        + plan.stores().get(i).name() + "' cannot be reached from entrance '" + first
                        + "' along the corridors (corridors connect where their centre lines meet)"));
            }
        }
        for (int i = 1; i < entranceNodes.length; i++) {
            if (!seen[entranceNodes[i]]) {
                problems.add(new ConfigException.Problem("floorplan.entrances[" + i + "]", "entrance '"
                        + plan.entrances().get(i).name() + "' is not connected to entrance '" + first
                        + "' along the corridors"));
            }
        }
        return problems;
    }

    private static final class Builder {
        final List<Point> points = new ArrayList<>();
        final List<Double> radius = new ArrayList<>();
        final List<List<Edge>> edges = new ArrayList<>();
        final Map<Long, Integer> index = new HashMap<>();

        int node(Point p) {
            long key = (Math.round(p.x() * 1000) << 32) ^ (Math.round(p.y() * 1000) & 0xffffffffL);
            return index.computeIfAbsent(key, k -> {
                points.add(p);
                radius.add(Double.POSITIVE_INFINITY);
                edges.add(new ArrayList<>());
                return points.size() - 1;
            });
        }

        void edge(int a, int b, double lane) {
            if (a == b) return;
            double length = points.get(a).distance(points.get(b));
            edges.get(a).add(new Edge(b, length));
            edges.get(b).add(new Edge(a, length));
            radius.set(a, Math.min(radius.get(a), lane));
            radius.set(b, Math.min(radius.get(b), lane));
        }
    }
}
