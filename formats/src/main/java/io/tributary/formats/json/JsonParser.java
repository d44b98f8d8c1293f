package io.tributary.formats.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import io.tributary.config.Settings;
import io.tributary.formats.Limits;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Parses JSON payloads into records: one object, an array of objects, or newline-delimited objects (NDJSON), each
 * object one record, in one pass over Jackson's streaming tokens.
 *
 * <p>Values: strings; integers as {@code Long}, or {@code BigDecimal} beyond the long range; other numbers as
 * {@code Double}, or exact {@code BigDecimal} with {@code decimals=decimal}; {@code true}/{@code false};
 * {@code null}; arrays as lists and objects as maps, in input order; a repeated key keeps its first position and
 * its last value. String values of the top-level fields named in {@code timestamp.fields} that are ISO-8601
 * instants with an offset become {@code Instant}s; other values of those fields are kept as they are.
 *
 * <p>Errors, each with its byte offset: malformed JSON is {@code JSON_SYNTAX}; bytes that are not UTF-8 are
 * {@code INVALID_UTF8} (strict: overlong forms and encoded surrogates included); a value where a record object is
 * expected is {@code JSON_NOT_OBJECT}; and the {@link Limits}, where a record's size is the byte span of its
 * object. An empty or all-whitespace payload holds no records and is no error; a leading UTF-8 byte order mark is
 * skipped. After an error: a record over a limit and a value that is not an object are skipped and parsing goes
 * on, in every mode; after malformed JSON or invalid UTF-8, NDJSON resumes at the line after the one where the
 * failed value began, while an array or a single object ends there.
 *
 * <p>Immutable and thread-safe; never throws for bad data. Stable API since 0.1.
 */
public final class JsonParser implements Parser {
    /** How a payload is laid out. */
    enum Mode { AUTO, OBJECT, ARRAY, NDJSON }

    private final ByteJsonFactory factory;
    private final Limits limits;
    private final Mode mode;
    private final boolean decimals;
    private final Set<String> timestampFields;

    /** A parser for settings validated against {@link JsonFormat}'s options and the {@link Limits}. */
    public JsonParser(Settings settings) {
        this.limits = Limits.from(settings);
        this.factory = new ByteJsonFactory(limits);
        this.mode = Mode.valueOf(settings.get(JsonFormat.MODE).toUpperCase(Locale.ROOT));
        this.decimals = settings.get(JsonFormat.DECIMALS).equals("decimal");
        this.timestampFields = Set.copyOf(settings.get(JsonFormat.TIMESTAMP_FIELDS));
    }

    @Override
    public void parse(byte[] payload, RecordSink sink) {
        if (!limits.acceptPayload(payload, sink)) return;
        int first = skipWhitespace(payload, hasByteOrderMark(payload) ? 3 : 0);
        if (first == payload.length) return;
        RecordReader reader = new RecordReader(payload, first, sink, limits, decimals, timestampFields);
        Mode layout = mode == Mode.AUTO ? (payload[first] == '[' ? Mode.ARRAY : Mode.NDJSON) : mode;
        if (layout == Mode.ARRAY) {
            array(payload, first, reader);
        } else {
            stream(payload, first, layout == Mode.OBJECT, reader);
        }
    }

    /** Top-level values one after another; {@code single} allows only one. */
    private void stream(byte[] payload, int from, boolean single, RecordReader reader) {
        int pos = from;
        while (pos < payload.length) {
            UTF8StreamJsonParser p = factory.open(payload, pos, payload.length - pos);
            long valueStart = -1;
            try {
                for (;;) {
                    reader.startValue();
                    valueStart = -1;
                    JsonToken token = p.nextToken();
                    if (token == null) return;
                    valueStart = ByteJsonFactory.tokenOffset(p);
                    readValue(p, token, valueStart, reader);
                    if (single) {
                        rejectTrailing(p, reader, "mode=object reads one object; use mode=ndjson for several");
                        return;
                    }
                }
            } catch (IOException | IllegalStateException e) {
                long at = errorOffset(e, p);
                reader.failed(e, valueStart, at);
                if (single) return;
                pos = nextLine(payload, valueStart >= 0 ? valueStart : Math.max(reader.consumed(), at - 1));
                reader.resumeAt(pos);
            } finally {
                close(p);
            }
        }
    }

    /** One array whose elements are the records. */
    private void array(byte[] payload, int from, RecordReader reader) {
        UTF8StreamJsonParser p = factory.open(payload, from, payload.length - from);
        long valueStart = -1;
        try {
            reader.startValue();
            if (p.nextToken() != JsonToken.START_ARRAY) {
                reader.syntax("mode=array expects a JSON array of objects", from);
                return;
            }
            reader.resumeAt(from + 1);
            for (;;) {
                reader.startValue();
                valueStart = -1;
                JsonToken token = p.nextToken();
                if (token == JsonToken.END_ARRAY) break;
                valueStart = ByteJsonFactory.tokenOffset(p);
                readValue(p, token, valueStart, reader);
            }
            reader.resumeAt(ByteJsonFactory.tokenOffset(p) + 1);
            rejectTrailing(p, reader, "content after the array");
        } catch (IOException | IllegalStateException e) {
            reader.failed(e, valueStart, errorOffset(e, p));
        } finally {
            close(p);
        }
    }

    private static void readValue(UTF8StreamJsonParser p, JsonToken token, long start, RecordReader reader)
            throws IOException {
        if (token == JsonToken.START_OBJECT) {
            reader.readRecord(p, start);
        } else if (token == null) {
            throw new IOException("Unexpected end of input");
        } else {
            reader.notObject(p, token, start);
        }
    }

    private static void rejectTrailing(UTF8StreamJsonParser p, RecordReader reader, String why) throws IOException {
        reader.startValue();
        if (p.nextToken() != null) {
            long at = ByteJsonFactory.tokenOffset(p);
            reader.syntax("Unexpected content at byte offset " + at + ": " + why, at);
        }
    }

    private static long errorOffset(Exception e, UTF8StreamJsonParser p) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getByteOffset() >= 0) {
            return j.getLocation().getByteOffset();
        }
        return p.getCurrentLocation().getByteOffset();
    }

    private static int nextLine(byte[] payload, long from) {
        for (int i = (int) from; i < payload.length; i++) {
            if (payload[i] == '\n') return i + 1;
        }
        return payload.length;
    }

    private static boolean hasByteOrderMark(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    private static int skipWhitespace(byte[] b, int from) {
        int i = from;
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) i++;
        return i;
    }

    private static void close(UTF8StreamJsonParser p) {
        try {
            p.close();
        } catch (IOException e) {
            throw new IllegalStateException("Closing a parser over a byte array failed", e);
        }
    }
}
