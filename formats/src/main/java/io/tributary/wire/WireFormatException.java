package io.tributary.wire;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.ParseError;

/**
 * Bytes that {@link WireCodec#decode} cannot turn into a record. {@link #code()} is one of
 * {@link ErrorCode#WIRE_BAD_MAGIC}, {@link ErrorCode#WIRE_UNKNOWN_VERSION} and {@link ErrorCode#WIRE_MALFORMED};
 * consumers turn the exception into an error record carrying that code and the raw bytes.
 *
 * <p>Stable API since 0.1. Immutable.
 */
public final class WireFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final long offset;

    WireFormatException(String code, String message, long offset, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.offset = offset;
    }

    WireFormatException(String code, String message, long offset) {
        this(code, message, offset, null);
    }

    /** The stable error code: {@code WIRE_BAD_MAGIC}, {@code WIRE_UNKNOWN_VERSION} or {@code WIRE_MALFORMED}. */
    public String code() {
        return code;
    }

    /** The byte offset in the message where the problem was found, or -1 when unknown. */
    public long offset() {
        return offset;
    }

    /** The same failure as a parse error, for error records. */
    public ParseError toParseError() {
        return new ParseError(code, getMessage(), offset);
    }
}
