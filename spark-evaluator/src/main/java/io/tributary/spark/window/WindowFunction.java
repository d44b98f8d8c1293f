package io.tributary.spark.window;

import io.tributary.record.Record;
import java.io.Serializable;
import java.time.Instant;

/**
 * An aggregation over the records of one key and one window: an accumulator created empty, each record added,
 * and one result record emitted when the window closes. Runs on executors: serializable, deterministic.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @param <A> the accumulator type (kept in the evaluator's state, so serializable)
 * @since 0.1
 */
public interface WindowFunction<A extends Serializable> extends Serializable {
    /** A new, empty accumulator. */
    A create();

    /** Adds {@code record} to {@code accumulator} and returns the accumulator (the same object or a new one). */
    A add(A accumulator, Record record);

    /** The record emitted for the closed window, or null to emit nothing. */
    Record result(String key, Window window, A accumulator);

    /**
     * Counts records per key and window. Emits a record with header key {@code key}, header event time the
     * window start, and fields {@code key}, {@code window_start}, {@code window_end} (timestamps) and
     * {@code count} (long).
     */
    static WindowFunction<long[]> count() {
        return new WindowFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public long[] create() {
                return new long[1];
            }

            @Override
            public long[] add(long[] accumulator, Record record) {
                accumulator[0]++;
                return accumulator;
            }

            @Override
            public Record result(String key, Window window, long[] accumulator) {
                return windowRecord(key, window).put("count", accumulator[0]);
            }
        };
    }

    /** A record for a window's result: header key and event time (the window start), key and window bounds. */
    static Record windowRecord(String key, Window window) {
        Record r = new Record().put("key", key).put("window_start", window.start()).put("window_end", window.end());
        r.header().key(key).eventTime(Instant.ofEpochMilli(window.startMillis()));
        return r;
    }
}
