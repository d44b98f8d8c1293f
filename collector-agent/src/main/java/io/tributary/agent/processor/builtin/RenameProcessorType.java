package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.Processor;
import io.tributary.agent.processor.ProcessorType;
import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.record.FieldPath;

/**
 * The {@code rename} processor: moves the value at {@code from} to {@code to}.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class RenameProcessorType implements ProcessorType {
    public static final Option<String> FROM = FieldPaths.required("from",
            "Path of the field to move, e.g. /mac or /device/mac.");
    public static final Option<String> TO = FieldPaths.required("to",
            "Path the value moves to; missing parent maps are created, an existing value there is replaced.");
    public static final Option<String> IF_MISSING = Option.choice("if.missing", "ignore",
            "When the record has no field at 'from': ignore (pass the record on unchanged) or error ("
                    + ErrorCodes.FIELD_MISSING + ").", "ignore", "error");

    private static final OptionSet OPTIONS = OptionSet.of(FROM, TO, IF_MISSING);

    @Override
    public String name() {
        return "rename";
    }

    @Override
    public String description() {
        return "Moves a field to another path.";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Processor create(Settings settings) {
        FieldPath from = FieldPath.of(settings.get(FROM));
        FieldPath to = FieldPath.of(settings.get(TO));
        if (from.equals(to)) throw new ConfigException(TO.name(), "is the same path as 'from' (" + from + ")");
        return new RenameProcessor(from, to, settings.get(IF_MISSING).equals("error"));
    }
}
