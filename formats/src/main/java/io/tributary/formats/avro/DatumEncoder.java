package io.tributary.formats.avro;

import io.tributary.record.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Encodes record values as an Avro binary datum of a record schema: the inverse of {@link DatumBuilder}.
 * A value must have the class its schema type reads back as (a long field takes a {@link Long}, a
 * {@code timestamp-micros} field an {@link Instant} or a {@link Long}, a {@code decimal} a {@link BigDecimal}
 * with at most the schema's scale); float and double also take longs. Timestamps are truncated to their
 * unit. A union takes the first branch that fits the value exactly, else the first that accepts it.
 *
 * <p>Stateless and thread-safe.
 */
final class DatumEncoder {
    private DatumEncoder() {
    }

    /** A value that does not fit its schema; the path is filled in on the way out. */
    private static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private String path = "";

        Mismatch(String message) {
            super(message, null, false, false);
        }

        Mismatch at(Object segment) {
            path = "/" + segment + path;
            return this;
        }
    }

    /**
     * Writes {@code fields} as a datum of {@code schema}.
     *
     * @throws IllegalArgumentException naming the field path when a value does not fit its schema, or a field
     *     is not in the schema
     */
    static void write(Schema schema, Map<String, ?> fields, Encoder out) throws IOException {
        try {
            record(schema, fields, out);
        } catch (Mismatch m) {
            throw new IllegalArgumentException("Field " + (m.path.isEmpty() ? "/" : m.path) + ": " + m.getMessage());
        }
    }

    private static void record(Schema schema, Map<?, ?> fields, Encoder out) throws IOException {
        int present = 0;
        for (Schema.Field f : schema.getFields()) {
            Object v = fields.get(f.name());
            if (v != null || fields.containsKey(f.name())) present++;
            try {
                value(f.schema(), v, out);
            } catch (Mismatch m) {
                throw m.at(f.name());
            }
        }
        if (present < fields.size()) {
            for (Object key : fields.keySet()) {
                if (schema.getField(String.valueOf(key)) == null) {
                    throw new Mismatch("not a field of " + schema.getFullName()).at(key);
                }
            }
        }
    }

    private static void value(Schema s, Object v, Encoder out) throws IOException {
        LogicalType logical = s.getLogicalType();
        switch (s.getType()) {
            case NULL -> {
                if (v != null) throw mismatch(s, v);
                out.writeNull();
            }
            case BOOLEAN -> out.writeBoolean(cast(s, v, Boolean.class));
            case INT -> out.writeInt(intValue(s, v));
            case LONG -> out.writeLong(v instanceof Instant t ? timestamp(s, t) : cast(s, v, Long.class));
            case FLOAT -> out.writeFloat((float) number(s, v));
            case DOUBLE -> out.writeDouble(number(s, v));
            case STRING -> out.writeString(cast(s, v, String.class));
            case BYTES -> {
                if (logical instanceof LogicalTypes.Decimal d) out.writeBytes(unscaled(s, v, d));
                else if (logical instanceof LogicalTypes.BigDecimal) out.writeBytes(bigDecimal(s, v));
                else out.writeBytes(cast(s, v, Bytes.class).toArray());
            }
            case FIXED -> out.writeFixed(fixed(s, v));
            case ENUM -> {
                int i = s.getEnumSymbols().indexOf(cast(s, v, String.class));
                if (i < 0) throw new Mismatch("'" + v + "' is not a symbol of enum " + s.getFullName());
                out.writeEnum(i);
            }
            case ARRAY -> {
                List<?> items = cast(s, v, List.class);
                out.writeArrayStart();
                out.setItemCount(items.size());
                for (int i = 0; i < items.size(); i++) {
                    out.startItem();
                    try {
                        value(s.getElementType(), items.get(i), out);
                    } catch (Mismatch m) {
                        throw m.at(i);
                    }
                }
                out.writeArrayEnd();
            }
            case MAP -> {
                Map<?, ?> map = cast(s, v, Map.class);
                out.writeMapStart();
                out.setItemCount(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.startItem();
                    out.writeString(String.valueOf(e.getKey()));
                    try {
                        value(s.getValueType(), e.getValue(), out);
                    } catch (Mismatch m) {
                        throw m.at(e.getKey());
                    }
                }
                out.writeMapEnd();
            }
            case RECORD -> record(s, cast(s, v, Map.class), out);
            case UNION -> {
                int i = UnionBranch.of(s, v);
                if (i < 0) throw new Mismatch("no branch of union " + s + " accepts " + describe(v));
                out.writeIndex(i);
                value(s.getTypes().get(i), v, out);
            }
            default -> throw new IllegalStateException("Unknown Avro type " + s.getType());
        }
    }

    private static int intValue(Schema s, Object v) {
        if (v instanceof Instant t && s.getLogicalType() instanceof LogicalTypes.Date) {
            long seconds = t.getEpochSecond();
            if (t.getNano() != 0 || seconds % 86_400 != 0) throw new Mismatch(t + " is not a midnight UTC date");
            long days = seconds / 86_400;
            if (days != (int) days) throw new Mismatch(t + " is out of range for a date");
            return (int) days;
        }
        long n = cast(s, v, Long.class);
        if (n != (int) n) throw new Mismatch(n + " is out of range for an int");
        return (int) n;
    }

    private static long timestamp(Schema s, Instant t) {
        String name = s.getLogicalType() == null ? "" : s.getLogicalType().getName();
        try {
            if (name.endsWith("timestamp-millis")) return t.toEpochMilli();
            if (name.endsWith("timestamp-micros")) {
                return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
            }
            if (name.endsWith("timestamp-nanos")) {
                return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
            }
        } catch (ArithmeticException e) {
            throw new Mismatch(t + " is out of range for " + name);
        }
        throw mismatch(s, t);
    }

    private static double number(Schema s, Object v) {
        if (v instanceof Double d) return d;
        if (v instanceof Long l) return l;
        throw mismatch(s, v);
    }

    private static byte[] unscaled(Schema s, Object v, LogicalTypes.Decimal d) {
        BigDecimal scaled;
        try {
            scaled = cast(s, v, BigDecimal.class).setScale(d.getScale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new Mismatch(v + " does not fit scale " + d.getScale() + " without rounding");
        }
        if (scaled.precision() > d.getPrecision()) {
            throw new Mismatch(v + " has more than the " + d.getPrecision() + " digits of its decimal type");
        }
        return scaled.unscaledValue().toByteArray();
    }

    private static byte[] bigDecimal(Schema s, Object v) throws IOException {
        BigDecimal d = cast(s, v, BigDecimal.class);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Encoder inner = EncoderFactory.get().directBinaryEncoder(buffer, null);
        inner.writeBytes(d.unscaledValue().toByteArray());
        inner.writeInt(d.scale());
        inner.flush();
        return buffer.toByteArray();
    }

    private static byte[] fixed(Schema s, Object v) {
        int size = s.getFixedSize();
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d) {
            byte[] unscaled = unscaled(s, v, d);
            if (unscaled.length > size) throw new Mismatch(v + " does not fit in " + size + " bytes");
            byte[] out = new byte[size];
            Arrays.fill(out, 0, size - unscaled.length, unscaled[0] < 0 ? (byte) -1 : 0);
            System.arraycopy(unscaled, 0, out, size - unscaled.length, unscaled.length);
            return out;
        }
        if (v instanceof String text && logical != null && logical.getName().equals("uuid") && size == 16) {
            UUID uuid;
            try {
                uuid = UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new Mismatch("'" + text + "' is not a UUID");
            }
            return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
        }
        Bytes b = cast(s, v, Bytes.class);
        if (b.length() != size) throw new Mismatch(b.length() + " bytes for fixed " + s.getFullName() + " of " + size);
        return b.toArray();
    }

    private static <T> T cast(Schema s, Object v, Class<T> type) {
        if (!type.isInstance(v)) throw mismatch(s, v);
        return type.cast(v);
    }

    private static Mismatch mismatch(Schema s, Object v) {
        String expected = s.getLogicalType() != null ? s.getLogicalType().getName() + " " + s.getType().getName()
                : s.getType().getName();
        return new Mismatch("expected " + expected + ", got " + describe(v));
    }

    private static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName();
    }
}
