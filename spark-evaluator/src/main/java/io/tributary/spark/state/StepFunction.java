package io.tributary.spark.state;

import io.tributary.record.Record;
import io.tributary.spark.window.Watermark;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Applies the user's {@link StateFunction} to every key of a cogrouped partition (state, batch records). Runs on
 * executors; lazily, one key at a time.
 */
final class StepFunction<S extends Serializable> implements
        PairFlatMapFunction<Iterator<Tuple2<String, Tuple2<Iterable<StateEntry<S>>, Iterable<Sequenced>>>>, String, KeyStep<S>> {
    private static final long serialVersionUID = 1L;

    static final String NO_KEY = "NO_KEY";

    private final StateFunction<S> function;
    private final String ownerClass;
    private final StateContext context;
    private final long ttlMillis;

    StepFunction(StateFunction<S> function, String ownerClass, StateContext context, long ttlMillis) {
        this.function = function;
        this.ownerClass = ownerClass;
        this.context = context;
        this.ttlMillis = ttlMillis;
    }

    @Override
    public Iterator<Tuple2<String, KeyStep<S>>> call(
            Iterator<Tuple2<String, Tuple2<Iterable<StateEntry<S>>, Iterable<Sequenced>>>> keys) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public Tuple2<String, KeyStep<S>> next() {
                Tuple2<String, Tuple2<Iterable<StateEntry<S>>, Iterable<Sequenced>>> k = keys.next();
                return new Tuple2<>(k._1, step(k._1, first(k._2._1), k._2._2));
            }
        };
    }

    private KeyStep<S> step(String key, StateEntry<S> entry, Iterable<Sequenced> batch) {
        List<Sequenced> sequenced = new ArrayList<>();
        batch.forEach(sequenced::add);
        if (key == null) return noKey(sequenced);
        if (sequenced.isEmpty()) return entry == null ? KeyStep.untouched(null) : withoutRecords(key, entry);

        sequenced.sort(Sequenced.ORDER);
        List<Record> records = new ArrayList<>(sequenced.size());
        long maxEvent = Watermark.NONE;
        for (Sequenced s : sequenced) {
            records.add(s.record);
            if (s.hasTime && s.timeMillis > maxEvent) maxEvent = s.timeMillis;
        }
        StateUpdate<S> update = call(key, records, entry, context);
        long touched = maxEvent != Watermark.NONE ? maxEvent : context.watermark().maxEventTimeMillis();
        if (entry != null) touched = Math.max(touched, entry.touchedMillis);
        return new KeyStep<>(next(update, entry, touched), update.outputList(), update.errorList(), update.droppedCount(),
                false, maxEvent);
    }

    /** A key with state but no records: its timeout, its timer, or nothing. */
    private KeyStep<S> withoutRecords(String key, StateEntry<S> entry) {
        long clock = context.watermark().maxEventTimeMillis();
        boolean expired = ttlMillis > 0 && clock != Watermark.NONE && entry.touchedMillis != Watermark.NONE
                && clock - entry.touchedMillis > ttlMillis;
        if (expired) {
            StateUpdate<S> update = call(key, List.of(), entry, context.timedOutCopy());
            StateEntry<S> next = update.kind() == StateUpdate.Kind.UPDATE
                    ? new StateEntry<>(update.state(), clock, update.timerMillis()) : null;
            return new KeyStep<>(next, update.outputList(), update.errorList(), update.droppedCount(), next == null,
                    Watermark.NONE);
        }
        long watermark = context.watermark().millis();
        if (entry.timerMillis != Watermark.NONE && watermark != Watermark.NONE && watermark >= entry.timerMillis) {
            StateUpdate<S> update = call(key, List.of(), entry, context.timerCopy());
            return new KeyStep<>(next(update, entry, entry.touchedMillis), update.outputList(), update.errorList(),
                    update.droppedCount(), false, Watermark.NONE);
        }
        return KeyStep.untouched(entry);
    }

    private static <S> StateEntry<S> next(StateUpdate<S> update, StateEntry<S> entry, long touched) {
        return switch (update.kind()) {
            case KEEP -> entry == null ? null : new StateEntry<>(entry.state, touched, update.timerMillis());
            case UPDATE -> new StateEntry<>(update.state(), touched, update.timerMillis());
            case REMOVE -> null;
        };
    }

    private StateUpdate<S> call(String key, List<Record> records, StateEntry<S> entry, StateContext ctx) {
        StateUpdate<S> update;
        try {
            update = function.apply(key, records, Optional.ofNullable(entry == null ? null : entry.state), ctx);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The state function of " + ownerClass + " failed for key '" + key
                    + "': " + e, e);
        }
        if (update == null) {
            throw new IllegalStateException("The state function of " + ownerClass + " returned null for key '"
                    + key + "'; return StateUpdate.keep(), update(s) or remove()");
        }
        return update;
    }

    private KeyStep<S> noKey(List<Sequenced> sequenced) {
        ArrayList<Tuple2<Record, String>> errors = new ArrayList<>(sequenced.size());
        for (Sequenced s : sequenced) {
            errors.add(new Tuple2<>(s.record, NO_KEY + ": the record has no state key"));
        }
        return new KeyStep<>(null, null, errors, 0, false, Watermark.NONE);
    }

    private static <T> T first(Iterable<T> it) {
        Iterator<T> i = it.iterator();
        return i.hasNext() ? i.next() : null;
    }
}
