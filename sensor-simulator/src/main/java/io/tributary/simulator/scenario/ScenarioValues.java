package io.tributary.simulator.scenario;

import io.tributary.config.Section;
import io.tributary.simulator.mall.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scenario file's own value shapes (points, polygons, weights), read from a {@link Section} by key. */
final class ScenarioValues {
    private ScenarioValues() {
    }

    /** A point written {@code [x, y]}; null (reported) when absent or malformed. */
    static Point point(Section node, String name) {
        Object v = node.raw(name);
        if (v == null) {
            node.problem(name, "is required: a point [x, y] in metres");
            return null;
        }
        Point p = toPoint(v);
        if (p == null) node.problem(name, "invalid value '" + v + "': must be a point [x, y] in metres");
        return p;
    }

    /** At least {@code min} points written {@code [[x, y], ...]}; null (reported) when malformed. */
    static List<Point> points(Section node, String name, int min) {
        Object v = node.raw(name);
        if (!(v instanceof List<?> items)) {
            node.problem(name, v == null ? "is required: a list of points [[x, y], ...] in metres"
                    : "invalid value '" + v + "': must be a list of points [[x, y], ...] in metres");
            return null;
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Point p = toPoint(items.get(i));
            if (p == null) {
                node.problem(name + "[" + i + "]", "invalid value '" + items.get(i) + "': must be a point [x, y] in metres");
                return null;
            }
            out.add(p);
        }
        if (out.size() < min) {
            node.problem(name, "needs at least " + min + " points, has " + out.size());
            return null;
        }
        return out;
    }

    /**
     * Names with non-negative weights written as a map ({@code family: 0.3}); null (reported) when malformed,
     * {@code defaults} when absent.
     */
    static Map<String, Double> weights(Section node, String name, Map<String, Double> defaults) {
        Object v = node.raw(name);
        if (v == null) return defaults;
        if (!(v instanceof Map<?, ?> m) || m.isEmpty()) {
            node.problem(name, "invalid value '" + v + "': must be a map of names to non-negative weights");
            return null;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof Number n) || n.doubleValue() < 0 || !Double.isFinite(n.doubleValue())) {
                node.problem(name + "." + e.getKey(), "invalid value '" + e.getValue() + "': must be a non-negative number");
                return null;
            }
            out.put(String.valueOf(e.getKey()), n.doubleValue());
            total += n.doubleValue();
        }
        if (total <= 0) {
            node.problem(name, "the weights must not all be 0");
            return null;
        }
        return out;
    }

    private static Point toPoint(Object v) {
        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number x && l.get(1) instanceof Number y
                && Double.isFinite(x.doubleValue()) && Double.isFinite(y.doubleValue())) {
            return new Point(x.doubleValue(), y.doubleValue());
        }
        return null;
    }
}
