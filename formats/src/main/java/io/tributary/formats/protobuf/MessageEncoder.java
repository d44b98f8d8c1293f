package io.tributary.formats.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import io.tributary.record.Bytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds protobuf messages from record fields: the inverse of what {@link RecordAssembler} makes, so a record
 * the parser produced encodes back to an equal message. Integers may be {@link Long} or integral
 * {@link BigDecimal}s in the field's range; float and double fields take any number; an enum takes its value
 * name or number; a {@code Timestamp} field takes an {@link Instant}, a wrapper field its value, a
 * {@code Struct} a map. A null value leaves its field unset.
 *
 * <p>Immutable and thread-safe. Throws {@link IllegalArgumentException} naming the field (as a path such as
 * {@code /readings/0/rssi_dbm}) for a field the message type lacks or a value of the wrong type or range.
 */
final class MessageEncoder {
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final boolean jsonNames;

    MessageEncoder(boolean jsonNames) {
        this.jsonNames = jsonNames;
    }

    /** The message of {@code type} holding {@code fields}, required fields checked. */
    DynamicMessage encode(Map<String, ?> fields, Descriptor type) {
        DynamicMessage message = message(fields, type, "");
        if (!message.isInitialized()) {
            throw new IllegalArgumentException("Required fields of " + type.getFullName() + " are missing: "
                    + message.findInitializationErrors());
        }
        return message;
    }

