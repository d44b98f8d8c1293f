package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.ProcessingException;
import io.tributary.agent.processor.Processor;
import io.tributary.record.FieldPath;
import io.tributary.record.Record;

/** Moves one field; see {@link RenameProcessorType}. Immutable and thread-safe. */
final class RenameProcessor implements Processor {
    private final FieldPath from;
    private final FieldPath to;
    private final boolean errorIfMissing;

    RenameProcessor(FieldPath from, FieldPath to, boolean errorIfMissing) {
        this.from = from;
        this.to = to;
        this.errorIfMissing = errorIfMissing;
    }

    @Override
    public boolean process(Record record) {
        if (!FieldPaths.exists(record.fields(), from)) {
            if (errorIfMissing) throw FieldPaths.missing(from);
            return true;
        }
        Object value = record.remove(from);
        try {
            record.set(to, value);
        } catch (IllegalArgumentException e) {
            throw new ProcessingException(ErrorCodes.FIELD_NOT_SETTABLE, e.getMessage());
        }
        return true;
    }
}
