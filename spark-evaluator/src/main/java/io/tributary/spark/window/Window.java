package io.tributary.spark.window;

import java.io.Serializable;
import java.time.Instant;

/**
 * An event-time window {@code [start, end)} in epoch milliseconds.
 *
 * <p>Immutable, serializable, ordered by start then end.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class Window implements Serializable, Comparable<Window> {
    private static final long serialVersionUID = 1L;

    private final long startMillis;
    private final long endMillis;

    public Window(long startMillis, long endMillis) {
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("A window must end after it starts: [" + startMillis + ", " + endMillis + ")");
        }
        this.startMillis = startMillis;
        this.endMillis = endMillis;
    }

    /** Inclusive start, epoch milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /** Exclusive end, epoch milliseconds. */
    public long endMillis() {
        return endMillis;
    }

    public Instant start() {
        return Instant.ofEpochMilli(startMillis);
    }

    public Instant end() {
        return Instant.ofEpochMilli(endMillis);
    }

    public boolean contains(long timeMillis) {
        return timeMillis >= startMillis && timeMillis < endMillis;
    }

    @Override
    public int compareTo(Window o) {
        int c = Long.compare(startMillis, o.startMillis);
        return c != 0 ? c : Long.compare(endMillis, o.endMillis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Window w && w.startMillis == startMillis && w.endMillis == endMillis;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(startMillis) * 31 + Long.hashCode(endMillis);
    }

    @Override
    public String toString() {
        return "[" + start() + ", " + end() + ")";
    }
}
