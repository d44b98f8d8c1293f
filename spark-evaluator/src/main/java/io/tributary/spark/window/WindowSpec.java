package io.tributary.spark.window;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How event time is cut into windows: tumbling (fixed size, back to back) or sliding (fixed size, a new window
 * every {@code slide}, so a record may fall into several). Windows are aligned to the epoch plus an optional
 * offset: a 1-minute tumbling window starts at every full minute (UTC).
 *
 * <p>Pure functions, no Spark. Immutable, serializable.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class WindowSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long sizeMillis;
    private final long slideMillis;
    private final long offsetMillis;

    private WindowSpec(long sizeMillis, long slideMillis, long offsetMillis) {
        if (sizeMillis <= 0) throw new IllegalArgumentException("The window size must be positive, got " + sizeMillis + " ms");
        if (slideMillis <= 0) throw new IllegalArgumentException("The window slide must be positive, got " + slideMillis + " ms");
        this.sizeMillis = sizeMillis;
        this.slideMillis = slideMillis;
        this.offsetMillis = Math.floorMod(offsetMillis, slideMillis);
    }

    public static WindowSpec tumbling(Duration size) {
        return new WindowSpec(size.toMillis(), size.toMillis(), 0);
    }

    /** Windows of {@code size}, one starting every {@code slide}. A slide equal to the size is tumbling. */
    public static WindowSpec sliding(Duration size, Duration slide) {
        return new WindowSpec(size.toMillis(), slide.toMillis(), 0);
    }

    /** The same windows shifted by {@code offset} (e.g. hours starting at :30). */
    public WindowSpec withOffset(Duration offset) {
        return new WindowSpec(sizeMillis, slideMillis, offset.toMillis());
    }

    public long sizeMillis() {
        return sizeMillis;
    }

    public long slideMillis() {
        return slideMillis;
    }

    public boolean isTumbling() {
        return sizeMillis == slideMillis;
    }

    /** Every window containing {@code timeMillis}, in ascending order; empty only when slide exceeds size. */
    public List<Window> windowsFor(long timeMillis) {
        long lastStart = lastStart(timeMillis);
        List<Window> windows = new ArrayList<>((int) Math.min(16, sizeMillis / slideMillis + 1));
        for (long start = lastStart; start > timeMillis - sizeMillis; start -= slideMillis) {
            windows.add(0, new Window(start, start + sizeMillis));
        }
        return windows;
    }

    /**
     * The latest end among the windows containing {@code timeMillis}: once the watermark reaches it, every
     * window of this record has closed and the record is late.
     */
    public long lastEnd(long timeMillis) {
        return lastStart(timeMillis) + sizeMillis;
    }

    private long lastStart(long timeMillis) {
        return timeMillis - Math.floorMod(timeMillis - offsetMillis, slideMillis);
    }

    @Override
    public String toString() {
        return isTumbling() ? "tumbling(" + sizeMillis + " ms)" : "sliding(" + sizeMillis + " ms every " + slideMillis + " ms)";
    }
}
