package io.tributary.formats.avro;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.Utf8;
import io.tributary.record.Bytes;
import java.nio.ByteBuffer;
import org.apache.avro.io.Decoder;

/**
 * A strict Avro binary decoder over a range of a byte array. Unlike Avro's {@code BinaryDecoder} it checks
 * every length against the bytes that remain before allocating, rejects over-long varints, ints out of range
 * and booleans other than 0 and 1, and reports problems as {@link AvroDataException}s with a payload offset.
 * Counts of array and map items are left to the caller, which bounds them by {@code max.fields}.
 *
 * <p>Offsets: when the range lies in the payload itself, errors carry the exact position; for a decompressed
 * container block they carry the block's offset in the payload ({@code reportAt}). Items skipped through
 * {@link #skipArray}/{@link #skipMap} (only schema resolution skips) count against {@code skipBudget}, so an
 * array of zero-byte items with a huge count cannot spin. Not thread-safe; one per datum sequence.
 */
final class AvroInput extends Decoder {
    private final byte[] buf;
    private final int end;
    private final long reportAt;
    private final long skipBudget;
    private int pos;
    private long skipped;

    AvroInput(byte[] buf, int start, int end, long reportAt, long skipBudget) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
        this.reportAt = reportAt;
        this.skipBudget = skipBudget;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= end;
    }

    /** Starts a new datum: resets the skip budget. */
    void startDatum() {
        skipped = 0;
    }

    /** The payload offset to report a problem found at {@code at}. */
    long offsetOf(int at) {
        return reportAt >= 0 ? reportAt : at;
    }

    AvroDataException syntax(String message) {
        return new AvroDataException(ErrorCode.AVRO_SYNTAX, message, offsetOf(Math.min(pos, end)));
    }

    @Override
    public int remainingBytes() {
        return end - pos;
    }

    @Override
    public void readNull() {
    }

    @Override
    public boolean readBoolean() throws AvroDataException {
        require(1);
        byte b = buf[pos];
        if (b != 0 && b != 1) throw syntax("Invalid boolean byte " + (b & 0xFF));
        pos++;
        return b == 1;
    }

    @Override
    public int readInt() throws AvroDataException {
        long n = readLong();
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) throw syntax("Int value " + n + " out of range");
        return (int) n;
    }

    @Override
    public long readLong() throws AvroDataException {
        int start = pos;
        long raw = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                pos = start;
                throw truncated(1);
            }
            int b = buf[pos++] & 0xFF;
            raw |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                if (shift == 63 && b > 1) break;
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        pos = start;
        throw syntax("Invalid variable-length integer");
    }

    @Override
    public float readFloat() throws AvroDataException {
        require(4);
        int bits = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
                | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws AvroDataException {
        require(8);
        long bits = 0;
        for (int i = 7; i >= 0; i--) bits = bits << 8 | (buf[pos + i] & 0xFF);
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    /** A length prefix, checked against the bytes that remain. */
    int readLength() throws AvroDataException {
        int start = pos;
        long n = readLong();
        if (n < 0) {
            pos = start;
            throw syntax("Negative length " + n);
        }
        if (n > end - pos) {
            pos = start;
            throw syntax("Length " + n + " exceeds the " + (end - pos) + " remaining bytes");
        }
        return (int) n;
    }

    /** A string decoded strictly: invalid UTF-8 is an {@link ErrorCode#INVALID_UTF8} error at its offset. */
    @Override
    public String readString() throws AvroDataException {
        int n = readLength();
        try {
            String s = Utf8.decode(buf, pos, n);
            pos += n;
            return s;
        } catch (Utf8.InvalidUtf8Exception e) {
            throw new AvroDataException(ErrorCode.INVALID_UTF8, "Invalid UTF-8 in a string at byte offset "
                    + offsetOf((int) e.offset()), offsetOf((int) e.offset()));
        }
    }

    /** Copies the string's bytes unchecked, for Avro's resolving decoder; the caller validates them. */
    @Override
    public org.apache.avro.util.Utf8 readString(org.apache.avro.util.Utf8 old) throws AvroDataException {
        int n = readLength();
        org.apache.avro.util.Utf8 out = old == null ? new org.apache.avro.util.Utf8() : old;
        out.setByteLength(n);
        System.arraycopy(buf, pos, out.getBytes(), 0, n);
        pos += n;
        return out;
    }

    @Override
    public void skipString() throws AvroDataException {
        skipFixed(readLength());
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws AvroDataException {
        int n = readLength();
        byte[] copy = new byte[n];
        System.arraycopy(buf, pos, copy, 0, n);
        pos += n;
        return ByteBuffer.wrap(copy);
    }

    /** A bytes value, copied. */
    Bytes readBytesValue() throws AvroDataException {
        int n = readLength();
        Bytes b = Bytes.of(buf, pos, n);
        pos += n;
        return b;
    }

    @Override
    public void skipBytes() throws AvroDataException {
        skipFixed(readLength());
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws AvroDataException {
        require(length);
        System.arraycopy(buf, pos, bytes, start, length);
        pos += length;
    }

    @Override
    public void skipFixed(int length) throws AvroDataException {
        require(length);
        pos += length;
    }

    @Override
    public int readEnum() throws AvroDataException {
        return readIndexValue("enum symbol");
    }

    @Override
    public int readIndex() throws AvroDataException {
        return readIndexValue("union branch");
    }

    private int readIndexValue(String what) throws AvroDataException {
        int start = pos;
        int n = readInt();
        if (n < 0) {
            pos = start;
            throw syntax("Negative " + what + " index " + n);
        }
        return n;
    }

    @Override
    public long readArrayStart() throws AvroDataException {
        return readBlockCount();
    }

    @Override
    public long arrayNext() throws AvroDataException {
        return readBlockCount();
    }

    @Override
    public long readMapStart() throws AvroDataException {
        return readBlockCount();
    }

    @Override
    public long mapNext() throws AvroDataException {
        return readBlockCount();
    }

    @Override
    public long skipArray() throws AvroDataException {
        return skipBlocks();
    }

    @Override
    public long skipMap() throws AvroDataException {
        return skipBlocks();
    }

    /** The item count of the next array or map block; a negative count's byte size is checked and dropped. */
    private long readBlockCount() throws AvroDataException {
        int start = pos;
        long count = readLong();
        if (count >= 0) return count;
        if (count == Long.MIN_VALUE) {
            pos = start;
            throw syntax("Invalid block count");
        }
        readLength();
        return -count;
    }

    /** Skips blocks that carry their byte size, and returns the next count the caller skips item by item. */
    private long skipBlocks() throws AvroDataException {
        while (true) {
            int start = pos;
            long count = readLong();
            if (count == Long.MIN_VALUE) {
                pos = start;
                throw syntax("Invalid block count");
            }
            if (count < 0) {
                skipFixed(readLength());
                continue;
            }
            skipped += count;
            if (skipped > skipBudget) {
                pos = start;
                throw new AvroDataException(ErrorCode.MAX_FIELDS_EXCEEDED, "Datum skips more than " + skipBudget
                        + " array or map items during schema resolution", offsetOf(start));
            }
            return count;
        }
    }

    private void require(int n) throws AvroDataException {
        if (n > end - pos) throw truncated(n);
    }

    private AvroDataException truncated(int n) {
        return syntax("Truncated data: needs " + n + " more bytes, " + (end - pos) + " remain");
    }
}
