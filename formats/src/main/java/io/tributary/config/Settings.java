package io.tributary.config;

import java.util.Collections;
import java.util.Map;

/**
 * Parsed, validated option values; an option that was not given reads as its default.
 *
 * <p>Stable API since 0.1. Immutable and thread-safe.
 */
public final class Settings {
    private final OptionSet declared;
    private final Map<String, Object> values;

    Settings(OptionSet declared, Map<String, Object> values) {
        this.declared = declared;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The value of {@code option}, or its default.
     *
     * @throws IllegalArgumentException when the option was not declared in the set these settings came from
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        if (!declared.contains(option.name())) {
            throw new IllegalArgumentException("Option " + option.name() + " is not declared here");
        }
        Object v = values.get(option.name());
        return v == null ? option.defaultValue() : (T) v;
    }

    /** Whether the option was given explicitly. */
    public boolean isSet(Option<?> option) {
        return values.containsKey(option.name());
    }

    /** The explicitly given values, by option name. */
    public Map<String, Object> given() {
        return values;
    }
}
