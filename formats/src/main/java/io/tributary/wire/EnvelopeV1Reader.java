package io.tributary.wire;

import static io.tributary.wire.EnvelopeV1Writer.BOOLEAN;
import static io.tributary.wire.EnvelopeV1Writer.BYTES;
import static io.tributary.wire.EnvelopeV1Writer.DECIMAL;
import static io.tributary.wire.EnvelopeV1Writer.DOUBLE;
import static io.tributary.wire.EnvelopeV1Writer.LIST;
import static io.tributary.wire.EnvelopeV1Writer.LONG;
import static io.tributary.wire.EnvelopeV1Writer.MAP;
import static io.tributary.wire.EnvelopeV1Writer.NULL;
import static io.tributary.wire.EnvelopeV1Writer.STRING;
import static io.tributary.wire.EnvelopeV1Writer.TIMESTAMP;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.Utf8;
import io.tributary.record.Bytes;
import io.tributary.record.Header;
import io.tributary.record.Record;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import org.apache.avro.io.BinaryDecoder;

/**
 * Reads the binary datum of envelope schema v1 straight into a {@link Record}, keeping the order of maps.
 * Corrupt input is caught here rather than trusted: every count is checked against the bytes left (each item
 * takes at least one byte) and collections are presized only up to a limit, so memory grows with the input's
 * size, never with what a corrupt count or length claims; nesting is bounded by
 * {@link WireCodec#MAX_DEPTH} and read without recursion.
 *
 * <p>One instance reads one message on one thread.
 */
final class EnvelopeV1Reader {
    private static final long MIN_SECONDS = Instant.MIN.getEpochSecond();
    private static final long MAX_SECONDS = Instant.MAX.getEpochSecond();
    /** Larger collections grow as their items arrive, so a false count cannot reserve much memory. */
    private static final int PRESIZE_LIMIT = 1024;

    private final BinaryDecoder in;
    private final int messageLength;
    private final org.apache.avro.util.Utf8 scratch = new org.apache.avro.util.Utf8();
    /** The open lists and maps, outermost first; values read now are at nesting level {@code depth}. */
    private Object[] containers = new Object[8];
    /** Items left in the current block of each open container. */
    private long[] left = new long[8];
    private int depth;

    private EnvelopeV1Reader(BinaryDecoder in, int messageLength) {
        this.in = in;
        this.messageLength = messageLength;
    }

    /**
     * Reads one envelope from {@code in}, which must end where the message ends.
     *
     * @param messageLength the length of the whole message, header included, for error offsets
     */
    static Record read(BinaryDecoder in, int messageLength) throws IOException, WireFormatException {
        return new EnvelopeV1Reader(in, messageLength).envelope();
    }

    private Record envelope() throws IOException, WireFormatException {
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        Record record = Record.wrap(fields);
        Header header = record.header().key(optionalString()).source(optionalString())
                .receivedAt(optionalTimestamp()).eventTime(optionalTimestamp());
        for (long n = count(in.readMapStart()); n > 0; n = count(in.mapNext())) {
            for (long i = 0; i < n; i++) {
                String name = string();
                header.attribute(name, string());
            }
        }
        fields(fields);
        if (!in.isEnd()) throw malformed("bytes left over after the envelope");
        return record;
    }

    private String optionalString() throws IOException, WireFormatException {
        return optional() ? string() : null;
    }

    private Instant optionalTimestamp() throws IOException, WireFormatException {
        return optional() ? timestamp() : null;
    }

    private boolean optional() throws IOException, WireFormatException {
        int branch = in.readIndex();
        if (branch == 0) return false;
        if (branch == 1) return true;
        throw malformed("union branch " + branch + " of a [null, T] union");
    }

