package io.tributary.spark.state;

import io.tributary.record.Record;
import io.tributary.spark.window.Watermark;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import scala.Tuple2;

/** The outcome of one key in one batch: its new state entry (null when none), outputs, errors and counts. */
final class KeyStep<S> implements Serializable {
    private static final long serialVersionUID = 1L;

    final StateEntry<S> entry;
    /** Null when none (most keys, most batches): keeps the cached state small. */
    final ArrayList<Record> outputs;
    final ArrayList<Tuple2<Record, String>> errors;
    final long dropped;
    final boolean expired;
    /** The largest event time among this key's records of the batch, or {@link Watermark#NONE}. */
    final long maxEventMillis;

    KeyStep(StateEntry<S> entry, ArrayList<Record> outputs, ArrayList<Tuple2<Record, String>> errors, long dropped,
            boolean expired, long maxEventMillis) {
        this.entry = entry;
        this.outputs = outputs;
        this.errors = errors;
        this.dropped = dropped;
        this.expired = expired;
        this.maxEventMillis = maxEventMillis;
    }

    static <S> KeyStep<S> untouched(StateEntry<S> entry) {
        return new KeyStep<>(entry, null, null, 0, false, Watermark.NONE);
    }

    Iterator<Record> outputIterator() {
        return outputs == null ? Collections.emptyIterator() : outputs.iterator();
    }

    Iterator<Tuple2<Record, String>> errorIterator() {
        return errors == null ? Collections.emptyIterator() : errors.iterator();
    }
}
