package io.tributary.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The types a {@link Record} field value can have, and the Java class that holds each.
 *
 * <p>Stable API since 0.1.
 */
public enum FieldType {
    /** Java {@code null}. */
    NULL,
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link Long}: every integral value, whatever its width in the source format. */
    LONG,
    /** {@link Double}. */
    DOUBLE,
    /** {@link BigDecimal}, scale kept exactly. */
    DECIMAL,
    /** {@link String}. */
    STRING,
    /** {@link Bytes}. */
    BYTES,
    /** {@link Instant}, nanosecond precision. */
    TIMESTAMP,
    /** {@link List} of values. */
    LIST,
    /** {@link Map} from {@link String} to values, insertion-ordered. */
    MAP;

    /**
     * The type of a normalized value (see {@link Values#normalize(Object)}).
     *
     * @throws IllegalArgumentException when {@code value} is not one of the classes above
     */
    public static FieldType of(Object value) {
        if (value == null) return NULL;
        if (value instanceof String) return STRING;
        if (value instanceof Long) return LONG;
        if (value instanceof Double) return DOUBLE;
        if (value instanceof Boolean) return BOOLEAN;
        if (value instanceof Map) return MAP;
        if (value instanceof List) return LIST;
        if (value instanceof Instant) return TIMESTAMP;
        if (value instanceof BigDecimal) return DECIMAL;
        if (value instanceof Bytes) return BYTES;
        throw new IllegalArgumentException("Unsupported field value class " + value.getClass().getName());
    }
}
