package io.tributary.agent.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads the frames of one segment file in order through a buffer, checking each frame's length and CRC,
 * never reading past a given limit (the durable size, or the file size during recovery). Not thread-safe.
 */
final class SegmentReader implements Closeable {
    /** One valid frame: its sequence number, its entry bytes, where it starts and how many bytes it takes. */
    record Frame(long seq, byte[] entry, long start, int bytes) {}

    /** A frame at {@code offset} that is invalid ({@code incomplete}: it runs past the limit). */
    static final class BadFrameException extends IOException {
        final long offset;
        final boolean incomplete;

        BadFrameException(Path file, long offset, boolean incomplete, String reason) {
            super("Spool segment " + file + ": bad frame at offset " + offset + ": " + reason);
            this.offset = offset;
            this.incomplete = incomplete;
        }
    }

    private static final int BUFFER_BYTES = 64 << 10;

    final Segment segment;
    private final FileChannel channel;
    private final CRC32C crc = new CRC32C();
    /** Bytes [position, limit) of the buffer are the file's bytes from bufferStart + position. */
    private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).limit(0);
    private long bufferStart = SegmentFile.HEADER_BYTES;

    SegmentReader(Segment segment) throws IOException {
        this.segment = segment;
        this.channel = FileChannel.open(segment.path, StandardOpenOption.READ);
    }

    long position() {
        return bufferStart + buffer.position();
    }

    void seek(long position) {
        if (position >= bufferStart && position <= bufferStart + buffer.limit()) {
            buffer.position((int) (position - bufferStart));
        } else {
            bufferStart = position;
            buffer.limit(0);
        }
    }

    /**
     * The frame at the current position, advancing past it; null at {@code limit}. A frame that is invalid or
     * runs past the limit throws {@link BadFrameException} and leaves the position where that frame starts.
     */
    Frame next(long limit) throws IOException {
        long start = position();
        if (start >= limit) return null;
        if (!fill(4, limit)) throw bad(start, true, "length field cut off at " + limit);
        int length = buffer.getInt(buffer.position());
        if (length < SegmentFile.MIN_FRAME_LENGTH) throw bad(start, false, "invalid length " + length);
        if (start + SegmentFile.FRAME_PREFIX + length > limit) {
            throw bad(start, true, "frame of " + length + " bytes runs past " + limit);
        }
        fill(SegmentFile.FRAME_PREFIX + length, limit);
        int p = buffer.position();
        crc.reset();
        crc.update(buffer.array(), p + SegmentFile.FRAME_PREFIX, length);
        if ((int) crc.getValue() != buffer.getInt(p + 4)) throw bad(start, false, "CRC mismatch");
        long seq = buffer.getLong(p + SegmentFile.FRAME_PREFIX);
        byte[] entry = new byte[length - 8];
        System.arraycopy(buffer.array(), p + SegmentFile.FRAME_PREFIX + 8, entry, 0, entry.length);
        buffer.position(p + SegmentFile.FRAME_PREFIX + length);
        return new Frame(seq, entry, start, SegmentFile.FRAME_PREFIX + length);
    }

    /**
     * After a bad frame at {@code from}: searches byte by byte for the next valid frame before {@code limit}
     * whose sequence number is in [minSeq, maxSeq). Returns its offset, positioned there, or -1 (positioned
     * at {@code limit}). The sequence range and the CRC make a false match on stale or random bytes unlikely.
     */
    long resync(long from, long limit, long minSeq, long maxSeq) throws IOException {
        int header = SegmentFile.FRAME_PREFIX + 8;
        for (long candidate = from + 1; candidate + header <= limit; candidate++) {
            seek(candidate);
            if (!fill(header, limit)) break;
            int p = buffer.position();
            int length = buffer.getInt(p);
            long seq = buffer.getLong(p + SegmentFile.FRAME_PREFIX);
            if (length < SegmentFile.MIN_FRAME_LENGTH || candidate + SegmentFile.FRAME_PREFIX + length > limit
                    || seq < minSeq || seq >= maxSeq) {
                continue;
            }
            fill(SegmentFile.FRAME_PREFIX + length, limit);
            p = buffer.position();
            crc.reset();
            crc.update(buffer.array(), p + SegmentFile.FRAME_PREFIX, length);
            if ((int) crc.getValue() == buffer.getInt(p + 4)) {
                seek(candidate);
                return candidate;
            }
        }
        seek(limit);
        return -1;
    }

    /** Makes {@code n} bytes available from the position without reading past {@code limit}; false if it cannot. */
    private boolean fill(int n, long limit) throws IOException {
        if (buffer.remaining() >= n) return true;
        long position = position();
        if (position + n > limit) return false;
        if (buffer.capacity() < n) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(n, buffer.capacity() * 2));
            bigger.put(buffer);
            buffer = bigger;
        } else {
            buffer.compact();
        }
        bufferStart = position;
        int want = (int) Math.min(buffer.capacity(), limit - position);
        while (buffer.position() < want) {
            buffer.limit(want);
            int read = channel.read(buffer, bufferStart + buffer.position());
            if (read < 0) break;
        }
        buffer.flip();
        if (buffer.remaining() < n) {
            throw new IOException("Spool segment " + segment.path + " ended at " + (bufferStart + buffer.remaining())
                    + " before its expected size " + limit);
        }
        return true;
    }

    private BadFrameException bad(long offset, boolean incomplete, String reason) {
        return new BadFrameException(segment.path, offset, incomplete, reason);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
