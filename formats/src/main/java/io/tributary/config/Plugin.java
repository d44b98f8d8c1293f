package io.tributary.config;

/**
 * What every plugin kind (format, origin, processor, sink) declares: a short name used in configs, a
 * one-line description, and its options. Built-ins and user plugins register the same way, as a
 * {@code java.util.ServiceLoader} service of their kind's interface, and are found by {@link PluginRegistry}.
 *
 * <p>Stable API since 0.1. Implementations are stateless, thread-safe and have a public no-argument
 * constructor.
 */
public interface Plugin {
    /** The short, lower-case name used in configs and on the command line, e.g. {@code json}. */
    String name();

    /** One line for {@code --help} and the docs. */
    String description();

    /** The declared options. */
    OptionSet options();
}
