package io.tributary.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One declared configuration option: name, type, default, documentation and validation, declared once and
 * used to parse values from YAML or the command line, to print {@code --help}, and to generate the config
 * reference.
 *
 * <p>Stable API since 0.1. Immutable and thread-safe.
 *
 * @param <T> the Java type of the parsed value
 */
public final class Option<T> {
    private final String name;
    private final String type;
    private final T defaultValue;
    private final boolean required;
    private final String doc;
    private final Function<Object, T> converter;

    private Option(String name, String type, T defaultValue, boolean required, String doc,
            Function<Object, T> converter) {
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.defaultValue = defaultValue;
        this.required = required;
        this.doc = doc;
        this.converter = converter;
    }

    public static Option<String> string(String name, String defaultValue, String doc) {
        return new Option<>(name, "string", defaultValue, false, doc, Option::toText);
    }

    public static Option<Boolean> bool(String name, boolean defaultValue, String doc) {
        return new Option<>(name, "boolean", defaultValue, false, doc, Option::toBoolean);
    }

    /** A long between {@code min} and {@code max} inclusive. */
    public static Option<Long> longValue(String name, long defaultValue, long min, long max, String doc) {
        return new Option<>(name, "long", defaultValue, false, doc, v -> {
            long n = toLong(v);
            if (n < min || n > max) throw new IllegalArgumentException("must be between " + min + " and " + max);
            return n;
        });
    }

    /** An int between {@code min} and {@code max} inclusive. */
    public static Option<Integer> intValue(String name, int defaultValue, int min, int max, String doc) {
        return new Option<>(name, "int", defaultValue, false, doc, v -> {
            long n = toLong(v);
            if (n < min || n > max) throw new IllegalArgumentException("must be between " + min + " and " + max);
            return (int) n;
        });
    }

    public static Option<Double> doubleValue(String name, double defaultValue, String doc) {
        return new Option<>(name, "double", defaultValue, false, doc, v -> {
            if (v instanceof Number n) return n.doubleValue();
            try {
                return Double.parseDouble(toText(v).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a number");
            }
        });
    }

    /** One character; the escapes {@code \t}, {@code \n}, {@code \\} and {@code tab} are understood. */
    public static Option<Character> character(String name, Character defaultValue, String doc) {
        return new Option<>(name, "char", defaultValue, false, doc, v -> {
            String s = toText(v);
            switch (s) {
                case "\\t", "tab" -> { return '\t'; }
                case "\\n" -> { return '\n'; }
                case "\\\\" -> { return '\\'; }
                default -> {
                    if (s.length() != 1) throw new IllegalArgumentException("must be exactly one character");
                    return s.charAt(0);
                }
            }
        });
    }

    /** One of {@code choices}, compared case-insensitively; the value is returned in lower case. */
    public static Option<String> choice(String name, String defaultValue, String doc, String... choices) {
        List<String> allowed = Arrays.asList(choices);
        return new Option<>(name, "one of " + String.join("|", choices), defaultValue, false, doc, v -> {
            String s = toText(v).toLowerCase(Locale.ROOT);
            if (!allowed.contains(s)) throw new IllegalArgumentException("must be one of " + allowed);
            return s;
        });
    }

    /** A list of strings, from a YAML list or a comma-separated string. */
    public static Option<List<String>> list(String name, List<String> defaultValue, String doc) {
        return new Option<>(name, "list", defaultValue, false, doc, v -> {
            List<String> out = new ArrayList<>();
            if (v instanceof List<?> l) {
                for (Object item : l) out.add(toText(item));
            } else {
                String s = toText(v).trim();
                if (!s.isEmpty()) for (String part : s.split(",")) out.add(part.trim());
            }
            return List.copyOf(out);
        });
    }

    /** The same option, required: no default and an error when missing. */
    public Option<T> required() {
        return new Option<>(name, type, null, true, doc, converter);
    }

    /** The same option with an extra check; {@code check} returns null when fine or a reason when not. */
    public Option<T> validate(Function<T, String> check) {
        return new Option<>(name, type, defaultValue, required, doc, v -> {
            T value = converter.apply(v);
            String reason = check.apply(value);
            if (reason != null) throw new IllegalArgumentException(reason);
            return value;
        });
    }

    /**
     * Parses a raw value.
     *
     * @throws IllegalArgumentException with the reason (not naming the key or value; the caller does)
     */
    public T parse(Object raw) {
        return converter.apply(raw);
    }

    public String name() {
        return name;
    }

    /** A short type description for help and docs. */
    public String type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public boolean isRequired() {
        return required;
    }

    public String doc() {
        return doc;
    }

    private static String toText(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof Number || v instanceof Boolean || v instanceof Character) return v.toString();
        throw new IllegalArgumentException("must be a string");
    }

    private static boolean toBoolean(Object v) {
        if (v instanceof Boolean b) return b;
        String s = toText(v).trim().toLowerCase(Locale.ROOT);
        if (s.equals("true")) return true;
        if (s.equals("false")) return false;
        throw new IllegalArgumentException("must be true or false");
    }

    private static long toLong(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        try {
            return Long.parseLong(toText(v).trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not an integer");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
