package io.tributary.formats;

import io.tributary.config.ConfigException;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The registry of {@link Format} plugins found by {@code ServiceLoader}, built-in and user-supplied alike.
 *
 * <p>Stable API since 0.1. Thread-safe; the registry is loaded once per class loader.
 */
public final class Formats {
    private static final class Holder {
        static final Map<String, Format> BY_NAME = load();
    }

    private Formats() {
    }

    private static Map<String, Format> load() {
        Map<String, Format> byName = new TreeMap<>();
        for (Format f : ServiceLoader.load(Format.class, Formats.class.getClassLoader())) {
            Format previous = byName.putIfAbsent(f.name(), f);
            if (previous != null) {
                throw new IllegalStateException("Two formats are named '" + f.name() + "': "
                        + previous.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /** Every registered format, by name. */
    public static Collection<Format> all() {
        return Holder.BY_NAME.values();
    }

    /**
     * The format named {@code name}.
     *
     * @throws ConfigException under the key {@code format}, listing the known formats
     */
    public static Format get(String name) {
        Format f = Holder.BY_NAME.get(name);
        if (f == null) {
            throw new ConfigException("format", "unknown format '" + name + "'; supported formats are "
                    + Holder.BY_NAME.keySet());
        }
        return f;
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
