package io.tributary.spark;

/**
 * An evaluator whose state must survive a restart of the job. The runner writes a snapshot of every
 * checkpointable evaluator of the chain together with the source position (Kafka offsets) the state is
 * consistent with, and on restart restores the snapshots and resumes the source from that position, so the
 * records after the snapshot are replayed into the restored state and nothing is missed.
 *
 * <p>Both methods are called on the driver, between micro-batches (never during {@link SparkTransformer#transform}):
 * {@link #restore} after {@code init} and before the first batch, {@link #snapshot} after a batch whose
 * outputs every sink has written.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public interface Checkpointable {
    /**
     * Writes the complete state to {@code dir} (a Hadoop file-system URI or path, e.g. {@code hdfs://…} or a local
     * path, reachable from the executors), which does not exist yet.
     *
     * @throws Exception when the snapshot cannot be written; the runner then keeps the previous snapshot
     */
    void snapshot(String dir) throws Exception;

    /**
     * Replaces the current state with the snapshot in {@code dir}.
     *
     * @throws Exception when the snapshot cannot be read; the job must not start with a silently empty state
     */
    void restore(String dir) throws Exception;
}
