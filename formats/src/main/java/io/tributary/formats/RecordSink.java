package io.tributary.formats;

import io.tributary.record.Record;

/**
 * Receives what a {@link Parser} makes of one payload, in payload order.
 *
 * <p>Stable API since 0.1. Called only from the thread that called {@link Parser#parse}, never after that
 * call returns. The parser gives up ownership of each record it passes to {@link #record}.
 */
public interface RecordSink {
    /** One record parsed from the payload. Its header is empty; the caller fills it. */
    void record(Record record);

    /** One part of the payload that could not be parsed. */
    void error(ParseError error);
}
