package io.tributary.formats.protobuf;

import java.util.Arrays;

/**
 * Reads protobuf wire primitives from a byte array at absolute positions, so every error names the offset in
 * the payload. Never reads past the end given to each call and never allocates from a length it has not
 * checked against the bytes that remain.
 *
 * <p>Not thread-safe: one reader per message being decoded.
 */
final class WireReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int START_GROUP = 3;
    static final int END_GROUP = 4;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private int pos;

    WireReader(byte[] buf, int pos) {
        this.buf = buf;
        this.pos = pos;
    }

    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    void skipTo(int position) {
        pos = position;
    }

    /** A varint of up to ten bytes, all before {@code end}. */
    long readVarint(int end) throws ProtobufException {
        int start = pos;
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) throw ProtobufException.syntax("Truncated varint", start);
            byte b = buf[pos++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) return value;
        }
        throw ProtobufException.syntax("Malformed varint (more than ten bytes)", start);
    }

    /**
     * A tag: like protobuf-java, a varint of up to ten bytes of which the low 32 bits count; returned as an
     * unsigned value in a long. Field number 0 is rejected.
     */
    long readTag(int end) throws ProtobufException {
        int start = pos;
        long tag = readVarint(end) & 0xFFFFFFFFL;
        if (tag >>> 3 == 0) throw ProtobufException.syntax("Invalid tag " + tag + " (field number 0)", start);
        return tag;
    }

    int readFixed32(int end) throws ProtobufException {
        require(4, end);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
                | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    long readFixed64(int end) throws ProtobufException {
        require(8, end);
        long lo = readFixed32(end) & 0xFFFFFFFFL;
        long hi = readFixed32(end) & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    /**
     * A length prefix (like protobuf-java, the low 32 bits of a varint, which must not be negative), checked
     * against the bytes left before {@code end}; the position is left after it.
     */
    int readLength(int end) throws ProtobufException {
        int start = pos;
        int length = (int) readVarint(end);
        if (length < 0 || length > end - pos) {
            throw ProtobufException.syntax("Length " + length + " is " + (length < 0 ? "negative" : "larger than the "
                    + (end - pos) + " bytes that remain"), start);
        }
        return length;
    }

    /** Skips the value of a field nobody asked for; groups are skipped without recursion. */
    void skipField(int wireType, int number, int end) throws ProtobufException {
        switch (wireType) {
            case VARINT -> readVarint(end);
            case FIXED64 -> skip(8, end);
            case LENGTH_DELIMITED -> {
                int length = readLength(end);
                pos += length;
            }
            case FIXED32 -> skip(4, end);
            case START_GROUP -> skipGroup(number, end);
            default -> throw ProtobufException.syntax("Invalid wire type " + wireType, pos);
        }
    }

    private void skipGroup(int number, int end) throws ProtobufException {
        int start = pos;
        int[] open = new int[8];
        int depth = 0;
        open[depth++] = number;
        while (depth > 0) {
            if (pos >= end) throw ProtobufException.syntax("Unterminated group " + open[depth - 1], start);
            int tagStart = pos;
            long tag = readTag(end);
            int n = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (wire == END_GROUP) {
                if (n != open[depth - 1]) {
                    throw ProtobufException.syntax("End-group tag " + n + " does not close group "
                            + open[depth - 1], tagStart);
                }
                depth--;
            } else if (wire == START_GROUP) {
                if (depth == open.length) open = Arrays.copyOf(open, depth * 2);
                open[depth++] = n;
            } else {
                skipField(wire, n, end);
            }
        }
    }

    private void skip(int n, int end) throws ProtobufException {
        require(n, end);
        pos += n;
    }

    private void require(int n, int end) throws ProtobufException {
        if (end - pos < n) throw ProtobufException.syntax("Truncated value: " + n + " bytes needed", pos);
    }
}
