package io.tributary.cloud;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.formats.json.RecordJson;
import io.tributary.record.Header;
import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON rendering of a record for the sinks: {@code {"key":…,"event_time":…,"attributes":{…},"fields":{…}}}
 * (plain JSON: timestamps as ISO-8601, bytes as base64).
 */
final class RecordLines {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RecordLines() {
    }

    static byte[] json(Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            Header h = record.header();
            g.writeStartObject();
            if (h.key() != null) g.writeStringField("key", h.key());
            if (h.eventTime() != null) g.writeStringField("event_time", h.eventTime().toString());
            if (!h.attributes().isEmpty()) {
                g.writeObjectFieldStart("attributes");
                for (Map.Entry<String, String> e : h.attributes().entrySet()) g.writeStringField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            g.writeFieldName("fields");
            RecordJson.write(record, g, false);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
