package io.tributary.formats.binary;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.Limits;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.util.LinkedHashMap;

/**
 * Turns a payload into one record holding a copy of its bytes. The only possible errors are the size limits:
 * {@link ErrorCode#PAYLOAD_TOO_LARGE}, and {@link ErrorCode#RECORD_TOO_LARGE} since the record is the whole
 * payload. Immutable and thread-safe.
 */
final class BinaryParser implements Parser {
    private final String field;
    private final Limits limits;

    BinaryParser(String field, Limits limits) {
        this.field = field;
        this.limits = limits;
    }

    @Override
    public void parse(byte[] payload, RecordSink sink) {
        if (!limits.acceptPayload(payload, sink)) return;
        var tooLarge = limits.checkRecordBytes(payload.length, 0);
        if (tooLarge != null) {
            sink.error(tooLarge);
            return;
        }
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>(4);
        fields.put(field, Bytes.of(payload));
        sink.record(Record.wrap(fields));
    }
}
