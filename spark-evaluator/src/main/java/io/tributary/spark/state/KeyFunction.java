package io.tributary.spark.state;

import io.tributary.record.FieldPath;
import io.tributary.record.Record;
import java.io.Serializable;

/**
 * Which key a record's state belongs to. Configured with {@code state.key}: {@code header} (the header key, the
 * device or sensor id; the default) or a field path such as {@code /shopper/id}. A record without a key goes to
 * the errors with {@code NO_KEY}.
 *
 * <p>Serializable: runs on executors.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface KeyFunction extends Serializable {

    /** The key of {@code record}, or null when it has none. */
    String keyOf(Record record);

    static KeyFunction headerKey() {
        return r -> r.header().key();
    }

    /** The value at {@code path}, as a string. */
    static KeyFunction field(String path) {
        FieldPath.of(path);
        return r -> {
            Object v = r.get(path);
            return v == null ? null : v.toString();
        };
    }

    /** {@code header} or a field path starting with {@code /}. */
    static KeyFunction parse(String spec) {
        String s = spec.trim();
        if (s.equals("header")) return headerKey();
        if (s.startsWith("/")) return field(s);
        throw new IllegalArgumentException("must be 'header' or a field path such as /device");
    }
}
