package io.tributary.spark;

import io.tributary.record.Record;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A user evaluator of the cloud tier: turns each micro-batch of records into results and error records, as in
 * StreamSets' Spark Evaluator. Loaded by class name from the job configuration
 * ({@code evaluators: [{class: com.acme.MyEvaluator, params: {...}}]}) and run by the evaluator chain, whose
 * results of one evaluator feed the next.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>The framework creates the instance with its public no-argument constructor, on the driver.</li>
 *   <li>{@link #init} is called exactly once per job start, before any {@link #transform}, with the job's
 *       {@link JavaSparkContext} and the evaluator's {@code params} from the configuration.</li>
 *   <li>{@link #transform} is called once per micro-batch, on the driver, from one thread at a time (batches are
 *       processed in order, the next one only after the previous one finished). It builds and returns RDDs;
 *       the RDD operations it chains run later, on the executors.</li>
 *   <li>{@link #destroy} is called when the job stops, and also when {@link #init} of this or of any other
 *       evaluator of the chain failed (so release what a half-finished {@code init} acquired). It may be
 *       called more than once and must be idempotent; it is called even if {@link #init} was never reached.</li>
 * </ol>
 *
 * <h2>Serialization</h2>
 * The instance itself stays on the driver and is <b>not</b> serialized. Every function handed to an RDD
 * operation runs on executors and must be {@link java.io.Serializable} together with everything it captures.
 * A lambda that reads a field of this class captures {@code this} and fails with "Task not serializable": copy
 * the field into a local variable first, or use a static nested function class. Records are serialized with
 * Kryo (the job registers {@link TributaryKryoRegistrator}).
 *
 * <h2>Errors</h2>
 * A record that cannot be processed goes to {@link TransformResult#errors()} with a reason, never silently
 * dropped; by convention the reason starts with a stable upper-case code, {@code "CODE: detail"}
 * (e.g. {@code "NO_LOCATION: no sensor in range"}). The chain tags each error with this evaluator's name and
 * class. An exception thrown by {@code transform}, or by one of its functions on an executor, fails the whole
 * micro-batch: the chain retries it under its retry policy and then stops the job with an
 * {@code EvaluatorException} naming this class. Throw only for real failures (a lookup service down), not
 * for bad data.
 *
 * <h2>Caching</h2>
 * If {@code results} and {@code errors} both derive from one expensive RDD, persist that RDD and hand it to
 * {@link TransformResult#unpersistAfterBatch}, so it is computed once and released when the batch is done.
 *
 * <p>Stable API since 0.1. Methods may be added with a default implementation only.
 *
 * @since 0.1
 */
public abstract class SparkTransformer {

    /**
     * Called once per job start, before any {@link #transform}.
     *
     * @param context the job's Spark context; keep it if {@link #transform} needs it (e.g. to broadcast)
     * @param params  this evaluator's parameters from the configuration; never null, possibly empty. Reject
     *                unknown or invalid keys here (see {@link io.tributary.config.OptionSet}) so that a typo
     *                stops the job at start instead of being ignored
     * @throws Exception to refuse to start; the job stops with a message naming this class
     */
    public void init(JavaSparkContext context, Map<String, String> params) throws Exception {
    }

    /**
     * Transforms one micro-batch. Called on the driver, once per batch; must not keep {@code batch} beyond the
     * call except through the returned RDDs.
     *
     * @param batch this batch's records (the previous evaluator's results); possibly empty, never null
     * @return the results and error records; never null
     * @throws Exception fails the batch (see the class comment)
     */
    public abstract TransformResult transform(JavaRDD<Record> batch) throws Exception;

    /** Called on stop, even after a failed {@link #init}; idempotent. Must not throw for a second call. */
    public void destroy() {
    }

    /**
     * Counters this evaluator wants reported with the batch statistics (e.g. records dropped as late), read on
     * the driver after each batch. Cumulative since {@link #init}.
     */
    public Map<String, Long> counters() {
        return Map.of();
    }
}
