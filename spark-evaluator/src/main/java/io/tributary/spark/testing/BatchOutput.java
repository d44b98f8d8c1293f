package io.tributary.spark.testing;

import io.tributary.record.Record;
import io.tributary.spark.StageError;
import io.tributary.spark.runner.BatchStats;
import java.util.List;
import java.util.Map;

/**
 * One batch's output, collected to the driver: results, errors (each with its {@link StageError}) and the
 * statistics.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @param results the last evaluator's results, in partition order
 * @param errors  every error record with the evaluator and reason
 * @param stats   the batch's statistics
 * @since 0.1
 */
public record BatchOutput(List<Record> results, List<Map.Entry<Record, StageError>> errors, BatchStats stats) {

    /** The error records alone. */
    public List<Record> errorRecords() {
        return errors.stream().map(Map.Entry::getKey).toList();
    }

    /** The reasons of the errors, in order. */
    public List<String> errorReasons() {
        return errors.stream().map(e -> e.getValue().reason()).toList();
    }
}
