package io.tributary.formats;

import io.tributary.record.Record;
import java.util.ArrayList;
import java.util.List;

/** A {@link RecordSink} that keeps everything, in order, for assertions. */
public final class CollectingSink implements RecordSink {
    public final List<Record> records = new ArrayList<>();
    public final List<ParseError> errors = new ArrayList<>();
    /** Records and errors interleaved in the order they arrived. */
    public final List<Object> events = new ArrayList<>();

    @Override
    public void record(Record record) {
        records.add(record);
        events.add(record);
    }

    @Override
    public void error(ParseError error) {
        errors.add(error);
        events.add(error);
    }

    public List<String> errorCodes() {
        return errors.stream().map(ParseError::code).toList();
    }

    public static CollectingSink parse(Parser parser, byte[] payload) {
        CollectingSink sink = new CollectingSink();
        parser.parse(payload, sink);
        return sink;
    }
}
