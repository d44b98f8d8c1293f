package io.tributary.spark.state;

import java.io.Serializable;

/** One key's state as the framework keeps it: the user's state and the event time it was last touched. */
final class StateEntry<S> implements Serializable {
    private static final long serialVersionUID = 1L;

    final S state;
    /** The largest event time of the records applied to this key, or {@link io.tributary.spark.window.Watermark#NONE}. */
    final long touchedMillis;
    /** The watermark at which the function wants to be called without records, or {@code Watermark.NONE}. */
    final long timerMillis;

    StateEntry(S state, long touchedMillis, long timerMillis) {
        this.state = state;
        this.touchedMillis = touchedMillis;
        this.timerMillis = timerMillis;
    }
}
