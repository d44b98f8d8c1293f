package io.tributary.spark.state;

import io.tributary.record.Record;
import java.io.Serializable;
import java.util.Comparator;

/** A record of the batch with what orders it within its key: event time, then arrival (partition, position). */
final class Sequenced implements Serializable {
    private static final long serialVersionUID = 1L;

    static final Comparator<Sequenced> ORDER = Comparator.<Sequenced>comparingLong(s -> s.timeMillis)
            .thenComparingInt(s -> s.partition).thenComparingLong(s -> s.position);

    final Record record;
    /** Event time, or Long.MIN_VALUE when the record has none (sorts first, in arrival order). */
    final long timeMillis;
    final boolean hasTime;
    final int partition;
    final long position;

    Sequenced(Record record, Long timeMillis, int partition, long position) {
        this.record = record;
        this.hasTime = timeMillis != null;
        this.timeMillis = hasTime ? timeMillis : Long.MIN_VALUE;
        this.partition = partition;
        this.position = position;
    }
}
