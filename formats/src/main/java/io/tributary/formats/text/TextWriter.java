package io.tributary.formats.text;

import io.tributary.formats.Writer;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the value of one field of each record as one UTF-8 line ending in LF; other fields are ignored.
 * Strings are written as they are; longs, doubles, booleans, decimals and timestamps as their text.
 *
 * <p>Raises {@link IllegalArgumentException} naming the field, and writes nothing, when a record has no value
 * for the field, when the value is bytes, a list or a map, or when it would not read back as one line: it
 * contains LF, or ends with CR. Empty values are written as empty lines, which the parser skips unless
 * {@code skip.empty.lines=false}.
 *
 * <p>Immutable and thread-safe.
 */
final class TextWriter implements Writer {
    private final String field;

    TextWriter(String field) {
        this.field = field;
    }

    @Override
    public void write(List<Record> records, OutputStream out) throws IOException {
        String[] lines = new String[records.size()];
        for (int i = 0; i < lines.length; i++) lines[i] = line(records.get(i), i);
        for (String line : lines) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }

    private String line(Record record, int index) {
        Object value = record.field(field);
        if (value == null) {
            throw new IllegalArgumentException("Record " + index + " has no value for field '" + field + "'");
        }
        if (value instanceof Bytes || value instanceof List || value instanceof Map) {
            throw new IllegalArgumentException("Field '" + field + "' of record " + index + " is "
                    + value.getClass().getSimpleName() + "; the text format writes only scalar values");
        }
        String text = value.toString();
        if (text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Field '" + field + "' of record " + index
                    + " contains a line feed; the text format writes one line per record");
        }
        if (text.endsWith("\r")) {
            throw new IllegalArgumentException("Field '" + field + "' of record " + index
                    + " ends with a carriage return, which would be read as part of the line end");
        }
        return text;
    }
}
