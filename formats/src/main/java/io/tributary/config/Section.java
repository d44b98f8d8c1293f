package io.tributary.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One map of a config file (as {@link YamlLoader} reads it), with its key path, reading declared options and
 * sub-sections while collecting every problem (with its full key, e.g. {@code sinks[1].topic}) into a list
 * shared by the whole file, so one load reports everything that is wrong. The agent's, the cloud job's and the
 * simulator's config files are all read this way.
 *
 * <p>Not thread-safe; used by one thread while a file is read.
 */
public final class Section {
    private final String path;
    private final Map<String, Object> values;
    private final List<ConfigException.Problem> problems;

    Section(String path, Map<String, Object> values, List<ConfigException.Problem> problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    /** A root section for a parsed document. */
    public static Section root(Map<String, Object> values, List<ConfigException.Problem> problems) {
        return new Section("", values, problems);
    }

    public String path() {
        return path;
    }

    /** The full key of {@code name} in this section. */
    public String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public void problem(String name, String message) {
        problems.add(new ConfigException.Problem(key(name), message));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of {@code name} as written (a scalar, map or list), or null. */
    public Object raw(String name) {
        return values.get(name);
    }

    /** Every key and value of this map, as written. */
    public Map<String, Object> entries() {
        return Collections.unmodifiableMap(values);
    }

    /** Throws one {@link ConfigException} with every problem collected so far, if there is any. */
    public void throwIfProblems() {
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }

    /**
     * Parses the keys of this section other than {@code subsections} against {@code options}. Unknown keys
     * are reported naming every supported key. Returns null when anything was wrong (already reported).
     */
    public Settings settings(OptionSet options, Collection<String> subsections) {
        Map<String, Object> scalars = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (subsections.contains(e.getKey())) continue;
            if (!options.contains(e.getKey())) {
                Set<String> supported = new LinkedHashSet<>();
                options.options().forEach(o -> supported.add(o.name()));
                supported.addAll(subsections);
                problem(e.getKey(), "unknown key; supported keys here are " + supported);
                ok = false;
                continue;
            }
            scalars.put(e.getKey(), e.getValue());
        }
        try {
            Settings settings = options.parse(scalars);
            return ok ? settings : null;
        } catch (ConfigException e) {
            for (ConfigException.Problem p : e.problems()) problems.add(new ConfigException.Problem(key(p.key()), p.message()));
            return null;
        }
    }

    /** Like {@link #settings(OptionSet, Collection)} with every key but {@code except} treated as an option. */
    public Settings settingsExcept(OptionSet options, String... except) {
        return settings(options, List.of(except));
    }

    /** A required scalar string (e.g. a plugin's {@code type}); null (reported) when missing or not a string. */
    public String requiredString(String name) {
        Object v = values.get(name);
        if (v instanceof String s && !s.isBlank()) return s;
        problem(name, v == null ? "is required" : "must be a string");
        return null;
    }

    /** The sub-map {@code name}, or null when absent (reported when {@code required}) or not a map. */
    @SuppressWarnings("unchecked")
    public Section child(String name, boolean required) {
        Object v = values.get(name);
        if (v == null) {
            if (required) problem(name, "is required");
            return null;
        }
        if (!(v instanceof Map)) {
            problem(name, "must be a map of keys to values");
            return null;
        }
        return new Section(key(name), (Map<String, Object>) v, problems);
    }

    /** The sub-map {@code name}, or an empty one when absent. */
    public Section childOrEmpty(String name) {
        Section child = child(name, false);
        return child != null ? child : new Section(key(name), Map.of(), problems);
    }

    /** The list of maps {@code name}; empty when absent (reported when {@code required}). */
    @SuppressWarnings("unchecked")
    public List<Section> list(String name, boolean required) {
        Object v = values.get(name);
        List<Section> out = new ArrayList<>();
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
                out.add(new Section(itemKey, (Map<String, Object>) m, problems));
            } else {
                problems.add(new ConfigException.Problem(itemKey, "must be a map of keys to values"));
            }
        }
        return out;
    }

    /** A list of non-blank strings; empty when absent, null (reported) when malformed. */
    public List<String> strings(String name) {
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

    /** The sub-map {@code name} as plain string properties (pass-through settings such as Kafka's). */
    public Map<String, String> properties(String name) {
        Section child = child(name, false);
        Map<String, String> out = new LinkedHashMap<>();
        if (child == null) return out;
        for (Map.Entry<String, Object> e : child.values.entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof List || e.getValue() == null) {
                child.problem(e.getKey(), "must be a single value");
            } else {
                out.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return out;
    }

    /** The raw values of this section without the keys in {@code except}. */
    public Map<String, Object> rawExcept(String... except) {
        Map<String, Object> out = new LinkedHashMap<>(values);
        for (String e : except) out.remove(e);
        return out;
    }
}
