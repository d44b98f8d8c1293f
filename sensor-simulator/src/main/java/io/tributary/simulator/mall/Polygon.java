package io.tributary.simulator.mall;

import io.tributary.simulator.Rng;
import java.util.ArrayList;
import java.util.List;

/** A simple polygon (a store's floor), vertices in order, not repeating the first. Immutable. */
public final class Polygon {
    private final List<Point> vertices;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    public Polygon(List<Point> vertices) {
        if (vertices.size() < 3) throw new IllegalArgumentException("a polygon needs at least 3 vertices");
        this.vertices = List.copyOf(vertices);
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (Point p : vertices) {
            x0 = Math.min(x0, p.x());
            y0 = Math.min(y0, p.y());
            x1 = Math.max(x1, p.x());
            y1 = Math.max(y1, p.y());
        }
        minX = x0;
        minY = y0;
        maxX = x1;
        maxY = y1;
    }

    public List<Point> vertices() {
        return vertices;
    }

    public List<Segment> edges() {
        List<Segment> edges = new ArrayList<>(vertices.size());
        for (int i = 0; i < vertices.size(); i++) {
            edges.add(new Segment(vertices.get(i), vertices.get((i + 1) % vertices.size())));
        }
        return edges;
    }

    /** Whether {@code p} is inside or within {@code tolerance} metres of the boundary. */
    public boolean contains(Point p, double tolerance) {
        if (p.x() < minX - tolerance || p.x() > maxX + tolerance || p.y() < minY - tolerance
                || p.y() > maxY + tolerance) {
            return false;
        }
        return containsStrictly(p) || boundaryDistance(p) <= tolerance;
    }

    /** Even-odd ray casting. */
    public boolean containsStrictly(Point p) {
        boolean inside = false;
        int n = vertices.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            Point a = vertices.get(i);
            Point b = vertices.get(j);
            if ((a.y() > p.y()) != (b.y() > p.y())
                    && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }

    public double boundaryDistance(Point p) {
        double best = Double.MAX_VALUE;
        for (Segment e : edges()) best = Math.min(best, e.distance(p));
        return best;
    }

    public double area() {
        double twice = 0;
        int n = vertices.size();
        for (int i = 0; i < n; i++) {
            Point a = vertices.get(i);
            Point b = vertices.get((i + 1) % n);
            twice += a.x() * b.y() - b.x() * a.y();
        }
        return Math.abs(twice) / 2;
    }

    /** Convex (with collinear vertices allowed) and not self-intersecting in the simple sense checked here. */
    public boolean isConvex() {
        int n = vertices.size();
        int sign = 0;
        for (int i = 0; i < n; i++) {
            Point a = vertices.get(i);
            Point b = vertices.get((i + 1) % n);
            Point c = vertices.get((i + 2) % n);
            double cross = (b.x() - a.x()) * (c.y() - b.y()) - (b.y() - a.y()) * (c.x() - b.x());
            if (Math.abs(cross) < 1e-9) continue;
            int s = cross > 0 ? 1 : -1;
            if (sign == 0) sign = s;
            else if (s != sign) return false;
        }
        return sign != 0 && area() > 0;
    }

    /** A uniformly drawn point at least {@code margin} metres inside the boundary (the centroid as a fallback). */
    public Point randomInside(Rng rng, double margin) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Point p = new Point(rng.uniform(minX, maxX), rng.uniform(minY, maxY));
            if (containsStrictly(p) && boundaryDistance(p) >= margin) return p;
        }
        return centroid();
    }

    public Point centroid() {
        double sx = 0;
        double sy = 0;
        for (Point p : vertices) {
            sx += p.x();
            sy += p.y();
        }
        return new Point(sx / vertices.size(), sy / vertices.size());
    }
}
