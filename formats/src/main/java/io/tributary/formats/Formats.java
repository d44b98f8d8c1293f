package io.tributary.formats;

import io.tributary.config.ConfigException;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.config.PluginRegistry;
import java.util.Collection;
import java.util.Map;

/**
 * The registry of {@link Format} plugins found by {@code ServiceLoader}, built-in and user-supplied alike.
 *
 * <p>Stable API since 0.1. Thread-safe; the registry is loaded once per class loader.
 */
public final class Formats {
    private static final class Holder {
        static final PluginRegistry<Format> REGISTRY = PluginRegistry.load(Format.class, "format");
    }

    private Formats() {
    }

    /** Every registered format, by name. */
    public static Collection<Format> all() {
        return Holder.REGISTRY.all();
    }

    /**
     * The format named {@code name}.
     *
     * @throws ConfigException under the key {@code format}, listing the known formats
     */
    public static Format get(String name) {
        return Holder.REGISTRY.get("format", name);
    }

    /** Every option of {@code format}: its own plus the shared {@link Limits} options. */
    public static OptionSet options(Format format) {
        return format.options().with(Limits.OPTIONS);
    }

    /** Validated settings for {@code format} from raw values; every problem is reported by key. */
    public static Settings settings(Format format, Map<String, ?> raw) {
        return options(format).parse(raw);
    }

    /** A parser for the format named {@code name} with raw options (YAML values or strings). */
    public static Parser parser(String name, Map<String, ?> raw) {
        Format format = get(name);
        return format.parser(settings(format, raw));
    }

    /** A writer for the format named {@code name} with raw options. */
    public static Writer writer(String name, Map<String, ?> raw) {
        Format format = get(name);
        if (!format.hasWriter()) throw new ConfigException("format", "the " + name + " format has no writer");
        return format.writer(settings(format, raw));
    }
}
