package io.tributary.agent.processor;

import io.tributary.config.ConfigException;
import io.tributary.config.Plugin;
import io.tributary.config.Settings;

/**
 * A processor plugin: name (e.g. {@code rename}), options, and a factory. Registered as a
 * {@code java.util.ServiceLoader} service of this interface; found through {@link Processors}.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public interface ProcessorType extends Plugin {
    /**
     * A processor for validated settings.
     *
     * @throws ConfigException naming the key, when a setting is unusable (an expression that does not parse)
     */
    Processor create(Settings settings);
}
