package io.tributary.spark;

import io.tributary.record.Record;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * What a {@link SparkTransformer} returns for one micro-batch: the result records and the error records, each
 * error with its reason ({@code "CODE: detail"} by convention).
 *
 * <p>Immutable apart from {@link #unpersistAfterBatch}; used on the driver only.
 *
 * <p>Stable API since 0.1.
 *
 * @since 0.1
 */
public final class TransformResult {
    private final JavaRDD<Record> results;
    private final JavaPairRDD<Record, String> errors;
    private final List<JavaRDD<?>> toUnpersist = new ArrayList<>(0);

    private TransformResult(JavaRDD<Record> results, JavaPairRDD<Record, String> errors) {
        this.results = Objects.requireNonNull(results, "results");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Results and errors. */
    public static TransformResult of(JavaRDD<Record> results, JavaPairRDD<Record, String> errors) {
        return new TransformResult(results, errors);
    }

    /** Results only; the error RDD is empty. */
    public static TransformResult of(JavaRDD<Record> results) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(results.context());
        return new TransformResult(results, JavaPairRDD.fromJavaRDD(jsc.emptyRDD()));
    }

    public JavaRDD<Record> results() {
        return results;
    }

    public JavaPairRDD<Record, String> errors() {
        return errors;
    }

    /**
     * RDDs this evaluator persisted for the batch; the runner unpersists them once every sink has finished
     * the batch. Returns this result.
     */
    public TransformResult unpersistAfterBatch(JavaRDD<?>... rdds) {
        for (JavaRDD<?> rdd : rdds) toUnpersist.add(Objects.requireNonNull(rdd));
        return this;
    }

    /** The RDDs given to {@link #unpersistAfterBatch}. */
    public List<JavaRDD<?>> toUnpersist() {
        return Collections.unmodifiableList(toUnpersist);
    }
}
