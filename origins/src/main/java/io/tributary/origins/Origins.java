package io.tributary.origins;

import io.tributary.config.PluginRegistry;
import java.util.Collection;

/**
 * The registry of {@link OriginType} plugins.
 *
 * <p>Stable API since 0.1. Thread-safe.
 */
public final class Origins {
    private static final class Holder {
        static final PluginRegistry<OriginType> REGISTRY = PluginRegistry.load(OriginType.class, "origin");
    }

    private Origins() {
    }

    public static Collection<OriginType> all() {
        return Holder.REGISTRY.all();
    }

    /** The origin type named {@code name}; a {@link io.tributary.config.ConfigException} under {@code key}. */
    public static OriginType get(String key, String name) {
        return Holder.REGISTRY.get(key, name);
    }
}
