package io.tributary.spark.state;

import io.tributary.record.Record;
import io.tributary.spark.Records;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Per key: how many records so far. Emits one record per key and batch; "end" removes the state. */
public final class RunningCount extends StatefulTransformer<RunningCount.Count> {
    static final AtomicInteger failuresLeft = new AtomicInteger();

    public static final class Count implements Serializable {
        private static final long serialVersionUID = 1L;
        long records;
        List<Long> times = new ArrayList<>();
    }

    @Override
    protected StateFunction<Count> stateFunction() {
        return (key, records, state, context) -> {
            Count c = state.orElseGet(Count::new);
            if (context.timedOut()) {
                return StateUpdate.<Count>remove().emit(Records.of(key, "expired", c.records));
            }
            boolean end = false;
            List<Long> times = new ArrayList<>();
            for (Record r : records) {
                if (r.field("boom") != null && failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("state function boom");
                }
                c.records++;
                times.add(r.header().eventTime().getEpochSecond());
                end |= r.field("end") != null;
            }
            Record out = Records.of(key, "count", c.records, "times", times, "batch", context.batchIndex());
            return (end ? StateUpdate.<Count>remove() : StateUpdate.update(c)).emit(out);
        };
    }
}
