package io.tributary.formats.text;

import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.record.Record;
import java.util.LinkedHashMap;

/**
 * Parses each line into a record with one string field. Errors are those of {@link LineReader}.
 *
 * <p>Immutable and thread-safe; never throws for bad data.
 */
final class TextParser implements Parser {
    private final LineReader reader;
    private final String field;

    TextParser(LineReader reader, String field) {
        this.reader = reader;
        this.field = field;
    }

    @Override
    public void parse(byte[] payload, RecordSink sink) {
        reader.read(payload, sink, this::emit);
    }

    private void emit(String line, int offset, RecordSink sink) {
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>(2);
        fields.put(field, line);
        sink.record(Record.wrap(fields));
    }
}
