package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.Processor;
import io.tributary.agent.processor.ProcessorType;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.record.FieldPath;

/**
 * The {@code set_key} processor: makes a field's value the record key (the Kafka message key).
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class SetKeyProcessorType implements ProcessorType {
    public static final Option<String> FIELD = FieldPaths.required("field",
            "Path of the field whose value becomes the key: a string as is; a number, boolean or timestamp as"
                    + " its text (decimals in plain notation, timestamps ISO-8601); a map, list or bytes value is an"
                    + " error (" + ErrorCodes.KEY_NOT_SCALAR + ").");
    public static final Option<String> IF_MISSING = Option.choice("if.missing", "keep",
            "When the field is missing or null: keep the key the record has, or error (" + ErrorCodes.FIELD_MISSING
                    + ").", "keep", "error");

    private static final OptionSet OPTIONS = OptionSet.of(FIELD, IF_MISSING);

    @Override
    public String name() {
        return "set_key";
    }

    @Override
    public String description() {
        return "Sets the record key from a field.";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Processor create(Settings settings) {
        return new SetKeyProcessor(FieldPath.of(settings.get(FIELD)), settings.get(IF_MISSING).equals("error"));
    }
}
