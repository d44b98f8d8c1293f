package io.tributary.simulator.scenario;

import io.tributary.config.ConfigException.Problem;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.config.ConfigException;
import io.tributary.simulator.mall.Point;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A map of the scenario file at a key path. Reads scalars through declared {@link Option}s and nested maps,
 * lists and coordinates by hand, adding every problem (with its full key) to a list shared by the whole file,
 * so one load reports everything that is wrong.
 *
 * <p>The agent's config reader ({@code collector-agent}'s {@code Section}) works the same way; once it moves to
 * a shared module this class should give way to it.
 */
final class Node {
    private final String path;
    private final Map<String, Object> values;
    private final List<Problem> problems;

    Node(String path, Map<String, Object> values, List<Problem> problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void problem(String name, String message) {
        problems.add(new Problem(key(name), message));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Object raw(String name) {
        return values.get(name);
    }

    /** Every key and value of this map, as written. */
    Map<String, Object> entries() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * The scalar options of this map, validated against {@code options}; keys in {@code structured} are read
     * separately. An unknown key is a problem listing every supported key. Null when anything was wrong.
     */
    Settings options(OptionSet options, String... structured) {
        Set<String> nested = Set.of(structured);
        Map<String, Object> scalars = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (nested.contains(e.getKey())) continue;
            if (!options.contains(e.getKey())) {
                Set<String> supported = new LinkedHashSet<>();
                options.options().forEach(o -> supported.add(o.name()));
                supported.addAll(List.of(structured));
                problem(e.getKey(), "unknown key; supported keys here are " + supported);
                ok = false;
            } else {
                scalars.put(e.getKey(), e.getValue());
            }
        }
        try {
            Settings settings = options.parse(scalars);
            return ok ? settings : null;
        } catch (ConfigException e) {
            for (Problem p : e.problems()) problems.add(new Problem(key(p.key()), p.message()));
            return null;
        }
    }

    /** The nested map {@code name}; null when absent (a problem if {@code required}) or not a map. */
    @SuppressWarnings("unchecked")
    Node child(String name, boolean required) {
        Object v = values.get(name);
        if (v == null) {
            if (required) problem(name, "is required");
            return null;
        }
        if (!(v instanceof Map)) {
            problem(name, "must be a map of keys to values");
            return null;
        }
        return new Node(key(name), (Map<String, Object>) v, problems);
    }

    /** The nested map {@code name}, or an empty one when absent. */
    Node childOrEmpty(String name) {
        Node child = child(name, false);
        return child != null ? child : new Node(key(name), Map.of(), problems);
    }

    /** The list of maps {@code name}; empty when absent (a problem if {@code required}). */
    @SuppressWarnings("unchecked")
    List<Node> list(String name, boolean required) {
        Object v = values.get(name);
        List<Node> out = new ArrayList<>();
        if (v == null || (v instanceof List<?> l && l.isEmpty())) {
            if (required) problem(name, "needs at least one entry");
            return out;
        }
        if (!(v instanceof List<?> items)) {
            problem(name, "must be a list");
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            String itemKey = key(name) + "[" + i + "]";
            if (items.get(i) instanceof Map<?, ?> m) {
                out.add(new Node(itemKey, (Map<String, Object>) m, problems));
            } else {
                problems.add(new Problem(itemKey, "must be a map of keys to values"));
            }
        }
        return out;
    }

    /** A point written {@code [x, y]}; null (reported) when absent or malformed. */
    Point point(String name) {
        Object v = values.get(name);
        if (v == null) {
            problem(name, "is required: a point [x, y] in metres");
            return null;
        }
        Point p = toPoint(v);
        if (p == null) problem(name, "invalid value '" + v + "': must be a point [x, y] in metres");
        return p;
    }

    /** At least {@code min} points written {@code [[x, y], ...]}; null (reported) when malformed. */
    List<Point> points(String name, int min) {
        Object v = values.get(name);
        if (!(v instanceof List<?> items)) {
            problem(name, v == null ? "is required: a list of points [[x, y], ...] in metres"
                    : "invalid value '" + v + "': must be a list of points [[x, y], ...] in metres");
            return null;
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Point p = toPoint(items.get(i));
            if (p == null) {
                problems.add(new Problem(key(name) + "[" + i + "]", "invalid value '" + items.get(i)
                        + "': must be a point [x, y] in metres"));
                return null;
            }
            out.add(p);
        }
        if (out.size() < min) {
            problem(name, "needs at least " + min + " points, has " + out.size());
            return null;
        }
        return out;
    }

    /** A list of non-blank strings; null (reported) when malformed, empty when absent. */
    List<String> strings(String name) {
        Object v = values.get(name);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (!(v instanceof List<?> items)) {
            problem(name, "invalid value '" + v + "': must be a list of names");
            return null;
        }
        for (Object item : items) {
            if (!(item instanceof String s) || s.isBlank()) {
                problem(name, "invalid entry '" + item + "': must be a non-blank name");
                return null;
            }
            out.add(s);
        }
        return out;
    }

    /**
     * Names with non-negative weights written as a map ({@code family: 0.3}); null (reported) when malformed,
     * {@code defaults} when absent.
     */
    Map<String, Double> weights(String name, Map<String, Double> defaults) {
        Object v = values.get(name);
        if (v == null) return defaults;
        if (!(v instanceof Map<?, ?> m) || m.isEmpty()) {
            problem(name, "invalid value '" + v + "': must be a map of names to non-negative weights");
            return null;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof Number n) || n.doubleValue() < 0 || !Double.isFinite(n.doubleValue())) {
                problems.add(new Problem(key(name) + "." + e.getKey(), "invalid value '" + e.getValue()
                        + "': must be a non-negative number"));
                return null;
            }
            out.put(String.valueOf(e.getKey()), n.doubleValue());
            total += n.doubleValue();
        }
        if (total <= 0) {
            problem(name, "the weights must not all be 0");
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
