package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.Processor;
import io.tributary.agent.processor.ProcessorType;
import io.tributary.agent.processor.builtin.expression.Expression;
import io.tributary.agent.processor.builtin.expression.ExpressionSyntaxException;
import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;

/**
 * The {@code filter} processor: keeps (or drops) the records that match an {@link Expression}.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class FilterProcessorType implements ProcessorType {
    public static final Option<String> EXPRESSION = Option.string("expression", null,
            "The condition, e.g. \"/rssi > -70 and exists(/mac)\"; see docs/processors.md for the language. A"
                    + " missing field reads as null and values of different types compare false.").required();
    public static final Option<String> MODE = Option.choice("mode", "keep",
            "keep: pass on the records that match and drop the rest; drop: drop the records that match.",
            "keep", "drop");

    private static final OptionSet OPTIONS = OptionSet.of(EXPRESSION, MODE);

    @Override
    public String name() {
        return "filter";
    }

    @Override
    public String description() {
        return "Keeps or drops records matching an expression.";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Processor create(Settings settings) {
        String source = settings.get(EXPRESSION);
        Expression expression;
        try {
            expression = Expression.compile(source);
        } catch (ExpressionSyntaxException e) {
            throw new ConfigException(EXPRESSION.name(), "invalid expression '" + source + "' at column " + e.column()
                    + ": " + e.reason());
        }
        return new FilterProcessor(expression, settings.get(MODE).equals("drop"));
    }
}
