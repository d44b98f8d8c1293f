package io.tributary.formats.avro;

import io.tributary.formats.ParseError;
import java.io.IOException;

/**
 * Bad Avro data found while decoding, carrying the {@link io.tributary.formats.ErrorCode} and payload offset
 * it is reported with. An {@link IOException} so it passes through Avro's {@code Decoder} API unchanged.
 */
final class AvroDataException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final long offset;

    AvroDataException(String code, String message, long offset) {
        super(message);
        this.code = code;
        this.offset = offset;
    }

    String code() {
        return code;
    }

    long offset() {
        return offset;
    }

    ParseError toParseError() {
        return new ParseError(code, getMessage(), offset);
    }
}
