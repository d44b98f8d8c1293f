package io.tributary.simulator.mall;

/** A straight line segment between two points. Immutable. */
public record Segment(Point a, Point b) {
    private static final double EPS = 1e-9;

    public double length() {
        return a.distance(b);
    }

    /** Where the closest point to {@code p} lies along the segment, from 0 (at a) to 1 (at b). */
    public double project(Point p) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        if (len2 < EPS) return 0;
        double t = ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2;
        return Math.max(0, Math.min(1, t));
    }

    public Point closest(Point p) {
        return a.towards(b, project(p));
    }

    public double distance(Point p) {
        return p.distance(closest(p));
    }

    /**
     * Whether this segment and {@code o} cross or touch; for radio paths through walls. Collinear overlaps count
     * as crossing.
     */
    public boolean intersects(Segment o) {
        return intersects(a.x(), a.y(), b.x(), b.y(), o.a.x(), o.a.y(), o.b.x(), o.b.y());
    }

    /** As {@link #intersects(Segment)} on raw coordinates (no allocation, for the radio's inner loop). */
    public static boolean intersects(double ax, double ay, double bx, double by,
            double cx, double cy, double dx, double dy) {
        double d1 = cross(cx, cy, dx, dy, ax, ay);
        double d2 = cross(cx, cy, dx, dy, bx, by);
        double d3 = cross(ax, ay, bx, by, cx, cy);
        double d4 = cross(ax, ay, bx, by, dx, dy);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
        return (d1 == 0 && onBox(cx, cy, dx, dy, ax, ay)) || (d2 == 0 && onBox(cx, cy, dx, dy, bx, by))
                || (d3 == 0 && onBox(ax, ay, bx, by, cx, cy)) || (d4 == 0 && onBox(ax, ay, bx, by, dx, dy));
    }

    /** The crossing point of this segment and {@code o}, or null when they do not meet in one point. */
    public Point intersection(Segment o) {
        double rx = b.x() - a.x();
        double ry = b.y() - a.y();
        double sx = o.b.x() - o.a.x();
        double sy = o.b.y() - o.a.y();
        double denom = rx * sy - ry * sx;
        if (Math.abs(denom) < EPS) return null;
        double qpx = o.a.x() - a.x();
        double qpy = o.a.y() - a.y();
        double t = (qpx * sy - qpy * sx) / denom;
        double u = (qpx * ry - qpy * rx) / denom;
        if (t < -EPS || t > 1 + EPS || u < -EPS || u > 1 + EPS) return null;
        return a.towards(b, Math.max(0, Math.min(1, t)));
    }

    private static double cross(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    private static boolean onBox(double ax, double ay, double bx, double by, double px, double py) {
        return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
    }
}
