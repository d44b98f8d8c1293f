package io.tributary.spark.runner;

import io.tributary.config.ConfigException;
import io.tributary.config.PluginRegistry;
import io.tributary.spark.SparkTransformer;
import io.tributary.spark.StageType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One evaluator of a chain: its class (loaded by name with a public no-argument constructor), a built-in
 * {@link StageType} by its short name, or a ready instance; an optional name (unique in the chain; default: the
 * type's name or the simple class name); and its params. In the job's YAML:
 * {@code evaluators: [{class: com.acme.Dwell, name: dwell, params: {state.ttl.ms: 600000}},
 * {type: window_aggregate, params: {...}}]}. A stage type's params are checked against its declared options when
 * the list is parsed.
 *
 * <p>Immutable.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class EvaluatorConfig {
    private static final Set<String> KEYS = Set.of("class", "type", "name", "params");

    private final String className;
    private final String type;
    private final SparkTransformer instance;
    private final String name;
    private final Map<String, String> params;

    private EvaluatorConfig(String className, String type, SparkTransformer instance, String name,
            Map<String, String> params) {
        this.className = className;
        this.type = type;
        this.instance = instance;
        this.name = name;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** An evaluator loaded by class name. */
    public static EvaluatorConfig of(String className, Map<String, String> params) {
        return new EvaluatorConfig(Objects.requireNonNull(className, "className"), null, null, null, params);
    }

    /**
     * A registered {@link StageType} by its short name.
     *
     * @throws ConfigException when no stage type has that name, or the params do not fit its options
     */
    public static EvaluatorConfig ofType(String type, Map<String, String> params) {
        StageType stage = stageTypes().get("type", type);
        stage.options().parse(params);
        return new EvaluatorConfig(stage.transformerClass().getName(), type, null, null, params);
    }

    /** Every registered stage type, by name. */
    public static PluginRegistry<StageType> stageTypes() {
        return PluginRegistry.load(StageType.class, "stage type");
    }

    /** A ready instance (built-in evaluators, tests); the chain still calls its {@code init}. */
    public static EvaluatorConfig of(SparkTransformer instance, Map<String, String> params) {
        return new EvaluatorConfig(instance.getClass().getName(), null, instance, null, params);
    }

    /** The same evaluator under another name. */
    public EvaluatorConfig named(String name) {
        return new EvaluatorConfig(className, type, instance, Objects.requireNonNull(name, "name"), params);
    }

    /**
     * Parses the job configuration's list {@code evaluators} (as YAML gives it: maps with {@code class} or
     * {@code type}, optional {@code name} and {@code params}; param values must be scalars).
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
                    problems.add(new ConfigException.Problem(key + "." + k,
                            "unknown key; supported keys are [class, type, name, params]"));
                }
            }
            Map<String, String> params = params(key, entry.get("params"), problems);
            EvaluatorConfig c = of(key, entry.get("class"), entry.get("type"), params, problems);
            if (c == null) continue;
            Object name = entry.get("name");
            configs.add(name == null ? c : c.named(String.valueOf(name)));
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return configs;
    }

    private static EvaluatorConfig of(String key, Object cls, Object type, Map<String, String> params,
            List<ConfigException.Problem> problems) {
        boolean hasClass = cls instanceof String c && !c.isBlank();
        boolean hasType = type instanceof String t && !t.isBlank();
        if (hasClass == hasType) {
            problems.add(new ConfigException.Problem(key + (hasClass ? ".type" : ".class"), hasClass
                    ? "give either 'class' or 'type', not both"
                    : "is required: the evaluator's class name, or 'type' with a built-in stage (one of "
                            + stageTypes().names() + ")"));
            return null;
        }
        if (hasClass) return of(((String) cls).trim(), params);
        StageType stage = stageTypes().byName(((String) type).trim());
        if (stage == null) {
            problems.add(new ConfigException.Problem(key + ".type", "unknown stage type '" + type
                    + "'; built-in stages are " + stageTypes().names()));
            return null;
        }
        try {
            return ofType(stage.name(), params);
        } catch (ConfigException e) {
            problems.addAll(e.withPrefix(key + ".params").problems());
            return null;
        }
    }

    private static Map<String, String> params(String key, Object rawParams, List<ConfigException.Problem> problems) {
        Map<String, String> params = new LinkedHashMap<>();
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
        return params;
    }

    public String className() {
        return className;
    }

    /** The stage type's name, or null when configured by class or instance. */
    public String type() {
        return type;
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
        return (name == null ? "" : name + "=") + (type == null ? className : type) + params;
    }
}
