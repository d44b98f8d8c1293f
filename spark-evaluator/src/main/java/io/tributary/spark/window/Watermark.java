package io.tributary.spark.window;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * An event-time watermark: the largest event time seen so far minus the allowed lateness. Records behind the
 * watermark are late; a window closes when the watermark reaches its end. It only moves forward.
 *
 * <p>The framework keeps one per stateful evaluator on the driver, advances it after each micro-batch from the
 * batch's largest event time, and hands its value to the next batch: the watermark that judges batch
 * <i>n</i> is the one computed from batches 1 to <i>n-1</i> (as in Spark Structured Streaming), so it is the
 * same on every executor and on a replay.
 *
 * <p>Immutable, serializable; pure, no Spark.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class Watermark implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The value before any event time was seen: nothing is late, no window closes. */
    public static final long NONE = Long.MIN_VALUE;

    private final long latenessMillis;
    private final long maxEventTimeMillis;

    private Watermark(long latenessMillis, long maxEventTimeMillis) {
        if (latenessMillis < 0) throw new IllegalArgumentException("The allowed lateness must not be negative");
        this.latenessMillis = latenessMillis;
        this.maxEventTimeMillis = maxEventTimeMillis;
    }

    /** A watermark that has seen nothing yet. */
    public static Watermark withLateness(Duration allowedLateness) {
        return new Watermark(allowedLateness.toMillis(), NONE);
    }

    /** A watermark restored from its parts. */
    public static Watermark of(long latenessMillis, long maxEventTimeMillis) {
        return new Watermark(latenessMillis, maxEventTimeMillis);
    }

    /** This watermark after seeing {@code eventTimeMillis}; never moves back. */
    public Watermark observe(long eventTimeMillis) {
        return eventTimeMillis > maxEventTimeMillis ? new Watermark(latenessMillis, eventTimeMillis) : this;
    }

    public long latenessMillis() {
        return latenessMillis;
    }

    /** The largest event time seen, or {@link #NONE}. */
    public long maxEventTimeMillis() {
        return maxEventTimeMillis;
    }

    /** The watermark in epoch milliseconds, or {@link #NONE} before any event time was seen. */
    public long millis() {
        return maxEventTimeMillis == NONE ? NONE : maxEventTimeMillis - latenessMillis;
    }

    /** Whether a record of this event time is behind the watermark. */
    public boolean isLate(long eventTimeMillis) {
        return eventTimeMillis < millis();
    }

    /** Whether {@code window} has closed: the watermark has reached its end. */
    public boolean hasClosed(Window window) {
        return window.endMillis() <= millis();
    }

    @Override
    public String toString() {
        return maxEventTimeMillis == NONE ? "Watermark{none}" : "Watermark{" + Instant.ofEpochMilli(millis()) + "}";
    }
}
