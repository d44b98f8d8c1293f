package io.tributary.spark.window;

import io.tributary.record.FieldPath;
import io.tributary.record.Record;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a record's event time comes from, as epoch milliseconds (null when the record has none). Configured as
 * {@code event} (the header's event time, the default), {@code received} (the header's time received) or a
 * field path such as {@code /ts}; a field may hold a timestamp, a number of epoch milliseconds, or an ISO-8601
 * string.
 *
 * <p>Serializable: runs on executors.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EventTime extends Serializable {

    /** The event time of {@code record} in epoch milliseconds, or null when it has none. */
    Long millis(Record record);

    /** The header's event time. */
    static EventTime header() {
        return r -> toMillis(r.header().eventTime());
    }

    /** The header's time received. */
    static EventTime received() {
        return r -> toMillis(r.header().receivedAt());
    }

    /** The value at {@code path}. */
    static EventTime field(String path) {
        FieldPath.of(path); // validates now, not on an executor
        return r -> fromValue(r.get(path));
    }

    /**
     * {@code event}, {@code received} or a field path starting with {@code /}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static EventTime parse(String spec) {
        String s = spec.trim();
        if (s.equals("event")) return header();
        if (s.equals("received")) return received();
        if (s.startsWith("/")) return field(s);
        throw new IllegalArgumentException("must be 'event', 'received' or a field path such as /ts");
    }

    private static Long toMillis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Long fromValue(Object v) {
        if (v instanceof Instant t) return t.toEpochMilli();
        if (v instanceof Long || v instanceof Integer) return ((Number) v).longValue();
        if (v instanceof Number n) return (long) n.doubleValue();
        if (v instanceof String s) {
            try {
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException e) {
                try {
                    return Long.parseLong(s.trim());
                } catch (NumberFormatException e2) {
                    return null;
                }
            }
        }
        return null;
    }
}
