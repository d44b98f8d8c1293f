package io.tributary.formats.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.config.Settings;
import io.tributary.formats.Writer;
import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes records as JSON in plain rendering ({@link RecordJson}): decimals as numbers, timestamps as ISO-8601
 * strings, bytes as base64 strings. {@code layout=ndjson} (the default) writes one object per line, each line
 * ending in a newline; {@code layout=array} writes one array of objects. The output is UTF-8.
 *
 * <p>Immutable and thread-safe. A value of a class outside the record model raises
 * {@link IllegalArgumentException} and nothing is written. Stable API since 0.1.
 */
public final class JsonWriter implements Writer {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final boolean array;

    /** A writer for settings validated against {@link JsonFormat}'s options. */
    public JsonWriter(Settings settings) {
        this.array = settings.get(JsonFormat.LAYOUT).equals("array");
    }

    @Override
    public void write(List<Record> records, OutputStream out) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 * Math.max(1, records.size()));
        try (JsonGenerator gen = FACTORY.createGenerator(buffer)) {
            if (array) gen.writeStartArray();
            for (Record record : records) {
                RecordJson.write(record, gen, false);
                if (!array) gen.writeRaw('\n');
            }
            if (array) gen.writeEndArray();
        }
        buffer.writeTo(out);
    }
}
