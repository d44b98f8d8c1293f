package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.ProcessingException;
import io.tributary.agent.processor.Processor;
import io.tributary.record.FieldPath;
import io.tributary.record.Record;

/** Sets the event time from a field; see {@link EventTimeProcessorType}. Immutable and thread-safe. */
final class EventTimeProcessor implements Processor {
    private static final int MAX_ECHO = 64;

    private final FieldPath field;
    private final String format;
    private final TimeParser parser;
    private final boolean errorIfMissing;
    private final boolean removeField;

    EventTimeProcessor(FieldPath field, String format, TimeParser parser, boolean errorIfMissing,
            boolean removeField) {
        this.field = field;
        this.format = format;
        this.parser = parser;
        this.errorIfMissing = errorIfMissing;
        this.removeField = removeField;
    }

    @Override
    public boolean process(Record record) {
        Object value = record.get(field);
        if (value == null) {
            if (errorIfMissing) throw FieldPaths.missing(field);
            return true;
        }
        try {
            record.header().eventTime(parser.parse(value));
        } catch (IllegalArgumentException e) {
            String shown = value.toString();
            if (shown.length() > MAX_ECHO) shown = shown.substring(0, MAX_ECHO) + "...";
            throw new ProcessingException(ErrorCodes.EVENT_TIME_INVALID, "field '" + field + "' value '" + shown
                    + "' is not a time in format " + format + ": " + e.getMessage());
        }
        if (removeField) record.remove(field);
        return true;
    }
}
