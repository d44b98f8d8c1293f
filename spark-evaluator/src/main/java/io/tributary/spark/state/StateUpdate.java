package io.tributary.spark.state;

import io.tributary.record.Record;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import io.tributary.spark.window.Watermark;
import scala.Tuple2;

/**
 * What a {@link StateFunction} returns for one key and batch: the new state (keep, replace or remove), the
 * records to emit as results, the records to route to the errors with a reason, and how many records it
 * dropped on purpose (counted, e.g. late records).
 *
 * <p>Built on an executor and consumed there; not thread-safe.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @param <S> the state type
 * @since 0.1
 */
public final class StateUpdate<S> {
    /** What happens to the key's state. */
    public enum Kind {
        /** The state stays as it was (none stays none). */
        KEEP,
        /** The state becomes {@link #state()}. */
        UPDATE,
        /** The state is removed. */
        REMOVE
    }

    private final Kind kind;
    private final S state;
    private ArrayList<Record> outputs;
    private ArrayList<Tuple2<Record, String>> errors;
    private long dropped;
    private long timerMillis = Watermark.NONE;

    private StateUpdate(Kind kind, S state) {
        this.kind = kind;
        this.state = state;
    }

    /** Keep the state as it is. */
    public static <S> StateUpdate<S> keep() {
        return new StateUpdate<>(Kind.KEEP, null);
    }

    /** Replace the state with {@code state}. */
    public static <S> StateUpdate<S> update(S state) {
        return new StateUpdate<>(Kind.UPDATE, Objects.requireNonNull(state, "state (use remove() to drop it)"));
    }

    /** Remove the state. */
    public static <S> StateUpdate<S> remove() {
        return new StateUpdate<>(Kind.REMOVE, null);
    }

    /** Emits {@code record} as a result. */
    public StateUpdate<S> emit(Record record) {
        if (outputs == null) outputs = new ArrayList<>(4);
        outputs.add(Objects.requireNonNull(record, "record"));
        return this;
    }

    public StateUpdate<S> emit(Collection<Record> records) {
        for (Record r : records) emit(r);
        return this;
    }

    /** Routes {@code record} to the errors; {@code reason} reads {@code "CODE: detail"}. */
    public StateUpdate<S> error(Record record, String reason) {
        if (errors == null) errors = new ArrayList<>(2);
        errors.add(new Tuple2<>(Objects.requireNonNull(record, "record"), reason));
        return this;
    }

    /** Counts {@code n} records dropped on purpose (reported as {@code records.dropped}). */
    public StateUpdate<S> dropped(long n) {
        dropped += n;
        return this;
    }

    /**
     * Asks to be called again, without records, in the first batch whose watermark has reached
     * {@code watermarkMillis} (an event-time timer, e.g. the end of the earliest open window). One timer per key:
     * each call's timer replaces the previous one, and a call that sets none clears it. Ignored when the state
     * is removed.
     */
    public StateUpdate<S> timer(long watermarkMillis) {
        this.timerMillis = watermarkMillis;
        return this;
    }

    /** The timer set by {@link #timer}, or {@link Watermark#NONE}. */
    public long timerMillis() {
        return timerMillis;
    }

    public Kind kind() {
        return kind;
    }

    /** The new state for {@link Kind#UPDATE}, else null. */
    public S state() {
        return state;
    }

    public List<Record> outputs() {
        return outputs == null ? List.of() : Collections.unmodifiableList(outputs);
    }

    public List<Tuple2<Record, String>> errors() {
        return errors == null ? List.of() : Collections.unmodifiableList(errors);
    }

    /** The outputs as kept in the state RDD's cache: a plain list (Kryo-friendly), or null when none. */
    ArrayList<Record> outputList() {
        return outputs;
    }

    ArrayList<Tuple2<Record, String>> errorList() {
        return errors;
    }

    public long droppedCount() {
        return dropped;
    }
}
