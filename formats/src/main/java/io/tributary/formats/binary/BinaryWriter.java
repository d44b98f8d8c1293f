package io.tributary.formats.binary;

import io.tributary.formats.Writer;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the bytes field of exactly one record as the payload (a string field is written as its UTF-8
 * bytes). Immutable and thread-safe; throws {@link IllegalArgumentException} for any other number of records,
 * or when the field is missing or of another type.
 */
final class BinaryWriter implements Writer {
    private final String field;

    BinaryWriter(String field) {
        this.field = field;
    }

    @Override
    public void write(List<Record> records, OutputStream out) throws IOException {
        if (records.size() != 1) {
            throw new IllegalArgumentException("A binary payload holds exactly one record, got " + records.size());
        }
        Object value = records.get(0).field(field);
        if (value instanceof Bytes bytes) {
            out.write(bytes.toArray());
        } else if (value instanceof String text) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalArgumentException("Field " + field + " must hold bytes or a string, got "
                    + (value == null ? "nothing" : value.getClass().getSimpleName()));
        }
    }
}
