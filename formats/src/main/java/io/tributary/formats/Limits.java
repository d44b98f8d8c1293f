package io.tributary.formats;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.record.Record;
import java.util.List;
import java.util.Map;

/**
 * The limits every parser enforces, each reported with its own {@link ErrorCode}: the payload's size, one
 * record's size in the input, how deep a record nests, and how many values it holds (map entries and list
 * elements, counted at every level).
 *
 * <p>Stable API since 0.1. Immutable and thread-safe.
 */
public record Limits(int maxPayloadBytes, int maxRecordBytes, int maxDepth, int maxFields) {
    public static final Option<Integer> MAX_PAYLOAD_BYTES = Option.intValue("max.payload.bytes", 4 << 20, 1,
            Integer.MAX_VALUE - 16, "Largest payload accepted, in bytes; a larger one is rejected whole ("
                    + ErrorCode.PAYLOAD_TOO_LARGE + ").");
    public static final Option<Integer> MAX_RECORD_BYTES = Option.intValue("max.record.bytes", 1 << 20, 1,
            Integer.MAX_VALUE - 16, "Largest input for one record, in bytes; a larger record is skipped ("
                    + ErrorCode.RECORD_TOO_LARGE + ").");
    public static final Option<Integer> MAX_DEPTH = Option.intValue("max.depth", 32, 1, 1000,
            "Deepest nesting of maps and lists in a record; top-level fields are depth 1 ("
                    + ErrorCode.MAX_DEPTH_EXCEEDED + ").");
    public static final Option<Integer> MAX_FIELDS = Option.intValue("max.fields", 10_000, 1, Integer.MAX_VALUE,
            "Most values in one record, counting map entries and list elements at every level ("
                    + ErrorCode.MAX_FIELDS_EXCEEDED + ").");

    /** The limit options, added to every format's options. */
    public static final OptionSet OPTIONS = OptionSet.of(MAX_PAYLOAD_BYTES, MAX_RECORD_BYTES, MAX_DEPTH, MAX_FIELDS);

    public static final Limits DEFAULT = from(OPTIONS.defaults());

    public static Limits from(Settings settings) {
        return new Limits(settings.get(MAX_PAYLOAD_BYTES), settings.get(MAX_RECORD_BYTES),
                settings.get(MAX_DEPTH), settings.get(MAX_FIELDS));
    }

    /** Reports {@link ErrorCode#PAYLOAD_TOO_LARGE} and returns false when the payload is over the limit. */
    public boolean acceptPayload(byte[] payload, RecordSink sink) {
        if (payload.length <= maxPayloadBytes) return true;
        sink.error(new ParseError(ErrorCode.PAYLOAD_TOO_LARGE,
                "Payload of " + payload.length + " bytes is larger than max.payload.bytes=" + maxPayloadBytes, 0));
        return false;
    }

    /** A {@link ErrorCode#RECORD_TOO_LARGE} error when {@code recordBytes} is over the limit, else null. */
    public ParseError checkRecordBytes(long recordBytes, long offset) {
        if (recordBytes <= maxRecordBytes) return null;
        return new ParseError(ErrorCode.RECORD_TOO_LARGE,
                "Record of " + recordBytes + " bytes is larger than max.record.bytes=" + maxRecordBytes, offset);
    }

    /**
     * Checks a built record's depth and value count (for formats that do not count while parsing).
     *
     * @return the first violated limit as an error at {@code offset}, or null
     */
    public ParseError checkShape(Record record, long offset) {
        int[] count = {0};
        int depth = walk(record.fields(), 1, count);
        if (depth > maxDepth) {
            return new ParseError(ErrorCode.MAX_DEPTH_EXCEEDED,
                    "Record nests deeper than max.depth=" + maxDepth, offset);
        }
        if (count[0] > maxFields) {
            return new ParseError(ErrorCode.MAX_FIELDS_EXCEEDED,
                    "Record has " + count[0] + " values, more than max.fields=" + maxFields, offset);
        }
        return null;
    }

    /** Returns the deepest level reached (stopping early once past the limits). */
    private int walk(Object container, int level, int[] count) {
        int deepest = level;
        Iterable<?> children = container instanceof Map<?, ?> m ? m.values() : (List<?>) container;
        for (Object child : children) {
            if (++count[0] > maxFields || deepest > maxDepth) return deepest;
            if (child instanceof Map || child instanceof List) {
                deepest = Math.max(deepest, walk(child, level + 1, count));
            }
        }
        return deepest;
    }
}
