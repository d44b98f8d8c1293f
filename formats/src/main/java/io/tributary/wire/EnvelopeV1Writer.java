package io.tributary.wire;

import io.tributary.record.Bytes;
import io.tributary.record.Header;
import io.tributary.record.Record;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;

/**
 * Writes a record as the binary datum of envelope schema v1 ({@code envelope-v1.avsc}), walking the record
 * directly, without recursion. Union branch indexes below follow the order of the schema's unions. Every list
 * and map is written as one block (its size) and the end marker, as Avro's own writers do.
 *
 * <p>One instance writes one record's fields on one thread.
 */
final class EnvelopeV1Writer {
    static final int NULL = 0;
    static final int BOOLEAN = 1;
    static final int LONG = 2;
    static final int DOUBLE = 3;
    static final int STRING = 4;
    static final int BYTES = 5;
    static final int DECIMAL = 6;
    static final int TIMESTAMP = 7;
    static final int LIST = 8;
    static final int MAP = 9;

    private final BinaryEncoder out;
    /** The open lists and maps, outermost first; values written now are at nesting level {@code depth}. */
    private Iterator<?>[] iterators = new Iterator<?>[8];
    private boolean[] maps = new boolean[8];
    private int depth;

    private EnvelopeV1Writer(BinaryEncoder out) {
        this.out = out;
    }

    /**
     * @throws IllegalArgumentException when the record holds a value of an unsupported class, a null map key
     *     or attribute, a string that is not valid Unicode, or nests deeper than {@link WireCodec#MAX_DEPTH}
     */
    static void write(Record record, BinaryEncoder out) throws IOException {
        Header header = record.header();
        writeOptionalString(out, header.key());
        writeOptionalString(out, header.source());
        writeOptionalTimestamp(out, header.receivedAt());
        writeOptionalTimestamp(out, header.eventTime());
        Map<String, String> attributes = header.attributes();
        if (!attributes.isEmpty()) {
            out.writeLong(attributes.size());
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException("Cannot encode a null attribute name or value: " + e);
                }
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
        }
        out.writeLong(0);
        new EnvelopeV1Writer(out).fields(record.fields());
    }

    private static void writeOptionalString(BinaryEncoder out, String s) throws IOException {
        if (s == null) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            writeString(out, s);
        }
    }

    private static void writeOptionalTimestamp(BinaryEncoder out, Instant t) throws IOException {
        if (t == null) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    /** Writes the fields and everything nested in them with an explicit stack instead of recursion. */
    private void fields(Map<String, Object> fields) throws IOException {
        push(fields.entrySet().iterator(), true, fields.size());
        while (depth > 0) {
            Iterator<?> items = iterators[depth - 1];
            if (!items.hasNext()) {
                out.writeLong(0);
                iterators[--depth] = null;
                continue;
            }
            if (maps[depth - 1]) {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) items.next();
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("Cannot encode a map key that is not a string: " + e.getKey());
                }
                writeString(out, key);
                value(e.getValue());
            } else {
                value(items.next());
            }
        }
    }

    /** Writes one Value at nesting level {@code depth}; a list or map is opened, its items written later. */
    private void value(Object value) throws IOException {
        if (value == null) {
            out.writeIndex(NULL);
        } else if (value instanceof String s) {
            out.writeIndex(STRING);
            writeString(out, s);
        } else if (value instanceof Long l) {
            out.writeIndex(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeIndex(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeIndex(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Map<?, ?> m) {
            checkNesting();
            out.writeIndex(MAP);
            push(m.entrySet().iterator(), true, m.size());
        } else if (value instanceof List<?> list) {
            checkNesting();
            out.writeIndex(LIST);
            push(list.iterator(), false, list.size());
        } else if (value instanceof Instant t) {
            out.writeIndex(TIMESTAMP);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (value instanceof BigDecimal d) {
            out.writeIndex(DECIMAL);
            byte[] unscaled = d.unscaledValue().toByteArray();
            out.writeBytes(unscaled, 0, unscaled.length);
            out.writeInt(d.scale());
        } else if (value instanceof Bytes b) {
            out.writeIndex(BYTES);
            byte[] data = b.toArray();
            out.writeBytes(data, 0, data.length);
        } else {
            throw new IllegalArgumentException("Cannot encode a field value of class " + value.getClass().getName());
        }
    }

    private void checkNesting() {
        if (depth >= WireCodec.MAX_DEPTH) {
            throw new IllegalArgumentException("Cannot encode a record nested deeper than " + WireCodec.MAX_DEPTH
                    + " levels");
        }
    }

    /** Opens a list or map of {@code size} items: writes its one block count; the end marker comes later. */
    private void push(Iterator<?> items, boolean map, int size) throws IOException {
        if (size > 0) out.writeLong(size);
        if (depth == iterators.length) {
            iterators = Arrays.copyOf(iterators, depth * 2);
            maps = Arrays.copyOf(maps, depth * 2);
        }
        iterators[depth] = items;
        maps[depth] = map;
        depth++;
    }

    private static void writeString(BinaryEncoder out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length != s.length() || containsQuestionMark(utf8)) checkSurrogates(s);
        out.writeBytes(utf8, 0, utf8.length);
    }

    /** Whether {@code bytes} holds a '?', which is what Java's encoder writes for an unpaired surrogate. */
    private static boolean containsQuestionMark(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '?') return true;
        }
        return false;
    }

    /** Java's encoder silently writes '?' for an unpaired surrogate; the wire never changes data silently. */
    private static void checkSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            throw new IllegalArgumentException("Cannot encode a string with an unpaired surrogate at index " + i
                    + ": it is not valid Unicode");
        }
    }
}
