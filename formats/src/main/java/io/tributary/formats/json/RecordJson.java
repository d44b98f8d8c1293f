package io.tributary.formats.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Renders record fields as JSON.
 *
 * <p>Plain rendering is what a JSON consumer expects: decimals as numbers, bytes as base64 strings, timestamps
 * as ISO-8601 strings. Typed rendering keeps every {@link io.tributary.record.FieldType} distinguishable:
 * decimals as {@code {"$decimal":"1.50"}}, bytes as {@code {"$bytes":"<base64>"}}, timestamps as
 * {@code {"$timestamp":"<ISO-8601>"}}, non-finite doubles as {@code {"$double":"NaN"}}; longs are written
 * without and finite doubles always with a decimal point or exponent. Golden test files use typed rendering.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class RecordJson {
    private RecordJson() {
    }

    /** Writes the fields of {@code record} as one JSON object. */
    public static void write(Record record, JsonGenerator out, boolean typed) throws IOException {
        writeValue(record.fields(), out, typed);
    }

    /** Writes one normalized value. */
    public static void writeValue(Object value, JsonGenerator out, boolean typed) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Long l) {
            out.writeNumber(l);
        } else if (value instanceof Double d) {
            writeDouble(d, out, typed);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Map<?, ?> m) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.writeFieldName((String) e.getKey());
                writeValue(e.getValue(), out, typed);
            }
            out.writeEndObject();
        } else if (value instanceof List<?> l) {
            out.writeStartArray();
            for (Object item : l) writeValue(item, out, typed);
            out.writeEndArray();
        } else if (value instanceof BigDecimal d) {
            if (typed) tagged(out, "$decimal", d.toString());
            else out.writeNumber(d);
        } else if (value instanceof Instant t) {
            if (typed) tagged(out, "$timestamp", t.toString());
            else out.writeString(t.toString());
        } else if (value instanceof Bytes b) {
            if (typed) tagged(out, "$bytes", b.toBase64());
            else out.writeString(b.toBase64());
        } else {
            throw new IllegalArgumentException("Unsupported field value class " + value.getClass().getName());
        }
    }

    private static void writeDouble(double d, JsonGenerator out, boolean typed) throws IOException {
        if (Double.isFinite(d)) {
            out.writeNumber(d);
        } else if (typed) {
            tagged(out, "$double", Double.toString(d));
        } else {
            out.writeString(Double.toString(d));
        }
    }

    private static void tagged(JsonGenerator out, String tag, String text) throws IOException {
        out.writeStartObject();
        out.writeStringField(tag, text);
        out.writeEndObject();
    }
}