    private DynamicMessage message(Map<?, ?> fields, Descriptor type, String path) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            String fieldPath = path + "/" + e.getKey();
            FieldDescriptor field = field(type, (String) e.getKey());
            if (field == null) {
                throw new IllegalArgumentException("Field " + fieldPath + " is not in message type "
                        + type.getFullName());
            }
            Object value = e.getValue();
            if (value == null) continue;
            OneofDescriptor oneof = field.getRealContainingOneof();
            if (oneof != null && builder.hasOneof(oneof)) {
                throw new IllegalArgumentException("Field " + fieldPath + " and field "
                        + name(builder.getOneofFieldDescriptor(oneof)) + " are both set, but oneof "
                        + oneof.getName() + " holds only one");
            }
            if (field.isMapField()) {
                FieldDescriptor keyField = field.getMessageType().findFieldByNumber(1);
                FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
                Map<?, ?> entries = expect(Map.class, value, field, fieldPath);
                for (Map.Entry<?, ?> entry : entries.entrySet()) {
                    String entryPath = fieldPath + "/" + entry.getKey();
                    if (entry.getValue() == null) throw wrongType(field, null, entryPath);
                    builder.addRepeatedField(field, DynamicMessage.newBuilder(field.getMessageType())
                            .setField(keyField, key(keyField, (String) entry.getKey(), entryPath))
                            .setField(valueField, single(valueField, entry.getValue(), entryPath)).build());
                }
            } else if (field.isRepeated()) {
                List<?> items = expect(List.class, value, field, fieldPath);
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) == null) throw wrongType(field, null, fieldPath + "/" + i);
                    builder.addRepeatedField(field, single(field, items.get(i), fieldPath + "/" + i));
                }
            } else {
                builder.setField(field, single(field, value, fieldPath));
            }
        }
        return builder.buildPartial();
    }

    private FieldDescriptor field(Descriptor type, String name) {
        if (!jsonNames) return type.findFieldByName(name);
        for (FieldDescriptor f : type.getFields()) {
            if (f.getJsonName().equals(name)) return f;
        }
        return null;
    }

    private String name(FieldDescriptor field) {
        return jsonNames ? field.getJsonName() : field.getName();
    }

    /** The value protobuf-java expects for one (non-repeated) occurrence of {@code field}. */
    private Object single(FieldDescriptor field, Object v, String path) {
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> (int) integer(field, v, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT32, FIXED32 -> (int) integer(field, v, path, 0, 0xFFFFFFFFL);
            case INT64, SINT64, SFIXED64 -> integer(field, v, path, Long.MIN_VALUE, Long.MAX_VALUE);
            case UINT64, FIXED64 -> unsigned64(field, v, path);
            case FLOAT -> expect(Number.class, v, field, path).floatValue();
            case DOUBLE -> expect(Number.class, v, field, path).doubleValue();
            case BOOL -> expect(Boolean.class, v, field, path);
            case STRING -> expect(String.class, v, field, path);
            case BYTES -> ByteString.copyFrom(expect(Bytes.class, v, field, path).asReadOnlyBuffer());
            case ENUM -> enumValue(field, v, path);
            case MESSAGE, GROUP -> messageValue(field, v, path);
        };
    }

    private Object messageValue(FieldDescriptor field, Object v, String path) {
        Descriptor type = field.getMessageType();
        if (!type.getFile().getName().startsWith("google/protobuf/")) {
            return message(expect(Map.class, v, field, path), type, path);
        }
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        switch (type.getFullName()) {
            case "google.protobuf.Timestamp" -> {
                Instant t = expect(Instant.class, v, field, path);
                b.setField(type.findFieldByNumber(1), t.getEpochSecond());
                b.setField(type.findFieldByNumber(2), t.getNano());
            }
            case "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
                    "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
                    "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue" -> {
                FieldDescriptor value = type.findFieldByNumber(1);
                b.setField(value, single(value, v, path));
            }
            case "google.protobuf.Struct" -> {
                return struct(type, expect(Map.class, v, field, path), path);
            }
            case "google.protobuf.Value" -> {
                return structValue(type, v, path);
            }
            case "google.protobuf.ListValue" -> {
                return listValue(type, expect(List.class, v, field, path), path);
            }
            default -> {
                return message(expect(Map.class, v, field, path), type, path);
            }
        }
        return b.buildPartial();
    }

    private DynamicMessage struct(Descriptor structType, Map<?, ?> fields, String path) {
        FieldDescriptor mapField = structType.findFieldByNumber(1);
        Descriptor entryType = mapField.getMessageType();
        Descriptor valueType = entryType.findFieldByNumber(2).getMessageType();
        DynamicMessage.Builder b = DynamicMessage.newBuilder(structType);
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            b.addRepeatedField(mapField, DynamicMessage.newBuilder(entryType)
                    .setField(entryType.findFieldByNumber(1), e.getKey())
                    .setField(entryType.findFieldByNumber(2), structValue(valueType, e.getValue(),
                            path + "/" + e.getKey()))
                    .build());
        }
        return b.buildPartial();
    }

    private DynamicMessage structValue(Descriptor valueType, Object v, String path) {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(valueType);
        if (v == null) {
            FieldDescriptor nullField = valueType.findFieldByNumber(1);
            b.setField(nullField, nullField.getEnumType().findValueByNumber(0));
        } else if (v instanceof Number n) {
            b.setField(valueType.findFieldByNumber(2), n.doubleValue());
        } else if (v instanceof String s) {
            b.setField(valueType.findFieldByNumber(3), s);
        } else if (v instanceof Boolean bool) {
            b.setField(valueType.findFieldByNumber(4), bool);
        } else if (v instanceof Map<?, ?> m) {
            FieldDescriptor structField = valueType.findFieldByNumber(5);
            b.setField(structField, struct(structField.getMessageType(), m, path));
        } else if (v instanceof List<?> l) {
            FieldDescriptor listField = valueType.findFieldByNumber(6);
            b.setField(listField, listValue(listField.getMessageType(), l, path));
        } else {
            throw new IllegalArgumentException("Field " + path + " is a google.protobuf.Value: expected null, a "
                    + "number, string, boolean, map or list, got " + v.getClass().getSimpleName());
        }
        return b.buildPartial();
    }

    private DynamicMessage listValue(Descriptor listType, List<?> items, String path) {
        FieldDescriptor values = listType.findFieldByNumber(1);
        DynamicMessage.Builder b = DynamicMessage.newBuilder(listType);
        for (int i = 0; i < items.size(); i++) {
            b.addRepeatedField(values, structValue(values.getMessageType(), items.get(i), path + "/" + i));
        }
        return b.buildPartial();
    }

    private static EnumValueDescriptor enumValue(FieldDescriptor field, Object v, String path) {
        if (v instanceof String name) {
            EnumValueDescriptor value = field.getEnumType().findValueByName(name);
            if (value == null) {
                throw new IllegalArgumentException("Field " + path + ": '" + name + "' is not a value of enum "
                        + field.getEnumType().getFullName());
            }
            return value;
        }
        int number = (int) integer(field, v, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return field.getEnumType().findValueByNumberCreatingIfUnknown(number);
    }

    private Object key(FieldDescriptor keyField, String key, String path) {
        switch (keyField.getType()) {
            case STRING -> {
                return key;
            }
            case BOOL -> {
                if (key.equals("true") || key.equals("false")) return Boolean.valueOf(key);
                throw new IllegalArgumentException("Map key at " + path + " is not true or false");
            }
            default -> {
                Object number;
                try {
                    number = key.length() < 19 ? (Object) Long.parseLong(key) : new BigDecimal(key);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Map key at " + path + " is not an integer");
                }
                return single(keyField, number, path);
            }
        }
    }

    private static long integer(FieldDescriptor field, Object v, String path, long min, long max) {
        long n;
        if (v instanceof Long l) {
            n = l;
        } else if (v instanceof BigDecimal d) {
            try {
                n = d.longValueExact();
            } catch (ArithmeticException e) {
                throw outOfRange(field, v, path);
            }
        } else {
            throw wrongType(field, v, path);
        }
        if (n < min || n > max) throw outOfRange(field, v, path);
        return n;
    }

    private static long unsigned64(FieldDescriptor field, Object v, String path) {
        BigInteger n;
        if (v instanceof Long l) {
            n = BigInteger.valueOf(l);
        } else {
            try {
                n = expect(BigDecimal.class, v, field, path).toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw outOfRange(field, v, path);
            }
        }
        if (n.signum() < 0 || n.compareTo(MAX_UINT64) > 0) throw outOfRange(field, v, path);
        return n.longValue();
    }

    private static <T> T expect(Class<T> type, Object v, FieldDescriptor field, String path) {
        if (type.isInstance(v)) return type.cast(v);
        throw wrongType(field, v, path);
    }

    private static IllegalArgumentException wrongType(FieldDescriptor field, Object v, String path) {
        return new IllegalArgumentException("Field " + path + " is " + typeName(field) + ": got "
                + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
    }

    private static IllegalArgumentException outOfRange(FieldDescriptor field, Object v, String path) {
        return new IllegalArgumentException("Field " + path + " is " + typeName(field) + ": " + v
                + " is not an integer in its range");
    }

    private static String typeName(FieldDescriptor field) {
        String type = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? field.getMessageType().getFullName()
                : field.getJavaType() == FieldDescriptor.JavaType.ENUM ? field.getEnumType().getFullName()
                : field.getType().name().toLowerCase(java.util.Locale.ROOT);
        return "a " + (field.isMapField() ? "map" : field.isRepeated() ? "repeated " + type : type);
    }
}
