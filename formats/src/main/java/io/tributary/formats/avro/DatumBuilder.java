package io.tributary.formats.avro;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.Limits;
import io.tributary.formats.Utf8;
import io.tributary.record.Bytes;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.ResolvingDecoder;

/**
 * Decodes Avro datums straight into normalized record values, walking the (reader) schema: records become
 * maps in schema field order, arrays lists, maps maps, unions their branch's value, enums their symbol,
 * fixed and bytes {@link Bytes}, int and long {@link Long}, float and double {@link Double}. Logical types:
 * {@code decimal} and {@code big-decimal} become {@link BigDecimal}; {@code timestamp-*},
 * {@code local-timestamp-*} (read as UTC) and {@code date} (midnight UTC) become {@link Instant};
 * {@code uuid} a string; {@code time-*} and {@code duration} keep their underlying value.
 *
 * <p>Limits are enforced while building: {@code max.depth} before entering a record, array or map, and
 * {@code max.fields} as fields and items are announced, so a bad count never allocates. Strings are checked
 * strictly as UTF-8. Not thread-safe: one per parse call.
 */
final class DatumBuilder {
    private static final long DAY_SECONDS = 86_400L;

    private final Limits limits;
    private final AvroInput src;
    private final Decoder in;
    private final boolean resolving;
    private long count;

    /** Reads from {@code in}, which is {@code src} itself or a resolving decoder over it. */
    DatumBuilder(Limits limits, AvroInput src, Decoder in) {
        this.limits = limits;
        this.src = src;
        this.in = in;
        this.resolving = in != src;
    }

    /**
     * Reads one datum of the record schema {@code schema}.
     *
     * @throws AvroDataException for bad data, including what Avro's resolving decoder rejects
     */
    LinkedHashMap<String, Object> read(Schema schema) throws AvroDataException {
        count = 0;
        src.startDatum();
        try {
            LinkedHashMap<String, Object> fields = record(schema, 1);
            if (resolving) ((ResolvingDecoder) in).drain();
            return fields;
        } catch (AvroDataException e) {
            throw e;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new AvroDataException(ErrorCode.AVRO_SYNTAX, "Invalid datum: " + e.getMessage(),
                    src.offsetOf(src.position()));
        }
    }

    private Object value(Schema s, int level) throws IOException {
        switch (s.getType()) {
            case RECORD:
                enter(level + 1);
                return record(s, level + 1);
            case ARRAY:
                enter(level + 1);
                return array(s.getElementType(), level + 1);
            case MAP:
                enter(level + 1);
                return map(s.getValueType(), level + 1);
            case UNION: {
                int at = src.position();
                int i = in.readIndex();
                if (i >= s.getTypes().size()) throw syntaxAt(at, "Union branch index " + i + " out of range");
                return value(s.getTypes().get(i), level);
            }
            case ENUM: {
                int at = src.position();
                int i = in.readEnum();
                if (i >= s.getEnumSymbols().size()) throw syntaxAt(at, "Enum symbol index " + i + " out of range");
                return s.getEnumSymbols().get(i);
            }
            case FIXED:
                return fixed(s);
            case STRING:
                return string();
            case BYTES:
                return bytes(s);
            case INT: {
                int v = in.readInt();
                return s.getLogicalType() instanceof LogicalTypes.Date ? Instant.ofEpochSecond(v * DAY_SECONDS)
                        : (Object) (long) v;
            }
            case LONG:
                return longValue(in.readLong(), s.getLogicalType());
            case FLOAT:
                return (double) in.readFloat();
            case DOUBLE:
                return in.readDouble();
            case BOOLEAN:
                return in.readBoolean();
            case NULL:
                in.readNull();
                return null;
            default:
                throw new IllegalStateException("Unknown Avro type " + s.getType());
        }
    }

    private LinkedHashMap<String, Object> record(Schema s, int level) throws IOException {
        List<Schema.Field> fields = s.getFields();
        counted(fields.size());
        LinkedHashMap<String, Object> out = new LinkedHashMap<>(Math.max(4, fields.size() * 2));
        if (!resolving) {
            for (Schema.Field f : fields) out.put(f.name(), value(f.schema(), level));
            return out;
        }
        Object[] values = new Object[fields.size()];
        for (Schema.Field f : ((ResolvingDecoder) in).readFieldOrder()) values[f.pos()] = value(f.schema(), level);
        for (Schema.Field f : fields) out.put(f.name(), values[f.pos()]);
        return out;
    }

