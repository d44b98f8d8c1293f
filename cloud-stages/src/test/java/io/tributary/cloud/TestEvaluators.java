package io.tributary.cloud;

import io.tributary.record.Record;
import io.tributary.spark.SparkTransformer;
import io.tributary.spark.TransformResult;
import io.tributary.spark.state.StateFunction;
import io.tributary.spark.state.StateUpdate;
import io.tributary.spark.state.StatefulTransformer;
import java.io.Serializable;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/** Evaluators for the job's tests. */
public final class TestEvaluators {
    private TestEvaluators() {
    }

    /** Adds {@code tagged=<param tag>}; a record with a field {@code bad} is an error {@code BAD_VALUE}. */
    public static final class Tag extends SparkTransformer {
        private String tag;

        @Override
        public void init(JavaSparkContext context, Map<String, String> params) {
            tag = params.getOrDefault("tag", "yes");
        }

        @Override
        public TransformResult transform(JavaRDD<Record> batch) {
            String t = tag;
            JavaRDD<Record> good = batch.filter(r -> r.field("bad") == null).map(r -> r.put("tagged", t));
            JavaPairRDD<Record, String> bad = batch.filter(r -> r.field("bad") != null)
                    .mapToPair(r -> new Tuple2<>(r, "BAD_VALUE: field 'bad' is set"));
            return TransformResult.of(good, bad);
        }
    }

    /** Multiplies {@code value} by the param {@code factor} into {@code scaled}. */
    public static final class Scale extends SparkTransformer {
        private long factor;

        @Override
        public void init(JavaSparkContext context, Map<String, String> params) {
            factor = Long.parseLong(params.getOrDefault("factor", "10"));
        }

        @Override
        public TransformResult transform(JavaRDD<Record> batch) {
            long f = factor;
            return TransformResult.of(batch.map(r -> r.put("scaled", ((Long) r.field("value")) * f)));
        }
    }

    /** Per key: the running number of records and sum of {@code value}; emits the running totals per batch. */
    public static final class RunningTotal extends StatefulTransformer<RunningTotal.Total> {
        public static final class Total implements Serializable {
            private static final long serialVersionUID = 1L;
            long count;
            long sum;
        }

        @Override
        protected StateFunction<Total> stateFunction() {
            return (key, records, state, ctx) -> {
                Total t = state.orElseGet(Total::new);
                for (Record r : records) {
                    t.count++;
                    t.sum += (Long) r.field("value");
                }
                Record out = new Record().put("count", t.count).put("sum", t.sum);
                out.header().key(key);
                return StateUpdate.update(t).emit(out);
            };
        }
    }
}
