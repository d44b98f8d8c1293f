package io.tributary.formats;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding for parsers: invalid input is reported with its offset, never replaced.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** Thrown by {@link #decode} for bytes that are not valid UTF-8. */
    public static final class InvalidUtf8Exception extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final long offset;

        InvalidUtf8Exception(long offset) {
            this.offset = offset;
        }

        /** Offset of the first invalid byte, in the same coordinates as the decode call's offset. */
        public long offset() {
            return offset;
        }

        @Override
        public String getMessage() {
            return "Invalid UTF-8 at byte offset " + offset;
        }

        /** The matching parse error. */
        public ParseError toParseError() {
            return new ParseError(ErrorCode.INVALID_UTF8, getMessage(), offset);
        }
    }

    /** Decodes {@code length} bytes of {@code data} from {@code offset}. */
    public static String decode(byte[] data, int offset, int length) throws InvalidUtf8Exception {
        int end = offset + length;
        int i = offset;
        while (i < end && data[i] >= 0) i++;
        if (i == end) return new String(data, offset, length, StandardCharsets.ISO_8859_1);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data, offset, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) throw new InvalidUtf8Exception(in.position());
        result = decoder.flush(out);
        if (result.isError()) throw new InvalidUtf8Exception(in.position());
        return out.flip().toString();
    }

    public static String decode(byte[] data) throws InvalidUtf8Exception {
        return decode(data, 0, data.length);
    }

    /** Offset of the first invalid byte in the range, or -1 when it is all valid UTF-8. */
    public static long firstInvalid(byte[] data, int offset, int length) {
        try {
            decode(data, offset, length);
            return -1;
        } catch (InvalidUtf8Exception e) {
            return e.offset();
        }
    }
}
