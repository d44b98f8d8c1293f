package io.tributary.formats.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Limits;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.record.Record;

/**
 * Parses protobuf payloads of one message type into records, driven by a descriptor (no generated classes).
 * With {@code single} framing the payload is one message (an empty payload is one message with no fields set);
 * with {@code delimited} framing it is a stream of messages, each preceded by its length as a varint (what
 * {@code writeDelimitedTo} writes).
 *
 * <p>Errors: a message that does not decode is one {@link ErrorCode#PROTOBUF_SYNTAX} error at the offset of the
 * field at fault (a string that is not UTF-8 is {@link ErrorCode#INVALID_UTF8}, in proto2 files too), and the
 * stream goes on with the next message. A length prefix that is malformed, or larger than the bytes that
 * remain, ends the stream with {@link ErrorCode#PROTOBUF_SYNTAX}; a message larger than max.record.bytes is
 * skipped as {@link ErrorCode#RECORD_TOO_LARGE} without being copied. max.depth and max.fields are enforced by
 * this parser while the record is built ({@link ErrorCode#MAX_DEPTH_EXCEEDED},
 * {@link ErrorCode#MAX_FIELDS_EXCEEDED}); protobuf-java's own recursion limit plays no part. Decoding uses no
 * recursion and stops at three message levels per allowed record level (a {@code Struct} takes three); building
 * the record recurses at most max.depth deep.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProtobufParser implements Parser {
    /** What the parser and its helpers need from the settings. */
    record Config(Descriptor type, boolean delimited, boolean jsonNames, boolean includeDefaults, Limits limits) {
    }

    private final Config config;
    private final MessageDecoder decoder;

    ProtobufParser(Config config) {
        this.config = config;
        this.decoder = new MessageDecoder(3 * config.limits().maxDepth());
    }

    @Override
    public void parse(byte[] payload, RecordSink sink) {
        if (!config.limits().acceptPayload(payload, sink)) return;
        if (!config.delimited()) {
            message(payload, 0, payload.length, sink);
            return;
        }
        WireReader in = new WireReader(payload, 0);
        while (in.position() < payload.length) {
            int prefixAt = in.position();
            long length;
            try {
                length = in.readVarint(payload.length);
            } catch (ProtobufException e) {
                sink.error(new ParseError(ErrorCode.PROTOBUF_SYNTAX, "Bad length prefix: " + e.getMessage(),
                        prefixAt));
                return;
            }
            int start = in.position();
            int remaining = payload.length - start;
            if (length < 0) {
                sink.error(new ParseError(ErrorCode.PROTOBUF_SYNTAX, "Bad length prefix: "
                        + Long.toUnsignedString(length), prefixAt));
                return;
            }
            ParseError tooLarge = config.limits().checkRecordBytes(length, prefixAt);
            if (tooLarge != null) {
                sink.error(tooLarge);
                if (length > remaining) return;
            } else if (length > remaining) {
                sink.error(new ParseError(ErrorCode.PROTOBUF_SYNTAX, "Length prefix " + length
                        + " is larger than the " + remaining + " bytes that remain", prefixAt));
                return;
            } else {
                message(payload, start, start + (int) length, sink);
            }
            in.skipTo(start + (int) length);
        }
    }

    private void message(byte[] payload, int from, int to, RecordSink sink) {
        ParseError tooLarge = config.limits().checkRecordBytes(to - from, from);
        if (tooLarge != null) {
            sink.error(tooLarge);
            return;
        }
        try {
            MessageDecoder.Decoded message = decoder.decode(payload, from, to, config.type());
            sink.record(Record.wrap(new RecordAssembler(config, from).fields(message)));
        } catch (ProtobufException e) {
            sink.error(e.toParseError());
        }
    }
}
