package io.tributary.formats.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Utf8;
import io.tributary.record.Bytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the wire bytes of one message into a tree of {@link Decoded} messages, following protobuf's merge
 * rules: the last value of a singular field wins, repeated values append (packed or not, whatever the
 * declaration says), a singular message that occurs twice is merged, setting a oneof member clears the others,
 * and a map entry replaces an earlier one with the same key. Fields the descriptor does not declare, and fields
 * that arrive with a wire type their declaration does not allow, are skipped as unknown fields.
 *
 * <p>Leaf values are normalized as they are read: integers to {@link Long} (a {@code uint64}/{@code fixed64}
 * above {@link Long#MAX_VALUE} to {@link BigDecimal}), floats to the {@link Double} of their shortest decimal
 * form, strings strictly checked as UTF-8, bytes to {@link Bytes}, enums to their value name (an unknown number
 * to {@link Long}). Map keys become strings.
 *
 * <p>Immutable and thread-safe.
 */
final class MessageDecoder {
    private static final BigDecimal TWO_TO_64 = new BigDecimal(BigInteger.ONE.shiftLeft(64));

    /** One decoded message: its type and one slot per declared field, by field index. */
    static final class Decoded {
        final Descriptor type;
        final Object[] slots;

        Decoded(Descriptor type) {
            this.type = type;
            this.slots = new Object[type.getFields().size()];
        }

        Object get(int fieldNumber) {
            FieldDescriptor f = type.findFieldByNumber(fieldNumber);
            return f == null ? null : slots[f.getIndex()];
        }
    }

    /** A message being read: where it ends (or the group number that ends it), and where it goes when done. */
    private record Frame(Decoded message, int end, int endGroup, int nesting, Frame parent, Decoded mapOwner,
            FieldDescriptor mapField) {
    }

    private final int maxNesting;

    /** {@code maxNesting}: how many messages deep the bytes may nest before decoding stops. */
    MessageDecoder(int maxNesting) {
        this.maxNesting = maxNesting;
    }

    /** Decodes without recursion: nesting costs heap (bounded by the input), never stack. */
    Decoded decode(byte[] payload, int from, int to, Descriptor type) throws ProtobufException {
        WireReader in = new WireReader(payload, from);
        Decoded root = new Decoded(type);
        Frame frame = new Frame(root, to, 0, 0, null, null, null);
        while (true) {
            if (in.position() >= frame.end()) {
                if (frame.endGroup() != 0) {
                    throw ProtobufException.syntax("Group " + frame.endGroup() + " is not terminated", frame.end());
                }
                if (frame.parent() == null) return root;
                frame = finish(frame);
                continue;
            }
            int fieldStart = in.position();
            long tag = in.readTag(frame.end());
            int number = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (wire == WireReader.END_GROUP) {
                if (number != frame.endGroup()) {
                    throw ProtobufException.syntax("Unexpected end-group tag for field " + number, fieldStart);
                }
                frame = finish(frame);
                continue;
            }
            FieldDescriptor field = frame.message().type.findFieldByNumber(number);
            int expected = field == null ? -1 : wireType(field);
            if (field != null && field.isRepeated() && wire == WireReader.LENGTH_DELIMITED && expected != wire
                    && expected != WireReader.START_GROUP) {
                readPacked(in, frame, field);
            } else if (wire != expected) {
                in.skipField(wire, number, frame.end());
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                frame = enter(in, frame, field, wire, fieldStart);
            } else {
                Object value = readScalar(in, field, frame.end());
                if (field.isRepeated()) {
                    list(frame.message(), field.getIndex()).add(value);
                } else {
                    clearOtherOneofMembers(frame.message(), field);
                    frame.message().slots[field.getIndex()] = value;
                }
            }
        }
    }

    private static void readPacked(WireReader in, Frame frame, FieldDescriptor field) throws ProtobufException {
        int length = in.readLength(frame.end());
        int packedEnd = in.position() + length;
        List<Object> list = list(frame.message(), field.getIndex());
        while (in.position() < packedEnd) list.add(readScalar(in, field, packedEnd));
    }

    /** The frame of the message (or group, or map entry) that {@code field} starts. */
    private Frame enter(WireReader in, Frame frame, FieldDescriptor field, int wire, int fieldStart)
            throws ProtobufException {
        if (frame.nesting() + 1 > maxNesting) {
            throw new ProtobufException(ErrorCode.MAX_DEPTH_EXCEEDED,
                    "Messages nest more than " + maxNesting + " deep", fieldStart);
        }
        Decoded parent = frame.message();
        Decoded target;
        if (field.isMapField() || field.isRepeated()) {
            target = new Decoded(field.getMessageType());
            if (!field.isMapField()) list(parent, field.getIndex()).add(target);
        } else {
            clearOtherOneofMembers(parent, field);
            target = parent.slots[field.getIndex()] instanceof Decoded d ? d : new Decoded(field.getMessageType());
            parent.slots[field.getIndex()] = target;
        }
        Decoded mapOwner = field.isMapField() ? parent : null;
        FieldDescriptor mapField = field.isMapField() ? field : null;
        if (wire == WireReader.START_GROUP) {
            return new Frame(target, frame.end(), field.getNumber(), frame.nesting() + 1, frame, null, null);
        }
        int length = in.readLength(frame.end());
        return new Frame(target, in.position() + length, 0, frame.nesting() + 1, frame, mapOwner, mapField);
    }

    /** Completes a nested message and returns the frame it was read in. */
    @SuppressWarnings("unchecked")
    private static Frame finish(Frame frame) {
        if (frame.mapField() != null) {
            Decoded entry = frame.message();
            FieldDescriptor keyField = entry.type.findFieldByNumber(1);
            FieldDescriptor valueField = entry.type.findFieldByNumber(2);
            Object key = entry.slots[keyField.getIndex()];
            if (key == null) key = defaultValue(keyField);
            Object value = entry.slots[valueField.getIndex()];
            if (value == null) {
                value = valueField.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                        ? new Decoded(valueField.getMessageType()) : defaultValue(valueField);
            }
            Object[] slots = frame.mapOwner().slots;
            int index = frame.mapField().getIndex();
            if (!(slots[index] instanceof Map)) slots[index] = new LinkedHashMap<>();
            ((Map<String, Object>) slots[index]).put(keyText(key), value);
        }
        return frame.parent();
    }

    private static Object readScalar(WireReader in, FieldDescriptor field, int end) throws ProtobufException {
        switch (field.getType()) {
            case INT32: return (long) (int) in.readVarint(end);
            case INT64: return in.readVarint(end);
            case UINT32: return in.readVarint(end) & 0xFFFFFFFFL;
            case UINT64: return unsigned(in.readVarint(end));
            case SINT32: {
                int n = (int) in.readVarint(end);
                return (long) ((n >>> 1) ^ -(n & 1));
            }
            case SINT64: {
                long n = in.readVarint(end);
                return (n >>> 1) ^ -(n & 1);
            }
            case BOOL: return in.readVarint(end) != 0;
            case ENUM: return enumValue(field, (int) in.readVarint(end));
            case FIXED32: return in.readFixed32(end) & 0xFFFFFFFFL;
            case SFIXED32: return (long) in.readFixed32(end);
            case FLOAT: return floatValue(Float.intBitsToFloat(in.readFixed32(end)));
            case FIXED64: return unsigned(in.readFixed64(end));
            case SFIXED64: return in.readFixed64(end);
            case DOUBLE: return Double.longBitsToDouble(in.readFixed64(end));
            case STRING: {
                int length = in.readLength(end);
                int at = in.position();
                in.skipTo(at + length);
                try {
                    return Utf8.decode(in.buffer(), at, length);
                } catch (Utf8.InvalidUtf8Exception e) {
                    throw new ProtobufException(ErrorCode.INVALID_UTF8, "String field '" + field.getFullName()
                            + "' is not valid UTF-8 at byte offset " + e.offset(), e.offset());
                }
            }
            case BYTES: {
                int length = in.readLength(end);
                int at = in.position();
                in.skipTo(at + length);
                return Bytes.of(in.buffer(), at, length);
            }
            default: throw new IllegalStateException("Not a scalar field: " + field.getFullName());
        }
    }

    /** The wire type {@code field} is declared with (packed repeated scalars aside). */
    static int wireType(FieldDescriptor field) {
        return switch (field.getType()) {
            case DOUBLE, FIXED64, SFIXED64 -> WireReader.FIXED64;
            case FLOAT, FIXED32, SFIXED32 -> WireReader.FIXED32;
            case STRING, BYTES, MESSAGE -> WireReader.LENGTH_DELIMITED;
            case GROUP -> WireReader.START_GROUP;
            default -> WireReader.VARINT;
        };
    }

    /** The normalized default of a singular non-message field, as a decoded value. */
    static Object defaultValue(FieldDescriptor field) {
        Object d = field.getDefaultValue();
        return switch (field.getType()) {
            case INT32, SINT32, SFIXED32 -> (long) (Integer) d;
            case UINT32, FIXED32 -> (Integer) d & 0xFFFFFFFFL;
            case UINT64, FIXED64 -> unsigned((Long) d);
            case FLOAT -> floatValue((Float) d);
            case BYTES -> Bytes.wrap(((ByteString) d).toByteArray());
            case ENUM -> ((EnumValueDescriptor) d).getName();
            default -> d;
        };
    }

    static Object unsigned(long v) {
        return v >= 0 ? (Object) v : BigDecimal.valueOf(v).add(TWO_TO_64);
    }

    /** The double whose shortest decimal form is the float's, so 0.1f reads as 0.1. */
    static Double floatValue(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    private static Object enumValue(FieldDescriptor field, int number) {
        EnumValueDescriptor value = field.getEnumType().findValueByNumber(number);
        return value != null ? value.getName() : (Object) (long) number;
    }

    private static String keyText(Object key) {
        return key instanceof BigDecimal d ? d.toPlainString() : key.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Decoded message, int index) {
        Object slot = message.slots[index];
        if (slot == null) {
            slot = new ArrayList<>();
            message.slots[index] = slot;
        }
        return (List<Object>) slot;
    }

    private static void clearOtherOneofMembers(Decoded message, FieldDescriptor field) {
        OneofDescriptor oneof = field.getRealContainingOneof();
        if (oneof == null) return;
        for (FieldDescriptor member : oneof.getFields()) {
            if (member != field) message.slots[member.getIndex()] = null;
        }
    }
}
