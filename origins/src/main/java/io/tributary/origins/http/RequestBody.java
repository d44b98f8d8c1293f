package io.tributary.origins.http;

import io.netty.buffer.ByteBuf;
import java.util.zip.ZipException;

/**
 * Collects one request's body as it arrives, within its limits. Not thread-safe: one connection's event loop.
 */
interface RequestBody {
    /**
     * Takes the next piece of the body (the buffer is not retained).
     *
     * @throws BodyTooLargeException past max.body.bytes, or gzip.max.bytes once decompressed
     * @throws ZipException when a gzip body is not valid gzip
     */
    void append(ByteBuf chunk) throws BodyTooLargeException, ZipException;

    /** The whole (decompressed) body; releases what the body holds. */
    byte[] finish() throws ZipException;

    /** Releases what the body holds without finishing it. Idempotent. */
    void discard();

    /** A body for a request with {@code Content-Length} {@code contentLength} (-1 when unknown). */
    static RequestBody open(boolean gzip, long contentLength, HttpOriginConfig config) {
        if (gzip) return new GzipBody(config.maxBodyBytes(), config.gzipMaxBytes());
        BodyBuffer buffer = new BodyBuffer(config.maxBodyBytes(), "max.body.bytes", contentLength);
        return new RequestBody() {
            @Override
            public void append(ByteBuf chunk) throws BodyTooLargeException {
                buffer.append(chunk);
            }

            @Override
            public byte[] finish() {
                return buffer.toArray();
            }

            @Override
            public void discard() {
                // nothing outside the heap
            }
        };
    }
}
