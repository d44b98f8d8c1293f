package io.tributary.formats.protobuf;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.ParseError;

/** A problem with one message's bytes, carried out of the decoder as a {@link ParseError}. No stack trace. */
final class ProtobufException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final long offset;

    ProtobufException(String code, String message, long offset) {
        super(message, null, false, false);
        this.code = code;
        this.offset = offset;
    }

    static ProtobufException syntax(String message, long offset) {
        return new ProtobufException(ErrorCode.PROTOBUF_SYNTAX, message, offset);
    }

    ParseError toParseError() {
        return new ParseError(code, getMessage(), offset);
    }
}
