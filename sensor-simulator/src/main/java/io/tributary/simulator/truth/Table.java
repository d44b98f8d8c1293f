package io.tributary.simulator.truth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One truth table with fixed columns, written as JSON lines (one object per row, every column present, null for
 * no value) or as CSV (RFC 4180, a header line, an empty field for no value). Values: strings, longs, doubles,
 * booleans, null. Not thread-safe.
 */
final class Table implements Closeable {
    private static final JsonFactory JSON = new JsonFactory();

    static {
        JSON.setRootValueSeparator(null);
    }

    private final Path file;
    private final String[] columns;
    private final OutputStream out;
    private final JsonGenerator json;
    private long rows;

    Table(Path file, boolean csv, String... columns) {
        this.file = file;
        this.columns = columns;
        try {
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 18);
            if (csv) {
                out.write((String.join(",", columns) + "\r\n").getBytes(StandardCharsets.UTF_8));
                json = null;
            } else {
                json = JSON.createGenerator(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void row(Object... values) {
        if (values.length != columns.length) throw new IllegalArgumentException("expected " + columns.length + " values");
        try {
            if (json != null) {
                json.writeStartObject();
                for (int i = 0; i < columns.length; i++) {
                    json.writeFieldName(columns[i]);
                    write(values[i]);
                }
                json.writeEndObject();
                json.writeRaw('\n');
            } else {
                StringBuilder line = new StringBuilder(128);
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) line.append(',');
                    if (values[i] != null) line.append(csv(String.valueOf(values[i])));
                }
                out.write(line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            }
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    long rows() {
        return rows;
    }

    private void write(Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof String s) {
            json.writeString(s);
        } else if (v instanceof Long l) {
            json.writeNumber(l);
        } else if (v instanceof Integer n) {
            json.writeNumber(n);
        } else if (v instanceof Double d) {
            json.writeNumber(d);
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            throw new IllegalArgumentException("unsupported truth value " + v.getClass());
        }
    }

    private static String csv(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public void close() {
        try {
            if (json != null) json.close();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
