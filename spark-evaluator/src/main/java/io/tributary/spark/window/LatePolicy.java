package io.tributary.spark.window;

import java.util.Locale;

/**
 * What happens to a record whose windows have all closed (its event time is behind the watermark by more than
 * the window allows).
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public enum LatePolicy {
    /** Dropped and counted ({@code records.late.dropped}). */
    DROP,
    /** Routed to the errors with the reason {@code LATE_RECORD: ...}. */
    ERROR;

    /** The reason code of a late record routed to the errors. */
    public static final String LATE_RECORD = "LATE_RECORD";

    /** {@code drop} or {@code error}, any case. */
    public static LatePolicy parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
