package io.tributary.formats;

import io.tributary.config.ConfigException;
import io.tributary.config.Plugin;
import io.tributary.config.Settings;

/**
 * A data format plugin: its name, its options, and a factory for its parser and writer. Built-ins and user
 * formats register the same way, as a {@code java.util.ServiceLoader} service of this interface (a line in
 * {@code META-INF/services/io.tributary.formats.Format}); see {@link Formats}.
 *
 * <p>Lifecycle: instantiated once per class loader by {@link Formats} through a public no-argument
 * constructor. Threading: stateless and thread-safe. {@link #options()} declares the format's own options;
 * the {@link Limits} options are added to every format's by {@link Formats}, and a format reads them with
 * {@link Limits#from(Settings)}.
 *
 * <p>Stable API since 0.1.
 */
public interface Format extends Plugin {
    /**
     * A parser for validated {@code settings} (declared by {@link #options()} plus {@link Limits#OPTIONS}).
     *
     * @throws ConfigException naming the key, when a setting is unusable (a schema file that does not exist)
     */
    Parser parser(Settings settings);

    /** Whether {@link #writer} is supported. */
    default boolean hasWriter() {
        return false;
    }

    /**
     * A writer for validated {@code settings}.
     *
     * @throws UnsupportedOperationException when the format has no writer
     * @throws ConfigException naming the key, when a setting is unusable
     */
    default Writer writer(Settings settings) {
        throw new UnsupportedOperationException("The " + name() + " format has no writer");
    }
}
