package io.tributary.spark.testing;

import io.tributary.record.Record;
import io.tributary.spark.SparkTransformer;
import io.tributary.spark.StageError;
import io.tributary.spark.runner.BatchOutcome;
import io.tributary.spark.runner.ChainOptions;
import io.tributary.spark.runner.EvaluatorChain;
import io.tributary.spark.runner.EvaluatorConfig;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Runs a {@link SparkTransformer} (or a chain) on local Spark in a unit test, through the same
 * {@link EvaluatorChain} the streaming job uses: {@code init} once, one {@code transform} per batch, results and
 * errors collected into lists, {@code destroy} on {@link #close()}.
 * <pre>{@code
 * try (TransformerHarness h = TransformerHarness.of(new MyEvaluator(), Map.of("threshold", "3"))) {
 *     BatchOutput out = h.run(List.of(record1, record2));
 *     assertEquals(1, out.results().size());
 *     assertEquals(List.of("TOO_LOW: 2 < 3"), out.errorReasons());
 * }
 * }</pre>
 * For stateful evaluators call {@link #run} once per batch (or {@link #runBatches}); the state carries over
 * between calls of one harness. Failures are not retried (retry.max=0) unless the options say so.
 *
 * <p>All harnesses share one Spark context per JVM ({@link LocalSpark}). Not thread-safe.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class TransformerHarness implements AutoCloseable {
    /** The chain options a harness uses unless given others: no retries, no stats logging. */
    public static final ChainOptions TEST_OPTIONS = ChainOptions.defaults().with("retry.max", 0).with("stats.log", false);

    private final EvaluatorChain chain;
    private final int partitions;

    private TransformerHarness(EvaluatorChain chain, int partitions) {
        this.chain = chain;
        this.partitions = partitions;
    }

    /** A harness around {@code transformer} with no params; calls its {@code init}. */
    public static TransformerHarness of(SparkTransformer transformer) {
        return of(transformer, Map.of());
    }

    /** A harness around {@code transformer}; calls its {@code init} with {@code params}. */
    public static TransformerHarness of(SparkTransformer transformer, Map<String, String> params) {
        return chain(List.of(EvaluatorConfig.of(transformer, params)), TEST_OPTIONS);
    }

    /** A harness around a chain, as the job configures it (classes by name, or instances). */
    public static TransformerHarness chain(List<EvaluatorConfig> evaluators, ChainOptions options) {
        return new TransformerHarness(EvaluatorChain.start(LocalSpark.get(), evaluators, options), 2);
    }

    /** Runs one batch; records are spread over two partitions in order. */
    public BatchOutput run(List<Record> batch) {
        JavaSparkContext jsc = LocalSpark.get();
        BatchOutcome outcome = chain.apply(jsc.parallelize(batch, partitions));
        List<Record> results = outcome.results().collect();
        List<Map.Entry<Record, StageError>> errors = new ArrayList<>();
        for (Tuple2<Record, StageError> e : outcome.errors().collect()) {
            errors.add(new AbstractMap.SimpleImmutableEntry<>(e._1, e._2));
        }
        BatchOutput output = new BatchOutput(results, errors, outcome.stats());
        chain.complete(outcome, "harness-batch-" + outcome.batchIndex());
        return output;
    }

    public BatchOutput run(Record... batch) {
        return run(Arrays.asList(batch));
    }

    /** Runs several batches in order, as successive micro-batches. */
    public List<BatchOutput> runBatches(List<List<Record>> batches) {
        List<BatchOutput> outputs = new ArrayList<>(batches.size());
        for (List<Record> batch : batches) outputs.add(run(batch));
        return outputs;
    }

    /** The chain under test (to snapshot, restore or inspect its evaluators). */
    public EvaluatorChain chain() {
        return chain;
    }

    /** The shared Spark context. */
    public static JavaSparkContext sparkContext() {
        return LocalSpark.get();
    }

    /** Destroys the evaluators; the shared Spark context keeps running. */
    @Override
    public void close() {
        chain.close();
    }
}
