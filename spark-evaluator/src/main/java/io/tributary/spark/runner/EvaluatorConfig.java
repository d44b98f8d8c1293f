package io.tributary.spark.runner;

import io.tributary.config.ConfigException;
import io.tributary.spark.SparkTransformer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One evaluator of a chain: its class (loaded by name with a public no-argument constructor) or a ready
 * instance, an optional name (unique in the chain; default: the simple class name), and its params. In the job's
 * YAML: {@code evaluators: [{class: com.acme.Dwell, name: dwell, params: {state.ttl.ms: 600000}}]}.
 *
 * <p>Immutable.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class EvaluatorConfig {
    private static final Set<String> KEYS = Set.of("class", "name", "params");

    private final String className;
    private final SparkTransformer instance;
    private final String name;
    private final Map<String, String> params;

    private EvaluatorConfig(String className, SparkTransformer instance, String name, Map<String, String> params) {
        this.className = className;
        this.instance = instance;
        this.name = name;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** An evaluator loaded by class name. */
    public static EvaluatorConfig of(String className, Map<String, String> params) {
        return new EvaluatorConfig(Objects.requireNonNull(className, "className"), null, null, params);
    }

    /** A ready instance (built-in evaluators, tests); the chain still calls its {@code init}. */
    public static EvaluatorConfig of(SparkTransformer instance, Map<String, String> params) {
        return new EvaluatorConfig(instance.getClass().getName(), instance, null, params);
    }

    /** The same evaluator under another name. */
    public EvaluatorConfig named(String name) {
        return new EvaluatorConfig(className, instance, Objects.requireNonNull(name, "name"), params);
    }

    /**
     * Parses the job configuration's list {@code evaluators} (as YAML gives it: maps with {@code class}, optional
     * {@code name} and {@code params}; param values must be scalars).
     *
     * @throws ConfigException listing every problem, keyed {@code evaluators[i].…}
     */
    public static List<EvaluatorConfig> parseList(List<?> raw) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        List<EvaluatorConfig> configs = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String key = "evaluators[" + i + "]";
            if (!(raw.get(i) instanceof Map<?, ?> entry)) {
                problems.add(new ConfigException.Problem(key, "must be a map with 'class' and optional 'name', 'params'"));
                continue;
            }
            for (Object k : entry.keySet()) {
                if (!KEYS.contains(String.valueOf(k))) {
                    problems.add(new ConfigException.Problem(key + "." + k, "unknown key; supported keys are [class, name, params]"));
                }
            }
            Object cls = entry.get("class");
            if (!(cls instanceof String s) || s.isBlank()) {
                problems.add(new ConfigException.Problem(key + ".class", "is required: the evaluator's class name"));
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            Object rawParams = entry.get("params");
            if (rawParams instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> p : m.entrySet()) {
                    Object v = p.getValue();
                    if (v instanceof Map || v instanceof List) {
                        problems.add(new ConfigException.Problem(key + ".params." + p.getKey(), "must be a scalar value"));
                    } else {
                        params.put(String.valueOf(p.getKey()), v == null ? "" : String.valueOf(v));
                    }
                }
            } else if (rawParams != null) {
                problems.add(new ConfigException.Problem(key + ".params", "must be a map"));
            }
            EvaluatorConfig c = of(s.trim(), params);
            Object name = entry.get("name");
            configs.add(name == null ? c : c.named(String.valueOf(name)));
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return configs;
    }

    public String className() {
        return className;
    }

    /** The ready instance, or null when the class is loaded by name. */
    public SparkTransformer instance() {
        return instance;
    }

    /** The configured name, or null for the default. */
    public String name() {
        return name;
    }

    public Map<String, String> params() {
        return params;
    }

    @Override
    public String toString() {
        return (name == null ? "" : name + "=") + className + params;
    }
}