    private ArrayList<Object> array(Schema items, int level) throws IOException {
        long n = counted(in.readArrayStart());
        ArrayList<Object> out = new ArrayList<>((int) Math.min(n, 64));
        while (n > 0) {
            for (long i = 0; i < n; i++) out.add(value(items, level));
            n = counted(in.arrayNext());
        }
        return out;
    }

    private LinkedHashMap<String, Object> map(Schema values, int level) throws IOException {
        long n = counted(in.readMapStart());
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        while (n > 0) {
            for (long i = 0; i < n; i++) {
                String key = string();
                out.put(key, value(values, level));
            }
            n = counted(in.mapNext());
        }
        return out;
    }

    private String string() throws IOException {
        if (!resolving) return src.readString();
        org.apache.avro.util.Utf8 raw = in.readString(null);
        int len = raw.getByteLength();
        try {
            return Utf8.decode(raw.getBytes(), 0, len);
        } catch (Utf8.InvalidUtf8Exception e) {
            long offset = src.offsetOf(Math.max(0, src.position() - len + (int) e.offset()));
            throw new AvroDataException(ErrorCode.INVALID_UTF8, "Invalid UTF-8 in a string at byte offset " + offset,
                    offset);
        }
    }

    private Object bytes(Schema s) throws IOException {
        int at = src.position();
        Bytes b;
        if (resolving) {
            ByteBuffer buffer = in.readBytes(null);
            b = Bytes.of(buffer);
        } else {
            b = src.readBytesValue();
        }
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d) return decimal(b.toArray(), d.getScale(), at);
        if (logical instanceof LogicalTypes.BigDecimal) return bigDecimal(b.toArray(), at);
        return b;
    }

    private Object fixed(Schema s) throws IOException {
        int at = src.position();
        int size = s.getFixedSize();
        int remaining = in.remainingBytes();
        if (remaining >= 0 && size > remaining) {
            throw syntaxAt(at, "Fixed of " + size + " bytes exceeds the " + remaining + " remaining bytes");
        }
        byte[] data = new byte[size];
        in.readFixed(data, 0, size);
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal d) return decimal(data, d.getScale(), at);
        if (logical != null && "uuid".equals(logical.getName()) && size == 16) {
            ByteBuffer bb = ByteBuffer.wrap(data);
            return new UUID(bb.getLong(), bb.getLong()).toString();
        }
        return Bytes.wrap(data);
    }

    private BigDecimal decimal(byte[] unscaled, int scale, int at) throws AvroDataException {
        if (unscaled.length == 0) throw syntaxAt(at, "Decimal with no bytes");
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

    private BigDecimal bigDecimal(byte[] encoded, int at) throws IOException {
        AvroInput inner = new AvroInput(encoded, 0, encoded.length, src.offsetOf(at), 0);
        byte[] unscaled;
        int scale;
        try {
            unscaled = inner.readBytesValue().toArray();
            scale = inner.readInt();
        } catch (AvroDataException e) {
            throw syntaxAt(at, "Invalid big-decimal: " + e.getMessage());
        }
        if (!inner.atEnd()) throw syntaxAt(at, "Invalid big-decimal: trailing bytes");
        return decimal(unscaled, scale, at);
    }

    private static Object longValue(long v, LogicalType logical) {
        if (logical == null) return v;
        switch (logical.getName()) {
            case "timestamp-millis", "local-timestamp-millis":
                return Instant.ofEpochMilli(v);
            case "timestamp-micros", "local-timestamp-micros":
                return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L);
            case "timestamp-nanos", "local-timestamp-nanos":
                return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
            default:
                return v;
        }
    }

    private void enter(int level) throws AvroDataException {
        if (level > limits.maxDepth()) {
            throw new AvroDataException(ErrorCode.MAX_DEPTH_EXCEEDED, "Record nests deeper than max.depth="
                    + limits.maxDepth(), src.offsetOf(src.position()));
        }
    }

    /** Counts {@code n} more values (fields, items or entries) and returns {@code n}. */
    private long counted(long n) throws AvroDataException {
        if (n > limits.maxFields() - count) {
            throw new AvroDataException(ErrorCode.MAX_FIELDS_EXCEEDED, "Record has more than max.fields="
                    + limits.maxFields() + " values", src.offsetOf(src.position()));
        }
        count += n;
        return n;
    }

    private AvroDataException syntaxAt(int at, String message) {
        return new AvroDataException(ErrorCode.AVRO_SYNTAX, message, src.offsetOf(at));
    }
}
