package io.tributary.spark.runner;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;
import scala.Tuple2;

/**
 * Counts the records of one RDD, per partition: a partition reports its count when it was read to the end,
 * and a later report for the same partition replaces the earlier one. So a partition that Spark computes twice
 * (two consumers, a task retry, a lost cache) is counted once, unlike a plain sum accumulator. Internal.
 */
final class PartitionCounter extends AccumulatorV2<Tuple2<Integer, Long>, Map<Integer, Long>> {
    private static final long serialVersionUID = 1L;

    private HashMap<Integer, Long> counts = new HashMap<>();

    @Override
    public boolean isZero() {
        return counts.isEmpty();
    }

    @Override
    public AccumulatorV2<Tuple2<Integer, Long>, Map<Integer, Long>> copy() {
        PartitionCounter c = new PartitionCounter();
        synchronized (this) {
            c.counts = new HashMap<>(counts);
        }
        return c;
    }

    @Override
    public synchronized void reset() {
        counts = new HashMap<>();
    }

    @Override
    public synchronized void add(Tuple2<Integer, Long> partitionCount) {
        counts.put(partitionCount._1, partitionCount._2);
    }

    @Override
    public synchronized void merge(AccumulatorV2<Tuple2<Integer, Long>, Map<Integer, Long>> other) {
        counts.putAll(other.value());
    }

    @Override
    public synchronized Map<Integer, Long> value() {
        return new HashMap<>(counts);
    }

    /** The total over the partitions reported so far. */
    long total() {
        long sum = 0;
        for (long c : value().values()) sum += c;
        return sum;
    }
}
