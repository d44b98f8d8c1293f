package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.Processor;
import io.tributary.agent.processor.ProcessorType;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.record.FieldPath;
import java.util.List;

/**
 * The {@code remove} processor: deletes fields.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class RemoveProcessorType implements ProcessorType {
    public static final Option<List<String>> FIELDS = FieldPaths.requiredList("fields",
            "Paths of the fields to delete, in this order; a missing field is skipped. Removing a list element"
                    + " shifts the later elements down.");

    private static final OptionSet OPTIONS = OptionSet.of(FIELDS);

    @Override
    public String name() {
        return "remove";
    }

    @Override
    public String description() {
        return "Deletes fields.";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Processor create(Settings settings) {
        return new RemoveProcessor(settings.get(FIELDS).stream().map(FieldPath::of).toList());
    }
}
