package io.tributary.simulator.mall;

import java.util.ArrayList;
import java.util.List;

/**
 * A walkable corridor: a centre line (a polyline) and a width. Its floor is every point within half the width
 * of the centre line, so straight corridors are rectangles with rounded ends and bends are rounded too.
 */
public record Corridor(String name, List<Point> path, double widthM) {
    public Corridor {
        path = List.copyOf(path);
    }

    public double halfWidth() {
        return widthM / 2;
    }

    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i + 1 < path.size(); i++) out.add(new Segment(path.get(i), path.get(i + 1)));
        return out;
    }

    /** Whether {@code p} is on this corridor's floor, within {@code tolerance}. */
    public boolean contains(Point p, double tolerance) {
        for (int i = 0; i + 1 < path.size(); i++) {
            if (new Segment(path.get(i), path.get(i + 1)).distance(p) <= halfWidth() + tolerance) return true;
        }
        return false;
    }
}
