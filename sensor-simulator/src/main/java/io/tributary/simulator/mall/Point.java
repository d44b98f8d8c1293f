package io.tributary.simulator.mall;

/** A point on the floor plan, in metres. Immutable. */
public record Point(double x, double y) {
    public double distance(Point o) {
        double dx = x - o.x;
        double dy = y - o.y;
        return Math.sqrt(dx * dx + dy * dy);
    }

    public Point plus(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }

    /** The point {@code t} of the way from this point to {@code o}. */
    public Point towards(Point o, double t) {
        return new Point(x + (o.x - x) * t, y + (o.y - y) * t);
    }

    @Override
    public String toString() {
        return "[" + x + ", " + y + "]";
    }
}
