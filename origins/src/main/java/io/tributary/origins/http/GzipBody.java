package io.tributary.origins.http;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A {@code Content-Encoding: gzip} body, decompressed as it arrives (RFC 1952, one or more members) into a
 * buffer capped at {@code gzip.max.bytes}: a gzip bomb stops at the cap with {@link BodyTooLargeException}
 * after at most one scratch buffer more, instead of filling the heap. The compressed size counts against
 * {@code max.body.bytes}. CRC-32 and length of every member are checked.
 *
 * <p>Not thread-safe: one connection's event loop. Holds a native {@link Inflater}: {@link #finish()} or
 * {@link #discard()} must be called.
 */
final class GzipBody implements RequestBody {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xe0;
    private static final int FIXED_HEADER = 10;

    private enum Step { HEADER, EXTRA_LENGTH, EXTRA, NAME, COMMENT, HEADER_CRC, INFLATE, TRAILER, BETWEEN_MEMBERS }

    private static final Step[] FIELDS = {Step.EXTRA_LENGTH, Step.NAME, Step.COMMENT, Step.HEADER_CRC};
    private static final int[] FIELD_FLAGS = {FEXTRA, FNAME, FCOMMENT, FHCRC};

    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] scratch = new byte[16 * 1024];
    private final BodyBuffer out;
    private final long maxCompressed;
    private long compressed;
    private Step step = Step.HEADER;
    private int position;
    private int flags;
    private int remaining;
    private long trailer;
    private long memberSize;
    private boolean ended;

    GzipBody(long maxCompressed, long maxDecompressed) {
        this.maxCompressed = maxCompressed;
        this.out = new BodyBuffer(maxDecompressed, "gzip.max.bytes", -1);
    }

    @Override
    public void append(ByteBuf chunk) throws BodyTooLargeException, ZipException {
        compressed += chunk.readableBytes();
        if (compressed > maxCompressed) {
            throw new BodyTooLargeException("The compressed body is larger than max.body.bytes (" + maxCompressed
                    + " bytes)");
        }
        ByteBuffer in = chunk.nioBuffer();
        while (in.hasRemaining()) {
            switch (step) {
                case INFLATE -> {
                    inflate(in);
                    if (step == Step.INFLATE && in.hasRemaining()) throw new ZipException("gzip body: inflater stalled");
                }
                case TRAILER -> trailerByte(in.get() & 0xff);
                case BETWEEN_MEMBERS -> {
                    step = Step.HEADER;
                    position = 0;
                }
                default -> headerByte(in.get() & 0xff);
            }
        }
    }

    @Override
    public byte[] finish() throws ZipException {
        Step last = step;
        boolean empty = compressed == 0;
        discard();
        if (last != Step.BETWEEN_MEMBERS) {
            throw new ZipException(empty ? "gzip body is empty" : "gzip body is truncated");
        }
        return out.toArray();
    }

    @Override
    public void discard() {
        if (!ended) {
            ended = true;
            inflater.end();
        }
    }

    private void headerByte(int b) throws ZipException {
        switch (step) {
            case HEADER -> {
                if (position == 0 && b != 0x1f || position == 1 && b != 0x8b) {
                    throw new ZipException("body is not gzip (bad magic bytes) although Content-Encoding is gzip");
                }
                if (position == 2 && b != 8) throw new ZipException("gzip body: unsupported compression method " + b);
                if (position == 3) {
                    if ((b & RESERVED) != 0) throw new ZipException("gzip body: reserved header flags set");
                    flags = b;
                }
                if (++position == FIXED_HEADER) nextField(0);
            }
            case EXTRA_LENGTH -> {
                remaining |= b << (8 * position);
                if (++position == 2) {
                    if (remaining == 0) {
                        nextField(1);
                    } else {
                        step = Step.EXTRA;
                    }
                }
            }
            case EXTRA -> {
                if (--remaining == 0) nextField(1);
            }
            case NAME -> {
                if (b == 0) nextField(2);
            }
            case COMMENT -> {
                if (b == 0) nextField(3);
            }
            case HEADER_CRC -> {
                if (++position == 2) nextField(4);
            }
            default -> throw new IllegalStateException("not in a header: " + step);
        }
    }

    /** Moves to the first optional header field at or after {@code from} that the flags announce. */
    private void nextField(int from) {
        position = 0;
        remaining = 0;
        for (int i = from; i < FIELDS.length; i++) {
            if ((flags & FIELD_FLAGS[i]) != 0) {
                step = FIELDS[i];
                return;
            }
        }
        inflater.reset();
        crc.reset();
        memberSize = 0;
        step = Step.INFLATE;
    }

    private void inflate(ByteBuffer in) throws BodyTooLargeException, ZipException {
        inflater.setInput(in);
        while (true) {
            int n;
            try {
                n = inflater.inflate(scratch);
            } catch (DataFormatException e) {
                throw new ZipException("gzip body: invalid deflate data (" + e.getMessage() + ")");
            }
            if (n > 0) {
                out.append(scratch, 0, n);
                crc.update(scratch, 0, n);
                memberSize += n;
            }
            if (inflater.finished()) {
                step = Step.TRAILER;
                position = 0;
                trailer = 0;
                return;
            }
            if (inflater.needsDictionary()) throw new ZipException("gzip body: deflate data needs a dictionary");
            if (n == 0) return;
        }
    }

    private void trailerByte(int b) throws ZipException {
        trailer |= (long) b << (8 * position);
        if (++position < 8) return;
        long expectedCrc = trailer & 0xffffffffL;
        long expectedSize = trailer >>> 32;
        if (expectedCrc != crc.getValue()) throw new ZipException("gzip body: CRC-32 mismatch");
        if (expectedSize != (memberSize & 0xffffffffL)) throw new ZipException("gzip body: length mismatch");
        step = Step.BETWEEN_MEMBERS;
    }
}
