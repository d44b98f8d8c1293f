package io.tributary.agent.processor;

import io.tributary.config.PluginRegistry;
import java.util.Collection;

/**
 * The registry of {@link ProcessorType} plugins.
 *
 * <p>Stable API since 0.1. Thread-safe.
 */
public final class Processors {
    private static final class Holder {
        static final PluginRegistry<ProcessorType> REGISTRY = PluginRegistry.load(ProcessorType.class, "processor");
    }

    private Processors() {
    }

    public static Collection<ProcessorType> all() {
        return Holder.REGISTRY.all();
    }

    /** The processor type named {@code name}; a {@link io.tributary.config.ConfigException} under {@code key}. */
    public static ProcessorType get(String key, String name) {
        return Holder.REGISTRY.get(key, name);
    }
}
