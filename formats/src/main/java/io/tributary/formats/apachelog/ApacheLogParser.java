package io.tributary.formats.apachelog;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.Limits;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.formats.text.LineReader;
import io.tributary.record.Record;
import java.util.LinkedHashMap;

/**
 * Parses each non-empty line of an access log into one record with the fields of its {@link LogFormat}.
 * A line that does not match is reported as {@link ErrorCode#LOG_MISMATCH} at the offset of the line start
 * and skipped; the other errors are those of {@link LineReader} and {@link ErrorCode#MAX_FIELDS_EXCEEDED} when
 * the format fills more fields than {@code max.fields}.
 *
 * <p>Immutable and thread-safe; never throws for bad data.
 */
final class ApacheLogParser implements Parser {
    private final LineReader reader;
    private final LogFormat format;
    private final int maxFields;
    private final int capacity;

    ApacheLogParser(LogFormat format, Limits limits) {
        this.reader = new LineReader(limits, Integer.MAX_VALUE - 16, true);
        this.format = format;
        this.maxFields = limits.maxFields();
        this.capacity = format.fieldCount() * 4 / 3 + 2;
    }

    @Override
    public void parse(byte[] payload, RecordSink sink) {
        reader.read(payload, sink, this::line);
    }

    private void line(String text, int offset, RecordSink sink) {
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>(capacity);
        String problem = format.match(text, fields);
        if (problem != null) {
            sink.error(new ParseError(ErrorCode.LOG_MISMATCH, "Line does not match log.format: " + problem, offset));
        } else if (fields.size() > maxFields) {
            sink.error(new ParseError(ErrorCode.MAX_FIELDS_EXCEEDED,
                    "Record has " + fields.size() + " values, more than max.fields=" + maxFields, offset));
        } else {
            sink.record(Record.wrap(fields));
        }
    }
}
