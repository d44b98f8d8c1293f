package io.tributary.spark.state;

import io.tributary.spark.window.Watermark;
import java.io.Serializable;

/**
 * What a {@link StateFunction} knows besides the key, its records and its state.
 *
 * <p>Immutable, serializable.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class StateContext implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long batchIndex;
    private final Watermark watermark;
    private final boolean timedOut;
    private final boolean timerFired;

    public StateContext(long batchIndex, Watermark watermark, boolean timedOut, boolean timerFired) {
        this.batchIndex = batchIndex;
        this.watermark = watermark;
        this.timedOut = timedOut;
        this.timerFired = timerFired;
    }

    /** The micro-batch number since the state began (1 for the first batch; continues after a restore). */
    public long batchIndex() {
        return batchIndex;
    }

    /**
     * The stage's watermark as of the end of the previous batch (largest event time of batches 1 to n-1 minus
     * {@code watermark.lateness.ms}); {@link Watermark#millis()} is {@link Watermark#NONE} before any event time.
     */
    public Watermark watermark() {
        return watermark;
    }

    /**
     * True when this call is the state's timeout: the key had no records for longer than {@code state.ttl.ms}
     * of event time, there are no records, and the state is removed after the call unless the function returns
     * {@link StateUpdate#update} (which keeps it for another {@code state.ttl.ms}).
     */
    public boolean timedOut() {
        return timedOut;
    }

    /**
     * True when this call, without records, is the key's timer ({@link StateUpdate#timer}): the watermark has
     * reached the time the previous call asked for.
     */
    public boolean timerFired() {
        return timerFired;
    }

    StateContext timedOutCopy() {
        return new StateContext(batchIndex, watermark, true, false);
    }

    StateContext timerCopy() {
        return new StateContext(batchIndex, watermark, false, true);
    }
}
