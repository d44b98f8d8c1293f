package io.tributary.formats.json;

import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Limits;
import io.tributary.formats.ParseError;
import io.tributary.formats.RecordSink;
import io.tributary.record.Record;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Builds the records of one payload from Jackson tokens in a single pass, without recursion, counting depth and
 * values as it goes, and turns everything that goes wrong into a {@link ParseError} for the sink. One instance per
 * {@link JsonParser#parse} call; not thread-safe.
 *
 * <p>It also remembers how far the payload has been consumed, so that UTF-8 problems are reported once, for the
 * record (or the stretch between records) that holds them.
 */
final class RecordReader {
    private static final int DEFAULT_CAPACITY = 16;
    private static final int NESTED_CAPACITY = 8;
    private static final Object[] NO_PARENTS = {};
    /** A number too long to convert: its record is over the size limit anyway. */
    private static final Object TOO_LONG = new Object();

    private final byte[] payload;
    private final RecordSink sink;
    private final Limits limits;
    private final boolean decimals;
    private final Set<String> timestampFields;
    private Object[] stack = NO_PARENTS;
    private int rootCapacity = DEFAULT_CAPACITY;
    private long nextInvalidUtf8;
    /** Offset just past the last root value dealt with: bytes before it have been reported on. */
    private long consumed;
    /** Whether an error was already reported for the root value being read. */
    private boolean reported;

    RecordReader(byte[] payload, int from, RecordSink sink, Limits limits, boolean decimals,
            Set<String> timestampFields) {
        this.payload = payload;
        this.sink = sink;
        this.limits = limits;
        this.decimals = decimals;
        this.timestampFields = timestampFields.isEmpty() ? null : timestampFields;
        this.consumed = from;
        int invalid = StrictUtf8.firstInvalid(payload, from, payload.length);
        this.nextInvalidUtf8 = invalid < 0 ? Long.MAX_VALUE : invalid;
    }

    /** Called before each root value: nothing has been reported for it yet. */
    void startValue() {
        reported = false;
    }

    long consumed() {
        return consumed;
    }

    /** Parsing goes on at {@code offset}; what lies before it is done with. */
    void resumeAt(long offset) {
        consumed = offset;
    }

    /** Reads the object whose START_OBJECT is the current token and reports it as a record or an error. */
    void readRecord(UTF8StreamJsonParser p, long start) throws IOException {
        LinkedHashMap<String, Object> fields = build(p, start);
        long end = ByteJsonFactory.tokenOffset(p) + 1;
        consumed = end;
        if (fields == null) return;
        long invalid = invalidUtf8(start, end - 1);
        ParseError error = invalid >= 0 ? invalidUtf8(invalid) : limits.checkRecordBytes(end - start, start);
        if (error != null) {
            report(error);
            return;
        }
        int size = fields.size();
        rootCapacity = size < 12 ? DEFAULT_CAPACITY : (int) (size / 0.75f) + 1;
        sink.record(Record.wrap(fields));
    }

    /** Reports a root value that is not an object, skips it, and marks it consumed. */
    void notObject(UTF8StreamJsonParser p, JsonToken token, long start) throws IOException {
        report(new ParseError(ErrorCode.JSON_NOT_OBJECT,
                "Expected a JSON object for a record, found " + describe(token), start));
        if (token.isStructStart()) {
            p.skipChildren();
            consumed = ByteJsonFactory.tokenOffset(p) + 1;
        } else {
            consumed = p.getCurrentLocation().getByteOffset();
        }
    }

    /**
     * Reports what Jackson threw while reading: its nesting constraint fires only while skipping a value already
     * reported as too deep or not an object, and adds nothing; a failure at or after an invalid UTF-8 sequence is
     * reported as that; anything else is a syntax error where Jackson found it.
     *
     * @param valueStart where the value being read began, or -1 when the failure came before it
     */
    void failed(Exception e, long valueStart, long errorOffset) {
        long at = Math.min(Math.max(errorOffset, consumed), payload.length);
        if (e instanceof StreamConstraintsException) {
            if (!reported) {
                report(new ParseError(ErrorCode.MAX_DEPTH_EXCEEDED, "Value nests deeper than max.depth="
                        + limits.maxDepth() + ": " + e.getMessage(), valueStart >= 0 ? valueStart : consumed));
            }
            return;
        }
        long invalid = invalidUtf8(consumed, at);
        if (invalid >= 0) {
            report(invalidUtf8(invalid));
        } else {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            report(new ParseError(ErrorCode.JSON_SYNTAX, "Malformed JSON: " + message, at));
        }
    }

    void syntax(String message, long offset) {
        report(new ParseError(ErrorCode.JSON_SYNTAX, message, offset));
    }

    private void report(ParseError error) {
        reported = true;
        sink.error(error);
    }

    @SuppressWarnings("unchecked")
    private LinkedHashMap<String, Object> build(UTF8StreamJsonParser p, long start) throws IOException {
        final int maxDepth = limits.maxDepth();
        final int maxFields = limits.maxFields();
        LinkedHashMap<String, Object> root = new LinkedHashMap<>(rootCapacity);
        LinkedHashMap<String, Object> map = root;
        ArrayList<Object> list = null;
        Object[] parents = stack;
        int depth = 1;
        int values = 0;
        String name = null;
        for (;;) {
            JsonToken token = p.nextToken();
            if (token == null) throw new IOException("Unexpected end of input inside an object");
            Object value;
            switch (token.id()) {
                case JsonTokenId.ID_FIELD_NAME -> {
                    name = p.getCurrentName();
                    continue;
                }
                case JsonTokenId.ID_STRING -> value = depth == 1 && timestampFields != null
                        ? rootText(p, name) : p.getText();
                case JsonTokenId.ID_NUMBER_INT -> {
                    value = integer(p);
                    if (value == TOO_LONG) return skip(p, depth, tooLarge(start));
                }
                case JsonTokenId.ID_NUMBER_FLOAT -> {
                    value = decimals ? decimal(p) : floating(p);
                    if (value == TOO_LONG) return skip(p, depth, tooLarge(start));
                }
                case JsonTokenId.ID_TRUE -> value = Boolean.TRUE;
                case JsonTokenId.ID_FALSE -> value = Boolean.FALSE;
                case JsonTokenId.ID_NULL -> value = null;
                case JsonTokenId.ID_START_OBJECT, JsonTokenId.ID_START_ARRAY -> {
                    if (++values > maxFields) return skip(p, depth, tooManyValues(start));
                    if (depth == maxDepth) return skip(p, depth, tooDeep(start));
                    Object child;
                    if (token == JsonToken.START_OBJECT) {
                        child = new LinkedHashMap<String, Object>(NESTED_CAPACITY);
                    } else {
                        child = new ArrayList<Object>();
                    }
                    if (list != null) {
                        list.add(child);
                        parents = push(parents, depth, list);
                    } else {
                        map.put(name, child);
                        parents = push(parents, depth, map);
                    }
                    if (child instanceof ArrayList<?> l) {
                        list = (ArrayList<Object>) l;
                    } else {
                        map = (LinkedHashMap<String, Object>) child;
                        list = null;
                    }
                    depth++;
                    continue;
                }
                case JsonTokenId.ID_END_OBJECT, JsonTokenId.ID_END_ARRAY -> {
                    if (--depth == 0) return root;
                    Object parent = parents[depth];
                    if (parent instanceof ArrayList<?> l) {
                        list = (ArrayList<Object>) l;
                    } else {
                        map = (LinkedHashMap<String, Object>) parent;
                        list = null;
                    }
                    continue;
                }
                default -> throw new IOException("Unexpected token " + token);
            }
            if (++values > maxFields) return skip(p, depth, tooManyValues(start));
            if (list != null) list.add(value);
            else map.put(name, value);
        }
    }

    private Object rootText(UTF8StreamJsonParser p, String name) throws IOException {
        String text = p.getText();
        if (!timestampFields.contains(name)) return text;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private Object integer(UTF8StreamJsonParser p) throws IOException {
        long simple = SimpleNumbers.toLong(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        return simple != SimpleNumbers.NOT_SIMPLE_LONG ? simple : bigInteger(p);
    }

    private Object bigInteger(UTF8StreamJsonParser p) throws IOException {
        if (p.getNumberType() != NumberType.BIG_INTEGER) return p.getLongValue();
        return p.getTextLength() > limits.maxRecordBytes() ? TOO_LONG : p.getDecimalValue();
    }

    private static Object floating(UTF8StreamJsonParser p) throws IOException {
        double simple = SimpleNumbers.toDouble(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        return simple == simple ? simple : p.getDoubleValue();
    }

    private Object decimal(UTF8StreamJsonParser p) throws IOException {
        return p.getTextLength() > limits.maxRecordBytes() ? TOO_LONG : p.getDecimalValue();
    }

    private Object[] push(Object[] parents, int depth, Object parent) {
        if (depth >= parents.length) {
            parents = Arrays.copyOf(parents, Math.max(8, parents.length * 2));
            stack = parents;
        }
        parents[depth] = parent;
        return parents;
    }

    /** Reports {@code error} for the record and skips its rest: {@code open} containers, plus the current one. */
    private LinkedHashMap<String, Object> skip(UTF8StreamJsonParser p, int open, ParseError error) throws IOException {
        report(error);
        if (p.currentToken().isStructStart()) p.skipChildren();
        while (open > 0) {
            JsonToken token = p.nextToken();
            if (token == null) throw new IOException("Unexpected end of input inside an object");
            if (token.isStructStart()) p.skipChildren();
            else if (token.isStructEnd()) open--;
        }
        return null;
    }

    private ParseError tooLarge(long start) {
        return new ParseError(ErrorCode.RECORD_TOO_LARGE,
                "Record has a number longer than max.record.bytes=" + limits.maxRecordBytes(), start);
    }

    private ParseError tooManyValues(long start) {
        return new ParseError(ErrorCode.MAX_FIELDS_EXCEEDED,
                "Record has more than max.fields=" + limits.maxFields() + " values", start);
    }

    private ParseError tooDeep(long start) {
        return new ParseError(ErrorCode.MAX_DEPTH_EXCEEDED,
                "Record nests deeper than max.depth=" + limits.maxDepth(), start);
    }

    /** The first invalid UTF-8 offset in {@code [from, to]}, or -1; offsets before {@code from} are done with. */
    private long invalidUtf8(long from, long to) {
        if (nextInvalidUtf8 < from) {
            int invalid = StrictUtf8.firstInvalid(payload, (int) from, payload.length);
            nextInvalidUtf8 = invalid < 0 ? Long.MAX_VALUE : invalid;
        }
        return nextInvalidUtf8 <= to ? nextInvalidUtf8 : -1;
    }

    private static ParseError invalidUtf8(long offset) {
        return new ParseError(ErrorCode.INVALID_UTF8, "Invalid UTF-8 at byte offset " + offset, offset);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> token.asString();
        };
    }
}
