package io.tributary.spark.window;

import io.tributary.record.Record;
import io.tributary.spark.state.StateUpdate;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event-time window step for one key, as a pure function (no Spark): add the batch's records to their open
 * windows, apply the late-record policy, emit the windows the watermark has closed.
 *
 * <ul>
 *   <li>A record goes into every window containing its event time that is still open ({@code end >
 *       watermark}).</li>
 *   <li>A record whose windows have <i>all</i> closed is late: dropped and counted ({@link LatePolicy#DROP}) or
 *       routed to the errors as {@code LATE_RECORD} ({@link LatePolicy#ERROR}). A window that already emitted
 *       never emits again.</li>
 *   <li>A record without an event time goes to the errors as {@code NO_EVENT_TIME}.</li>
 *   <li>Every window whose end is at or before the watermark emits its result once, in window order, and is
 *       forgotten; the step then sets a timer at the earliest open window's end, so a key that falls silent
 *       still emits once the watermark passes.</li>
 * </ul>
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class WindowLogic<A extends Serializable> implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String NO_EVENT_TIME = "NO_EVENT_TIME";

    private final WindowSpec spec;
    private final EventTime eventTime;
    private final LatePolicy latePolicy;
    private final WindowFunction<A> function;

    public WindowLogic(WindowSpec spec, EventTime eventTime, LatePolicy latePolicy, WindowFunction<A> function) {
        this.spec = spec;
        this.eventTime = eventTime;
        this.latePolicy = latePolicy;
        this.function = function;
    }

    /**
     * One step for {@code key}.
     *
     * @param records         the key's records of this batch, in any order
     * @param buffer          the key's open windows, if any (mutated and returned in the update)
     * @param watermarkMillis the current watermark ({@link Watermark#NONE}: nothing is late or closes)
     */
    public StateUpdate<WindowBuffer<A>> step(String key, List<Record> records, Optional<WindowBuffer<A>> buffer,
            long watermarkMillis) {
        WindowBuffer<A> open = buffer.orElseGet(WindowBuffer::new);
        long dropped = 0;
        List<Record> late = new ArrayList<>(0);
        List<Record> untimed = new ArrayList<>(0);
        for (Record r : records) {
            Long t = eventTime.millis(r);
            if (t == null) {
                untimed.add(r);
                continue;
            }
            boolean added = false;
            for (Window w : spec.windowsFor(t)) {
                if (w.endMillis() > watermarkMillis || watermarkMillis == Watermark.NONE) {
                    open.add(w, function, r);
                    added = true;
                }
            }
            if (!added) {
                if (latePolicy == LatePolicy.DROP) dropped++;
                else late.add(r);
            }
        }
        StateUpdate<WindowBuffer<A>> update = open.isEmpty() ? StateUpdate.remove() : StateUpdate.update(open);
        if (watermarkMillis != Watermark.NONE) {
            for (Map.Entry<Window, A> closed : open.closeUpTo(watermarkMillis).entrySet()) {
                Record result = function.result(key, closed.getKey(), closed.getValue());
                if (result != null) update.emit(result);
            }
            if (open.isEmpty()) update = StateUpdate.<WindowBuffer<A>>remove().emit(update.outputs());
        }
        for (Record r : late) {
            update.error(r, LatePolicy.LATE_RECORD + ": event time " + Instant.ofEpochMilli(eventTime.millis(r))
                    + " is behind the watermark " + Instant.ofEpochMilli(watermarkMillis)
                    + " and every window of it has closed");
        }
        for (Record r : untimed) update.error(r, NO_EVENT_TIME + ": the record has no event time");
        if (!open.isEmpty()) update.timer(open.earliestEndMillis());
        return update.dropped(dropped);
    }

    public WindowSpec spec() {
        return spec;
    }

    public LatePolicy latePolicy() {
        return latePolicy;
    }
}
