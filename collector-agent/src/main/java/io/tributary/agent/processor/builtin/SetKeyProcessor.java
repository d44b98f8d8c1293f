package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.ProcessingException;
import io.tributary.agent.processor.Processor;
import io.tributary.record.FieldPath;
import io.tributary.record.FieldType;
import io.tributary.record.Record;
import java.math.BigDecimal;

/** Sets the record key from a field; see {@link SetKeyProcessorType}. Immutable and thread-safe. */
final class SetKeyProcessor implements Processor {
    private final FieldPath field;
    private final boolean errorIfMissing;

    SetKeyProcessor(FieldPath field, boolean errorIfMissing) {
        this.field = field;
        this.errorIfMissing = errorIfMissing;
    }

    @Override
    public boolean process(Record record) {
        Object value = record.get(field);
        if (value == null) {
            if (errorIfMissing) throw FieldPaths.missing(field);
            return true;
        }
        record.header().key(text(value));
        return true;
    }

    private String text(Object value) {
        if (value instanceof String s) return s;
        if (value instanceof BigDecimal d) return d.toPlainString();
        FieldType type = FieldType.of(value);
        if (type == FieldType.MAP || type == FieldType.LIST || type == FieldType.BYTES) {
            throw new ProcessingException(ErrorCodes.KEY_NOT_SCALAR,
                    "field '" + field + "' is a " + type.name().toLowerCase(java.util.Locale.ROOT) + ", not a scalar");
        }
        return value.toString();
    }
}
