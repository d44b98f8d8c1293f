package io.tributary.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered, immutable set of declared {@link Option}s, and the parser from raw key/value maps to
 * {@link Settings}. Parsing reports every problem at once: unknown keys (naming the supported ones), values of
 * the wrong type or range, and missing required options.
 *
 * <p>Stable API since 0.1. Thread-safe.
 */
public final class OptionSet {
    private final Map<String, Option<?>> options;

    private OptionSet(Map<String, Option<?>> options) {
        this.options = Collections.unmodifiableMap(options);
    }

    public static OptionSet of(Option<?>... options) {
        return new OptionSet(new LinkedHashMap<>()).with(options);
    }

    /** This set plus {@code more}; a later option replaces an earlier one of the same name. */
    public OptionSet with(Option<?>... more) {
        Map<String, Option<?>> merged = new LinkedHashMap<>(options);
        for (Option<?> o : more) merged.put(o.name(), o);
        return new OptionSet(merged);
    }

    public OptionSet with(OptionSet more) {
        return with(more.options.values().toArray(new Option<?>[0]));
    }

    public Collection<Option<?>> options() {
        return options.values();
    }

    public boolean contains(String name) {
        return options.containsKey(name);
    }

    /**
     * Parses {@code raw} (values as YAML gives them, or strings from a command line).
     *
     * @throws ConfigException listing every problem by key
     */
    public Settings parse(Map<String, ?> raw) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            Option<?> option = options.get(e.getKey());
            if (option == null) {
                problems.add(new ConfigException.Problem(e.getKey(),
                        "unknown option; supported options are " + options.keySet()));
                continue;
            }
            if (e.getValue() == null) {
                problems.add(new ConfigException.Problem(e.getKey(), "has no value"));
                continue;
            }
            try {
                values.put(option.name(), option.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                problems.add(new ConfigException.Problem(e.getKey(),
                        "invalid value '" + e.getValue() + "': " + ex.getMessage()));
            }
        }
        for (Option<?> option : options.values()) {
            if (option.isRequired() && !raw.containsKey(option.name())) {
                problems.add(new ConfigException.Problem(option.name(), "is required: " + option.doc()));
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new Settings(this, values);
    }

    /** Settings holding only the defaults. */
    public Settings defaults() {
        return parse(Map.of());
    }
}
