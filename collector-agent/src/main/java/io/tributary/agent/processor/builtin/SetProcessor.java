package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.ProcessingException;
import io.tributary.agent.processor.Processor;
import io.tributary.record.FieldPath;
import io.tributary.record.Record;
import io.tributary.record.Values;

/** Writes a constant or a copy of a field; see {@link SetProcessorType}. Immutable and thread-safe. */
final class SetProcessor implements Processor {
    private final FieldPath field;
    private final Object constant;
    private final FieldPath copyFrom;
    private final boolean keepExisting;
    private final boolean errorIfMissing;

    private SetProcessor(FieldPath field, Object constant, FieldPath copyFrom, boolean keepExisting,
            boolean errorIfMissing) {
        this.field = field;
        this.constant = constant;
        this.copyFrom = copyFrom;
        this.keepExisting = keepExisting;
        this.errorIfMissing = errorIfMissing;
    }

    /** @param value an immutable normalized value (string, number, boolean, timestamp) or null */
    static SetProcessor constant(FieldPath field, Object value, boolean keepExisting) {
        return new SetProcessor(field, value, null, keepExisting, false);
    }

    static SetProcessor copy(FieldPath field, FieldPath from, boolean keepExisting, boolean errorIfMissing) {
        return new SetProcessor(field, null, from, keepExisting, errorIfMissing);
    }

    @Override
    public boolean process(Record record) {
        if (keepExisting && record.get(field) != null) return true;
        Object value = constant;
        if (copyFrom != null) {
            value = Values.deepCopy(record.get(copyFrom));
            if (value == null) {
                if (errorIfMissing) throw FieldPaths.missing(copyFrom);
                return true;
            }
        }
        try {
            record.set(field, value);
        } catch (IllegalArgumentException e) {
            throw new ProcessingException(ErrorCodes.FIELD_NOT_SETTABLE, e.getMessage());
        }
        return true;
    }
}
