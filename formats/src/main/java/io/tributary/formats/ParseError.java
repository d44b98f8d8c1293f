package io.tributary.formats;

/**
 * One failure to turn part of a payload into a record.
 *
 * <p>Stable API since 0.1. Immutable.
 *
 * @param code a stable machine-readable code, one of {@link ErrorCode} for the built-in formats
 * @param message what was wrong, for a human: names the thing, the value where short, and the reason
 * @param offset the byte offset in the payload where the problem was found, or -1 when unknown
 */
public record ParseError(String code, String message, long offset) {
    public ParseError {
        if (code == null || code.isEmpty()) throw new IllegalArgumentException("A parse error needs a code");
        if (message == null) message = code;
    }

    public ParseError(String code, String message) {
        this(code, message, -1);
    }
}