    /**
     * Reads the fields map and everything nested in it with an explicit stack instead of recursion, so no
     * nesting can overflow the thread's stack, whatever its size.
     */
    @SuppressWarnings("unchecked")
    private void fields(LinkedHashMap<String, Object> fields) throws IOException, WireFormatException {
        push(fields, count(in.readMapStart()));
        while (depth > 0) {
            int top = depth - 1;
            Object container = containers[top];
            boolean isMap = container instanceof LinkedHashMap;
            if (left[top] == 0) {
                long n = count(isMap ? in.mapNext() : in.arrayNext());
                if (n == 0) {
                    containers[--depth] = null;
                    continue;
                }
                left[top] = n;
            }
            left[top]--;
            if (isMap) {
                String name = string();
                ((LinkedHashMap<String, Object>) container).put(name, value());
            } else {
                ((ArrayList<Object>) container).add(value());
            }
        }
    }

    /** Reads one Value at nesting level {@code depth}; a list or map is returned empty and opened for filling. */
    private Object value() throws IOException, WireFormatException {
        int branch = in.readIndex();
        switch (branch) {
            case NULL:
                return null;
            case BOOLEAN:
                return in.readBoolean();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case STRING:
                return string();
            case BYTES:
                return Bytes.wrap(byteArray());
            case DECIMAL:
                return decimal();
            case TIMESTAMP:
                return timestamp();
            case LIST: {
                checkNesting();
                long n = count(in.readArrayStart());
                ArrayList<Object> list = new ArrayList<>((int) Math.min(n, PRESIZE_LIMIT));
                push(list, n);
                return list;
            }
            case MAP: {
                checkNesting();
                long n = count(in.readMapStart());
                LinkedHashMap<String, Object> map = new LinkedHashMap<>((int) Math.min(n, PRESIZE_LIMIT) * 4 / 3 + 1);
                push(map, n);
                return map;
            }
            default:
                throw malformed("union branch " + branch + " of Value does not exist");
        }
    }

    private void checkNesting() throws WireFormatException {
        if (depth >= WireCodec.MAX_DEPTH) {
            throw malformed("values nest deeper than " + WireCodec.MAX_DEPTH + " levels");
        }
    }

    /** Opens a container whose first block holds {@code n} items; an empty one is already complete. */
    private void push(Object container, long n) {
        if (n == 0) return;
        if (depth == containers.length) {
            containers = Arrays.copyOf(containers, depth * 2);
            left = Arrays.copyOf(left, depth * 2);
        }
        containers[depth] = container;
        left[depth] = n;
        depth++;
    }

    /** A block count of a map or an array, which cannot exceed the bytes left. */
    private long count(long n) throws WireFormatException {
        if (n > in.remainingBytes()) {
            throw malformed("a block of " + n + " items cannot fit in the " + in.remainingBytes() + " bytes left");
        }
        return n;
    }

    private String string() throws IOException, WireFormatException {
        in.readString(scratch);
        int length = scratch.getByteLength();
        try {
            return Utf8.decode(scratch.getBytes(), 0, length);
        } catch (Utf8.InvalidUtf8Exception e) {
            long at = position() - length + e.offset();
            throw new WireFormatException(ErrorCode.WIRE_MALFORMED, "Malformed envelope at byte " + at
                    + ": invalid UTF-8 in a string", at, e);
        }
    }

    private byte[] byteArray() throws IOException {
        ByteBuffer buffer = in.readBytes(null);
        byte[] array = buffer.array();
        if (buffer.arrayOffset() == 0 && buffer.position() == 0 && array.length == buffer.remaining()) return array;
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return copy;
    }

    private BigDecimal decimal() throws IOException, WireFormatException {
        byte[] unscaled = byteArray();
        if (unscaled.length == 0) throw malformed("a decimal with an empty unscaled value");
        return new BigDecimal(new BigInteger(unscaled), in.readInt());
    }

    private Instant timestamp() throws IOException, WireFormatException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        if (nanos < 0 || nanos > 999_999_999) throw malformed("a timestamp with nanos " + nanos);
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw malformed("a timestamp of " + seconds + " seconds, outside the range of Instant");
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private long position() {
        return messageLength - in.remainingBytes();
    }

    private WireFormatException malformed(String what) {
        long at = position();
        return new WireFormatException(ErrorCode.WIRE_MALFORMED, "Malformed envelope at byte " + at + ": " + what,
                at);
    }
}
