package io.tributary.formats.text;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.Limits;
import io.tributary.formats.ParseError;
import io.tributary.formats.RecordSink;
import io.tributary.formats.Utf8;

/**
 * The shared front half of line-based parsers: splits a payload with {@link Lines}, enforces the payload,
 * line-length and record-size limits, decodes each line as strict UTF-8, and hands every good line to a
 * {@link LineHandler}. Each bad line becomes one error and reading carries on with the next line:
 * <ul>
 *   <li>{@link ErrorCode#LINE_TOO_LONG} and {@link ErrorCode#RECORD_TOO_LARGE} at the offset of the line start;
 *   <li>{@link ErrorCode#INVALID_UTF8} at the offset of the first invalid byte.
 * </ul>
 * The record size of a line is its length in bytes without the line end.
 *
 * <p>Stable API since 0.1. Immutable and thread-safe; never throws for bad data.
 */
public final class LineReader {
    /** Receives each decoded line, in payload order, on the thread that called {@link #read}. */
    @FunctionalInterface
    public interface LineHandler {
        /**
         * One line.
         *
         * @param text the decoded line, without its line end
         * @param offset byte offset of the line start in the payload
         * @param sink where the handler reports its record or error
         */
        void line(String text, int offset, RecordSink sink);
    }

    private final Limits limits;
    private final int maxLineLength;
    private final boolean skipEmptyLines;

    /**
     * @param maxLineLength longest line in bytes, without its line end; longer lines are reported as
     *     {@link ErrorCode#LINE_TOO_LONG}
     * @param skipEmptyLines whether empty lines are dropped silently rather than handed on
     */
    public LineReader(Limits limits, int maxLineLength, boolean skipEmptyLines) {
        if (maxLineLength < 1) throw new IllegalArgumentException("maxLineLength must be positive");
        this.limits = limits;
        this.maxLineLength = maxLineLength;
        this.skipEmptyLines = skipEmptyLines;
    }

    /** Reads {@code payload}, reporting errors to {@code sink} and good lines to {@code handler}. */
    public void read(byte[] payload, RecordSink sink, LineHandler handler) {
        if (!limits.acceptPayload(payload, sink)) return;
        Lines lines = new Lines(payload);
        while (lines.next()) {
            int offset = lines.offset();
            int length = lines.length();
            if (length == 0 && skipEmptyLines) continue;
            if (length > maxLineLength) {
                sink.error(new ParseError(ErrorCode.LINE_TOO_LONG, "Line of " + length
                        + " bytes is longer than max.line.length=" + maxLineLength, offset));
                continue;
            }
            ParseError tooLarge = limits.checkRecordBytes(length, offset);
            if (tooLarge != null) {
                sink.error(tooLarge);
                continue;
            }
            String text;
            try {
                text = Utf8.decode(payload, offset, length);
            } catch (Utf8.InvalidUtf8Exception e) {
                sink.error(e.toParseError());
                continue;
            }
            handler.line(text, offset, sink);
        }
    }
}
