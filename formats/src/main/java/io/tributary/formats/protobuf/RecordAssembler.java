package io.tributary.formats.protobuf;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.protobuf.MessageDecoder.Decoded;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one {@link Decoded} message into record fields: fields in declaration order, named as in the
 * {@code .proto} or by their JSON names, a message as a map, a repeated field as a list, a map field as a map.
 * A field with presence that is unset is omitted; a field without presence that holds its default (and an
 * empty repeated or map field) is omitted unless defaults are included. Well-known types become values:
 * {@code Timestamp} an {@link Instant}, the wrappers their value, {@code Struct}/{@code Value}/{@code ListValue}
 * maps, lists and scalars. Enforces max.depth and max.fields exactly as {@code Limits.checkShape} counts them.
 *
 * <p>Holds the count of one record: not thread-safe, one instance per record.
 */
final class RecordAssembler {
    private final boolean jsonNames;
    private final boolean includeDefaults;
    private final int maxDepth;
    private final int maxFields;
    private final long offset;
    private int count;

    RecordAssembler(ProtobufParser.Config config, long offset) {
        this.jsonNames = config.jsonNames();
        this.includeDefaults = config.includeDefaults();
        this.maxDepth = config.limits().maxDepth();
        this.maxFields = config.limits().maxFields();
        this.offset = offset;
    }

    LinkedHashMap<String, Object> fields(Decoded message) throws ProtobufException {
        return message(message, 1);
    }

    /** The fields of {@code message}, which sit at {@code level}. */
    private LinkedHashMap<String, Object> message(Decoded message, int level) throws ProtobufException {
        enter(level);
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (FieldDescriptor field : message.type.getFields()) {
            Object value = message.slots[field.getIndex()];
            if (value == null) {
                if (!includeDefaults || field.hasPresence()) continue;
                value = field.isMapField() ? new LinkedHashMap<>()
                        : field.isRepeated() ? new ArrayList<>() : MessageDecoder.defaultValue(field);
            } else if (!includeDefaults && isEmptyOrDefault(field, value)) {
                continue;
            }
            put(out, jsonNames ? field.getJsonName() : field.getName(), value(field, value, level));
        }
        return out;
    }

    private static boolean isEmptyOrDefault(FieldDescriptor field, Object value) {
        if (value instanceof List<?> l) return l.isEmpty();
        if (value instanceof Map<?, ?> m) return m.isEmpty();
        return !field.hasPresence() && value.equals(MessageDecoder.defaultValue(field));
    }

    /** The value of {@code field} in a message whose fields sit at {@code level}. */
    private Object value(FieldDescriptor field, Object value, int level) throws ProtobufException {
        if (field.isMapField()) {
            enter(level + 1);
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                put(out, (String) e.getKey(), e.getValue() instanceof Decoded d ? messageValue(d, level + 1)
                        : e.getValue());
            }
            return out;
        }
        if (field.isRepeated()) {
            enter(level + 1);
            List<?> items = (List<?>) value;
            ArrayList<Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                counted();
                out.add(item instanceof Decoded d ? messageValue(d, level + 1) : item);
            }
            return out;
        }
        return value instanceof Decoded d ? messageValue(d, level) : value;
    }

    /** A message value placed at {@code level}: well-known types become plain values. */
    private Object messageValue(Decoded d, int level) throws ProtobufException {
        if (!d.type.getFile().getName().startsWith("google/protobuf/")) return message(d, level + 1);
        switch (d.type.getFullName()) {
            case "google.protobuf.Timestamp": return timestamp(d);
            case "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
                    "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
                    "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue": {
                Object v = d.get(1);
                return v != null ? v : MessageDecoder.defaultValue(d.type.findFieldByNumber(1));
            }
            case "google.protobuf.Struct": return struct(d, level);
            case "google.protobuf.Value": return structValue(d, level);
            case "google.protobuf.ListValue": return listValue(d, level);
            default: return message(d, level + 1);
        }
    }

    private Instant timestamp(Decoded d) throws ProtobufException {
        long seconds = d.get(1) instanceof Long s ? s : 0L;
        long nanos = d.get(2) instanceof Long n ? n : 0L;
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException | ArithmeticException e) {
            throw ProtobufException.syntax("Timestamp of " + seconds + " s and " + nanos
                    + " ns is outside the range of an instant", offset);
        }
    }

    private LinkedHashMap<String, Object> struct(Decoded d, int level) throws ProtobufException {
        enter(level + 1);
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        if (d.get(1) instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> e : fields.entrySet()) {
                put(out, (String) e.getKey(), structValue((Decoded) e.getValue(), level + 1));
            }
        }
        return out;
    }

    private Object structValue(Decoded d, int level) throws ProtobufException {
        for (int kind = 1; kind <= 6; kind++) {
            Object v = d.get(kind);
            if (v == null) continue;
            return switch (kind) {
                case 1 -> null;
                case 5 -> struct((Decoded) v, level);
                case 6 -> listValue((Decoded) v, level);
                default -> v;
            };
        }
        return null;
    }

    private ArrayList<Object> listValue(Decoded d, int level) throws ProtobufException {
        enter(level + 1);
        List<?> items = d.get(1) instanceof List<?> l ? l : List.of();
        ArrayList<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            counted();
            out.add(structValue((Decoded) item, level + 1));
        }
        return out;
    }

    private void put(LinkedHashMap<String, Object> out, String key, Object value) throws ProtobufException {
        counted();
        out.put(key, value);
    }

    private void enter(int level) throws ProtobufException {
        if (level > maxDepth) {
            throw new ProtobufException(ErrorCode.MAX_DEPTH_EXCEEDED,
                    "Record nests deeper than max.depth=" + maxDepth, offset);
        }
    }

    private void counted() throws ProtobufException {
        if (++count > maxFields) {
            throw new ProtobufException(ErrorCode.MAX_FIELDS_EXCEEDED,
                    "Record has more than max.fields=" + maxFields + " values", offset);
        }
    }
}
