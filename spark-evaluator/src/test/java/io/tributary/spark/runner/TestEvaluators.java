package io.tributary.spark.runner;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.record.Record;
import io.tributary.spark.SparkTransformer;
import io.tributary.spark.TransformResult;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/** Evaluators the chain tests load by class name. Counters are static: local Spark runs in this JVM. */
public final class TestEvaluators {
    private TestEvaluators() {
    }

    /**
     * Sets field {@code field} to {@code value} on every record; a record whose {@code reject} field names this
     * field goes to the errors.
     */
    public static final class Stamp extends SparkTransformer {
        static final Option<String> FIELD = Option.string("field", null, "field to set").required();
        static final Option<String> VALUE = Option.string("value", "yes", "value to set");
        static final OptionSet OPTIONS = OptionSet.of(FIELD, VALUE);

        private String field;
        private String value;

        @Override
        public void init(JavaSparkContext context, Map<String, String> params) {
            Settings s = OPTIONS.parse(params);
            field = s.get(FIELD);
            value = s.get(VALUE);
        }

        @Override
        public TransformResult transform(JavaRDD<Record> batch) {
            String f = field;
            String v = value;
            JavaRDD<Record> ok = batch.filter(r -> !f.equals(r.field("reject"))).map(r -> r.copy().put(f, v));
            JavaPairRDD<Record, String> errors = batch.filter(r -> f.equals(r.field("reject")))
                    .mapToPair(r -> new Tuple2<>(r, "REJECTED: by " + f));
            return TransformResult.of(ok, errors);
        }
    }

    /** {@link Stamp} registered as the stage type {@code stamp} (META-INF/services in the test resources). */
    public static final class StampType implements io.tributary.spark.StageType {
        @Override
        public String name() {
            return "stamp";
        }

        @Override
        public String description() {
            return "sets a field on every record";
        }

        @Override
        public OptionSet options() {
            return Stamp.OPTIONS;
        }

        @Override
        public Class<? extends SparkTransformer> transformerClass() {
            return Stamp.class;
        }
    }

    /** Keeps records that carry every field of {@code fields} (comma-separated); the others are errors. */
    public static final class Require extends SparkTransformer {
        private String[] fields;

        @Override
        public void init(JavaSparkContext context, Map<String, String> params) {
            fields = params.getOrDefault("fields", "").split(",");
        }

        @Override
        public TransformResult transform(JavaRDD<Record> batch) {
            String[] required = fields;
            JavaRDD<Record> ok = batch.filter(r -> missing(r, required) == null);
            JavaPairRDD<Record, String> errors = batch.filter(r -> missing(r, required) != null)
                    .mapToPair(r -> new Tuple2<>(r, "MISSING: " + missing(r, required)));
            return TransformResult.of(ok, errors);
        }

        private static String missing(Record r, String[] required) {
            for (String f : required) if (r.field(f) == null) return f;
            return null;
        }
    }

    /** Its transform throws while {@link #failuresLeft} is positive. */
    public static final class Flaky extends SparkTransformer {
        static final AtomicInteger failuresLeft = new AtomicInteger();
        static final AtomicInteger calls = new AtomicInteger();

        @Override
        public TransformResult transform(JavaRDD<Record> batch) {
            calls.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) throw new IllegalStateException("flaky transform");
            return TransformResult.of(batch);
        }
    }

    /** Its map function throws on an executor for records with a {@code boom} field while {@link #failuresLeft} &gt; 0. */
    public static final class ExecutorBoom extends SparkTransformer {
        static final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public TransformResult transform(JavaRDD<Record> batch) {
            return TransformResult.of(batch.map(r -> {
                if (r.field("boom") != null && failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalArgumentException("boom in map for " + r.header().key());
                }
                return r;
            }));
        }
    }

    /** Counts init and destroy calls. */
    public static final class Tracking extends SparkTransformer {
        static final AtomicInteger inits = new AtomicInteger();
        static final AtomicInteger destroys = new AtomicInteger();

        @Override
        public void init(JavaSparkContext context, Map<String, String> params) {
            inits.incrementAndGet();
        }

        @Override
        public TransformResult transform(JavaRDD<Record> batch) {
            return TransformResult.of(batch);
        }

        @Override
        public void destroy() {
            destroys.incrementAndGet();
        }
    }

    /** Its init fails; counts destroy calls. */
    public static final class FailingInit extends SparkTransformer {
        static final AtomicInteger destroys = new AtomicInteger();

        @Override
        public void init(JavaSparkContext context, Map<String, String> params) throws Exception {
            throw new java.io.IOException("cannot reach the lookup service");
        }

        @Override
        public TransformResult transform(JavaRDD<Record> batch) {
            throw new AssertionError("never called");
        }

        @Override
        public void destroy() {
            destroys.incrementAndGet();
        }
    }

    /** Not an evaluator. */
    public static final class NotATransformer {
    }

    /** An evaluator without a no-argument constructor. */
    public static final class NoDefaultConstructor extends SparkTransformer {
        public NoDefaultConstructor(String ignored) {
        }

        @Override
        public TransformResult transform(JavaRDD<Record> batch) {
            return TransformResult.of(batch);
        }
    }
}
