package io.tributary.spark.runner;

import java.util.List;

/**
 * The statistics of one micro-batch through the chain.
 *
 * <p><b>How they are counted.</b> Every evaluator's output is counted per partition with an accumulator as Spark
 * computes it; a partition computed again (retry, second consumer, lost cache) replaces its earlier count
 * instead of adding to it, so the numbers do not double. No extra Spark job is run for counting. With
 * {@code materialize=true} (the default) the chain computes the batch inside {@code apply}, so the counts are
 * complete when {@code apply} returns, and the results and per-evaluator error counts come from that job and are
 * exact. With {@code materialize=false} nothing runs until the caller's sinks do: read {@link BatchOutcome#stats()}
 * after them; partitions that nobody read to the end are not counted.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @param batchIndex    the chain's batch number, from 1
 * @param inputRecords  records in the batch
 * @param resultRecords results of the last evaluator
 * @param errorRecords  error records of all evaluators
 * @param elapsedMs     driver time of {@code apply}, including the batch job when materialized
 * @param attempts      tries of the batch job (1 = no retry; 0 when not materialized)
 * @param stages        per evaluator, in chain order
 * @since 0.1
 */
public record BatchStats(long batchIndex, long inputRecords, long resultRecords, long errorRecords, long elapsedMs,
        int attempts, List<StageStats> stages) {

    /** One log line. */
    @Override
    public String toString() {
        return "batch " + batchIndex + ": in=" + inputRecords + " out=" + resultRecords + " errors=" + errorRecords
                + " in " + elapsedMs + " ms" + (attempts > 1 ? " (" + attempts + " attempts)" : "") + " " + stages;
    }
}
