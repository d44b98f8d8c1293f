package io.tributary.formats.delimited;

import io.tributary.record.Bytes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The declared type of a column: how its text becomes a value, and how a value becomes text again so that
 * {@link #parse} reads back exactly what {@link #render} wrote.
 */
enum ColumnType {
    STRING(String.class),
    LONG(Long.class),
    DOUBLE(Double.class),
    DECIMAL(BigDecimal.class),
    BOOLEAN(Boolean.class),
    TIMESTAMP(Instant.class),
    BYTES(Bytes.class);

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern DOUBLE_TEXT = Pattern.compile(
            "[+-]?(NaN|Infinity|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)");

    private final Class<?> valueClass;

    ColumnType(Class<?> valueClass) {
        this.valueClass = valueClass;
    }

    /** The type named {@code name} (case-insensitive), or null. */
    static ColumnType named(String name) {
        for (ColumnType t : values()) {
            if (t.typeName().equals(name.trim().toLowerCase(Locale.ROOT))) return t;
        }
        return null;
    }

    static String names() {
        StringBuilder sb = new StringBuilder();
        for (ColumnType t : values()) sb.append(sb.length() == 0 ? "" : "|").append(t.typeName());
        return sb.toString();
    }

    String typeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code value} (normalized, not null) is of this type's value class. */
    boolean accepts(Object value) {
        return valueClass.isInstance(value);
    }

    /**
     * The value of {@code text}.
     *
     * @throws IllegalArgumentException with the reason when the text does not convert
     */
    Object parse(String text) {
        switch (this) {
            case STRING:
                return text;
            case LONG:
                if (!INTEGER.matcher(text).matches()) throw new IllegalArgumentException("is not an integer");
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("is out of the range of a long");
                }
            case DOUBLE:
                if (!DOUBLE_TEXT.matcher(text).matches()) throw new IllegalArgumentException("is not a number");
                return Double.parseDouble(text);
            case DECIMAL:
                if (!DECIMAL_TEXT.matcher(text).matches()) throw new IllegalArgumentException("is not a decimal");
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new IllegalArgumentException("is out of the range of a decimal");
                }
            case BOOLEAN:
                if (text.equalsIgnoreCase("true")) return Boolean.TRUE;
                if (text.equalsIgnoreCase("false")) return Boolean.FALSE;
                throw new IllegalArgumentException("is not true or false");
            case TIMESTAMP:
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("is not an ISO-8601 instant (e.g. 2024-05-01T12:00:00Z)");
                }
            case BYTES:
                try {
                    return Bytes.wrap(Base64.getDecoder().decode(text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("is not base64");
                }
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * The text of a scalar value, as {@link #parse} of the matching type reads it back: timestamps in
     * ISO-8601, decimals in plain notation (scientific only for a negative scale, which plain notation would
     * lose), bytes in base64.
     *
     * @throws IllegalArgumentException for maps and lists
     */
    static String render(Object value) {
        if (value instanceof String s) return s;
        if (value instanceof BigDecimal d) return d.scale() >= 0 ? d.toPlainString() : d.toString();
        if (value instanceof Bytes b) return b.toBase64();
        if (value instanceof Long || value instanceof Double || value instanceof Boolean
                || value instanceof Instant) {
            return value.toString();
        }
        throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " cannot be one column");
    }
}
