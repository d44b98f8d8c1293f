package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.Processor;
import io.tributary.agent.processor.ProcessorType;
import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.record.FieldPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code set} processor: writes a constant, or a copy of another field, at a path.
 *
 * <p>Option values reach a plugin as text (a YAML {@code 42} and {@code "42"} read alike), so the type of the
 * constant comes from {@code value.type}; {@code auto} reads it as a YAML scalar would.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class SetProcessorType implements ProcessorType {
    public static final Option<String> FIELD = FieldPaths.required("field",
            "Path to write; missing parent maps are created.");
    public static final Option<String> VALUE = Option.string("value", null,
            "The constant to write, typed by value.type. Either this or copy.from.");
    public static final Option<String> VALUE_TYPE = Option.choice("value.type", "auto",
            "Type of value: auto (true/false -> boolean, an integer -> long, a decimal number -> double, anything"
                    + " else -> string), string, long, double, decimal, boolean, timestamp (ISO-8601 with offset),"
                    + " or null (write null; no value then).",
            "auto", "string", "long", "double", "decimal", "boolean", "timestamp", "null");
    public static final Option<String> COPY_FROM = FieldPaths.optional("copy.from",
            "Path of a field whose value (deep-copied) is written instead of a constant. Either this or value.");
    public static final Option<String> IF_EXISTS = Option.choice("if.exists", "overwrite",
            "When the field already holds a non-null value: overwrite it, or keep it.", "overwrite", "keep");
    public static final Option<String> IF_MISSING = Option.choice("if.missing", "ignore",
            "With copy.from, when that field is missing or null: ignore (write nothing) or error ("
                    + ErrorCodes.FIELD_MISSING + ").", "ignore", "error");

    private static final OptionSet OPTIONS = OptionSet.of(FIELD, VALUE, VALUE_TYPE, COPY_FROM, IF_EXISTS, IF_MISSING);
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?");

    @Override
    public String name() {
        return "set";
    }

    @Override
    public String description() {
        return "Writes a constant or a copy of another field at a path.";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Processor create(Settings settings) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        FieldPath field = FieldPath.of(settings.get(FIELD));
        String type = settings.get(VALUE_TYPE);
        boolean keep = settings.get(IF_EXISTS).equals("keep");
        boolean copy = settings.isSet(COPY_FROM);
        if (copy) {
            if (settings.isSet(VALUE)) problems.add(problem(VALUE, "cannot be used together with copy.from"));
            if (settings.isSet(VALUE_TYPE)) problems.add(problem(VALUE_TYPE, "cannot be used together with copy.from"));
            FieldPath from = FieldPath.of(settings.get(COPY_FROM));
            if (from.equals(field)) problems.add(problem(COPY_FROM, "is the same path as 'field' (" + field + ")"));
            if (!problems.isEmpty()) throw new ConfigException(problems);
            return SetProcessor.copy(field, from, keep, settings.get(IF_MISSING).equals("error"));
        }
        if (settings.isSet(IF_MISSING)) problems.add(problem(IF_MISSING, "applies only with copy.from"));
        Object value = null;
        if (type.equals("null")) {
            if (settings.isSet(VALUE)) problems.add(problem(VALUE, "must not be given when value.type is null"));
        } else if (!settings.isSet(VALUE)) {
            problems.add(problem(VALUE, "is required unless copy.from is given or value.type is null"));
        } else {
            try {
                value = convert(settings.get(VALUE), type);
            } catch (IllegalArgumentException e) {
                problems.add(problem(VALUE, "invalid value '" + settings.get(VALUE) + "': " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return SetProcessor.constant(field, value, keep);
    }

    /** The text of a scalar as the given {@code value.type}. */
    static Object convert(String text, String type) {
        String t = text.trim();
        switch (type) {
            case "string":
                return text;
            case "long":
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("is not a long");
                }
            case "double":
                if (!DECIMAL.matcher(t).matches()) throw new IllegalArgumentException("is not a number");
                return Double.parseDouble(t);
            case "decimal":
                if (!DECIMAL.matcher(t).matches()) throw new IllegalArgumentException("is not a number");
                return new BigDecimal(t);
            case "boolean":
                if (t.equalsIgnoreCase("true")) return Boolean.TRUE;
                if (t.equalsIgnoreCase("false")) return Boolean.FALSE;
                throw new IllegalArgumentException("must be true or false");
            case "timestamp":
                try {
                    return Instant.parse(t);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("is not an ISO-8601 instant such as 2024-05-01T12:00:00Z");
                }
            default:
                return auto(text);
        }
    }

    private static Object auto(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("true")) return Boolean.TRUE;
        if (t.equals("false")) return Boolean.FALSE;
        if (INTEGER.matcher(text).matches()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return new BigDecimal(text);
            }
        }
        if (DECIMAL.matcher(text).matches()) return Double.parseDouble(text);
        return text;
    }

    private static ConfigException.Problem problem(Option<?> option, String message) {
        return new ConfigException.Problem(option.name(), message);
    }
}
