package io.tributary.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversion of Java objects to the value classes of {@link FieldType}, and deep copies of values.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class Values {
    private Values() {
    }

    /**
     * Converts {@code value} to its normalized class: narrower integers to {@link Long}, {@link Float} to
     * {@link Double}, {@link BigInteger} to {@link BigDecimal}, {@code byte[]} and {@link ByteBuffer} to
     * {@link Bytes} (copied), {@link Date} to {@link Instant}, other {@link CharSequence}s to {@link String},
     * collections and arrays to lists and maps to insertion-ordered maps, recursively.
     *
     * @throws IllegalArgumentException naming the class when a value (or a map key) cannot be converted
     */
    public static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof Instant || value instanceof BigDecimal
                || value instanceof Bytes) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) return f.doubleValue();
        if (value instanceof BigInteger b) return new BigDecimal(b);
        if (value instanceof byte[] b) return Bytes.of(b);
        if (value instanceof ByteBuffer b) return Bytes.of(b);
        if (value instanceof CharSequence || value instanceof Character) return value.toString();
        if (value instanceof Date d) return d.toInstant();
        if (value instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("Map keys must be strings, got "
                            + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
                }
                out.put(key, normalize(e.getValue()));
            }
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object item : c) out.add(normalize(item));
            return out;
        }
        if (value instanceof Object[] array) {
            List<Object> out = new ArrayList<>(array.length);
            for (Object item : array) out.add(normalize(item));
            return out;
        }
        throw new IllegalArgumentException("Unsupported field value class " + value.getClass().getName());
    }

    /** A deep copy of a normalized value: lists and maps are copied, immutable leaves shared. */
    @SuppressWarnings("unchecked")
    public static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                out.put(e.getKey(), deepCopy(e.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object item : l) out.add(deepCopy(item));
            return out;
        }
        return value;
    }
}
