package io.tributary.spark.runner;

import io.tributary.record.Record;
import io.tributary.spark.StageError;
import java.util.Iterator;
import org.apache.spark.TaskKilledException;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Wraps a stage's output RDDs: counts each partition's records into a {@link PartitionCounter}, and tags an
 * exception raised while computing them with the stage ({@link StageFailure}), so the driver can name the
 * evaluator. Exceptions that Spark itself must see unchanged (task kill, shuffle fetch failure, errors) pass
 * through untouched. Internal.
 */
final class Guard {
    private Guard() {
    }

    static JavaRDD<Record> results(JavaRDD<Record> rdd, int stage, String name, String cls, PartitionCounter counter) {
        return rdd.mapPartitionsWithIndex((p, it) -> new Counting<>(it, p, stage, name, cls, counter), true);
    }

    static JavaPairRDD<Record, StageError> errors(JavaPairRDD<Record, String> rdd, int stage, String name, String cls,
            PartitionCounter counter) {
        return JavaPairRDD.fromJavaRDD(rdd.mapPartitionsWithIndex((p, it) -> {
            Iterator<Tuple2<Record, String>> counted = new Counting<>(it, p, stage, name, cls, counter);
            return new Iterator<Tuple2<Record, StageError>>() {
                @Override
                public boolean hasNext() {
                    return counted.hasNext();
                }

                @Override
                public Tuple2<Record, StageError> next() {
                    Tuple2<Record, String> e = counted.next();
                    return new Tuple2<>(e._1, new StageError(stage, name, cls, e._2));
                }
            };
        }, true));
    }

    /** The chain's input: counted, not tagged (a failure here belongs to the source, not to an evaluator). */
    static JavaRDD<Record> input(JavaRDD<Record> rdd, PartitionCounter counter) {
        return rdd.mapPartitionsWithIndex((p, it) -> new Counting<>(it, p, -1, null, null, counter), true);
    }

    private static final class Counting<T> implements Iterator<T> {
        private final Iterator<T> in;
        private final int partition;
        private final int stage;
        private final String name;
        private final String cls;
        private final PartitionCounter counter;
        private long count;
        private boolean reported;

        Counting(Iterator<T> in, int partition, int stage, String name, String cls, PartitionCounter counter) {
            this.in = in;
            this.partition = partition;
            this.stage = stage;
            this.name = name;
            this.cls = cls;
            this.counter = counter;
        }

        @Override
        public boolean hasNext() {
            boolean more;
            try {
                more = in.hasNext();
            } catch (RuntimeException e) {
                throw tag(e);
            }
            if (!more && !reported) {
                reported = true;
                counter.add(new Tuple2<>(partition, count));
            }
            return more;
        }

        @Override
        public T next() {
            try {
                T t = in.next();
                count++;
                return t;
            } catch (RuntimeException e) {
                throw tag(e);
            }
        }

        private RuntimeException tag(RuntimeException e) {
            // Spark's checked exceptions (a shuffle FetchFailedException) are not RuntimeExceptions and pass as they are.
            if (stage < 0 || e instanceof StageFailure || e instanceof TaskKilledException) {
                return e;
            }
            return new StageFailure(stage, name, cls, e);
        }
    }
}
