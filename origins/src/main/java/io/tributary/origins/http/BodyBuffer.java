package io.tributary.origins.http;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * A growing byte array with a hard limit: appending past the limit fails before anything is allocated for it,
 * so a body never takes more memory than its limit.
 *
 * <p>Not thread-safe: used by one connection's event loop.
 */
final class BodyBuffer {
    private static final int MIN_CAPACITY = 1024;
    private final long limit;
    private final String limitName;
    private byte[] data;
    private int size;

    /**
     * @param expected the expected size (a Content-Length), or -1 when unknown
     */
    BodyBuffer(long limit, String limitName, long expected) {
        this.limit = limit;
        this.limitName = limitName;
        this.data = new byte[(int) Math.min(limit, expected >= 0 ? expected : MIN_CAPACITY)];
    }

    void append(ByteBuf src) throws BodyTooLargeException {
        int n = src.readableBytes();
        ensure(n);
        src.getBytes(src.readerIndex(), data, size, n);
        size += n;
    }

    void append(byte[] src, int offset, int length) throws BodyTooLargeException {
        ensure(length);
        System.arraycopy(src, offset, data, size, length);
        size += length;
    }

    int size() {
        return size;
    }

    /** The bytes appended; the buffer must not be used afterwards. */
    byte[] toArray() {
        byte[] out = size == data.length ? data : Arrays.copyOf(data, size);
        data = null;
        return out;
    }

    private void ensure(int n) throws BodyTooLargeException {
        long needed = (long) size + n;
        if (needed > limit) {
            throw new BodyTooLargeException("The body is larger than " + limitName + " (" + limit + " bytes)");
        }
        if (needed > data.length) {
            long grown = Math.max(needed, Math.max(2L * data.length, MIN_CAPACITY));
            data = Arrays.copyOf(data, (int) Math.min(grown, limit));
        }
    }
}
