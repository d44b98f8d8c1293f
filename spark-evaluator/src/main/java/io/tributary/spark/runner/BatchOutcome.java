package io.tributary.spark.runner;

import io.tributary.record.Record;
import io.tributary.spark.StageError;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;

/**
 * One micro-batch through the evaluator chain: the last evaluator's results, every evaluator's errors tagged
 * with the evaluator, and the statistics. With {@code materialize=true} both RDDs are already computed and
 * cached; write them to the sinks, then hand the outcome to {@link EvaluatorChain#complete} (or call
 * {@link #release()}) to free the cache.
 *
 * <p>Used on the driver only; not thread-safe.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class BatchOutcome {
    private final long batchIndex;
    private final JavaRDD<Record> results;
    private final JavaPairRDD<Record, StageError> errors;
    private final Supplier<BatchStats> stats;
    private final List<JavaRDD<?>> cached;
    private boolean released;

    BatchOutcome(long batchIndex, JavaRDD<Record> results, JavaPairRDD<Record, StageError> errors,
            Supplier<BatchStats> stats, List<JavaRDD<?>> cached) {
        this.batchIndex = batchIndex;
        this.results = results;
        this.errors = errors;
        this.stats = stats;
        this.cached = cached;
    }

    /** The chain's batch number, from 1. */
    public long batchIndex() {
        return batchIndex;
    }

    public JavaRDD<Record> results() {
        return results;
    }

    /** Error records of every evaluator, each with its {@link StageError}. */
    public JavaPairRDD<Record, StageError> errors() {
        return errors;
    }

    /**
     * The batch's statistics. Complete when the chain materializes batches; otherwise they count what the sinks
     * have computed so far, so read them after the sinks and before the next {@code apply}.
     */
    public BatchStats stats() {
        return stats.get();
    }

    /** Unpersists what the chain and the evaluators cached for this batch; idempotent. */
    public void release() {
        if (released) return;
        released = true;
        for (JavaRDD<?> rdd : cached) rdd.unpersist(false);
    }

    public boolean isReleased() {
        return released;
    }
}
