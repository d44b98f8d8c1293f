package io.tributary.config;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The plugins of one kind found by {@code ServiceLoader}, by name.
 *
 * <p>Stable API since 0.1. Immutable and thread-safe once built.
 *
 * @param <T> the plugin kind
 */
public final class PluginRegistry<T extends Plugin> {
    private final String kind;
    private final Map<String, T> byName;

    private PluginRegistry(String kind, Map<String, T> byName) {
        this.kind = kind;
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Loads every registered implementation of {@code type} visible to {@code type}'s class loader.
     *
     * @param kind the word for this kind of plugin in messages, e.g. {@code format}
     * @throws IllegalStateException when two plugins share a name
     */
    public static <T extends Plugin> PluginRegistry<T> load(Class<T> type, String kind) {
        Map<String, T> byName = new TreeMap<>();
        for (T plugin : ServiceLoader.load(type, type.getClassLoader())) {
            T previous = byName.putIfAbsent(plugin.name(), plugin);
            if (previous != null) {
                throw new IllegalStateException("Two " + kind + "s are named '" + plugin.name() + "': "
                        + previous.getClass().getName() + " and " + plugin.getClass().getName());
            }
        }
        return new PluginRegistry<>(kind, byName);
    }

    public Collection<T> all() {
        return byName.values();
    }

    /** The names of every plugin, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** The plugin named {@code name}, or null. */
    public T byName(String name) {
        return byName.get(name);
    }

    /**
     * The plugin named {@code name}.
     *
     * @throws ConfigException under the key {@code key}, listing the known names
     */
    public T get(String key, String name) {
        T plugin = byName.get(name);
        if (plugin == null) {
            throw new ConfigException(key, "unknown " + kind + " '" + name + "'; supported " + kind + "s are "
                    + byName.keySet());
        }
        return plugin;
    }
}
