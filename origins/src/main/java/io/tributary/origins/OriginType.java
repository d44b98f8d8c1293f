package io.tributary.origins;

import io.tributary.config.ConfigException;
import io.tributary.config.Plugin;
import io.tributary.config.Settings;

/**
 * An origin plugin: a protocol's name ({@code mqtt}, {@code coap}, {@code http}, {@code udp}), its options,
 * and a factory for origins. Registered as a {@code java.util.ServiceLoader} service of this interface; found
 * through {@link Origins}.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public interface OriginType extends Plugin {
    /**
     * A new, not yet started origin.
     *
     * @throws ConfigException naming the key, when a setting is unusable (a certificate file that does not
     *     exist)
     */
    Origin create(Settings settings, OriginContext context);
}
