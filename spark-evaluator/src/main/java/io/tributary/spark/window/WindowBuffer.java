package io.tributary.spark.window;

import java.io.Serializable;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One key's open windows and their accumulators: the state of a windowed evaluator. Mutable, not thread-safe;
 * owned by one task at a time.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @param <A> the accumulator type
 * @since 0.1
 */
public final class WindowBuffer<A extends Serializable> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TreeMap<Window, A> open = new TreeMap<>();

    /** The open windows and their accumulators, by start; live. */
    public NavigableMap<Window, A> open() {
        return open;
    }

    public boolean isEmpty() {
        return open.isEmpty();
    }

    /** The earliest end among the open windows, or {@link Watermark#NONE}. */
    public long earliestEndMillis() {
        long earliest = Long.MAX_VALUE;
        for (Window w : open.keySet()) earliest = Math.min(earliest, w.endMillis());
        return open.isEmpty() ? Watermark.NONE : earliest;
    }

    void add(Window window, WindowFunction<A> function, io.tributary.record.Record record) {
        A acc = open.get(window);
        if (acc == null) acc = function.create();
        open.put(window, function.add(acc, record));
    }

    /** Removes and returns, in window order, every window that ended at or before {@code watermarkMillis}. */
    TreeMap<Window, A> closeUpTo(long watermarkMillis) {
        TreeMap<Window, A> closed = new TreeMap<>();
        var it = open.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Window, A> e = it.next();
            if (e.getKey().endMillis() <= watermarkMillis) {
                closed.put(e.getKey(), e.getValue());
                it.remove();
            }
        }
        return closed;
    }

    @Override
    public String toString() {
        return "WindowBuffer" + open;
    }
}
