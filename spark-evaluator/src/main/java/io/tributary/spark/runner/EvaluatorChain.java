package io.tributary.spark.runner;

import io.tributary.record.Record;
import io.tributary.spark.Checkpointable;
import io.tributary.spark.EvaluatorException;
import io.tributary.spark.SparkTransformer;
import io.tributary.spark.StageError;
import io.tributary.spark.TransformResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a configured chain of {@link SparkTransformer}s over micro-batches: each evaluator's results feed the
 * next; the errors of every evaluator are tagged with it ({@link StageError}) and unioned into one error RDD.
 *
 * <h2>Use (the streaming job, per micro-batch, on the driver)</h2>
 * <pre>{@code
 * EvaluatorChain chain = EvaluatorChain.start(jsc, EvaluatorConfig.parseList(yaml), ChainOptions.parse(opts));
 * Optional<String> resumeAt = chain.restore();          // once, before the first batch; Kafka offsets to resume
 * stream.foreachRDD(rdd -> {
 *     BatchOutcome out = chain.apply(decoded(rdd));      // throws EvaluatorException: stop the job
 *     sinks.write(out.results()); errorSink.write(out.errors());
 *     chain.complete(out, offsetsAsString(rdd));         // after every sink: releases the cache, snapshots if due
 *     commitOffsets(rdd);
 * });
 * ... on stop: chain.close();                             // destroy() on every evaluator
 * }</pre>
 *
 * <h2>Failures</h2>
 * <ul>
 *   <li>Start: every class that cannot be loaded, is not a {@code SparkTransformer}, or has no public no-arg
 *       constructor is reported at once ({@link io.tributary.config.ConfigException}, keyed
 *       {@code evaluators[i].class}). An {@code init} that throws: {@code destroy()} is called on every evaluator
 *       created, then an {@link EvaluatorException} names the evaluator.</li>
 *   <li>Batch: an exception from an evaluator's {@code transform}, or from its functions on the executors (while
 *       the batch job runs), is retried under {@link ChainOptions#retryPolicy()}: a {@code transform} is called
 *       again on the same input; a failed batch job is run again (Spark recomputes only the missing partitions).
 *       When the retries are used up {@link #apply} throws an {@link EvaluatorException} naming the evaluator and
 *       its class, with the evaluator's exception as cause. Nothing is skipped: the caller must not commit the
 *       batch's source offsets and should stop.</li>
 * </ul>
 *
 * <h2>State</h2>
 * With {@code state.dir} set, {@link #complete} snapshots every {@link Checkpointable} evaluator each
 * {@code state.snapshot.interval.batches} batches, together with the caller's source position; {@link #restore}
 * loads the newest complete snapshot and returns that position, from which the caller replays the source.
 * Records between the snapshot and the crash are processed again: sinks must be keyed (idempotent).
 *
 * <p>Driver only. Not thread-safe: one batch at a time, in order ({@code spark.streaming.concurrentJobs=1}).
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class EvaluatorChain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluatorChain.class);

    /** One evaluator in the chain. */
    static final class Stage {
        final int index;
        final String name;
        final String className;
        final SparkTransformer transformer;
        final PartitionCounter results = new PartitionCounter();
        final PartitionCounter errors = new PartitionCounter();

        Stage(int index, String name, SparkTransformer transformer) {
            this.index = index;
            this.name = name;
            this.className = transformer.getClass().getName();
            this.transformer = transformer;
        }
    }

    private final JavaSparkContext jsc;
    private final ChainOptions options;
    private final List<Stage> stages;
    private final List<String> stageClasses = new ArrayList<>();
    private final PartitionCounter input = new PartitionCounter();
    private final ChainSnapshots snapshots;
    private long batchIndex;
    private long completed;
    private BatchOutcome pending;
    private boolean closed;

    private EvaluatorChain(JavaSparkContext jsc, ChainOptions options, List<Stage> stages) {
        this.jsc = jsc;
        this.options = options;
        this.stages = Collections.unmodifiableList(stages);
        jsc.sc().register(input, "tributary.chain.input");
        for (Stage s : stages) {
            stageClasses.add(s.className);
            jsc.sc().register(s.results, "tributary.stage." + s.name + ".results");
            jsc.sc().register(s.errors, "tributary.stage." + s.name + ".errors");
        }
        this.snapshots = options.stateDir()
                .map(dir -> new ChainSnapshots(jsc.hadoopConfiguration(), dir, options.snapshotRetain()))
                .orElse(null);
    }

    /**
     * Loads, creates and initializes the evaluators in order.
     *
     * @throws io.tributary.config.ConfigException when classes are missing or unusable, or names clash
     * @throws EvaluatorException when a constructor or an {@code init} fails (after destroying every evaluator
     *                            created)
     */
    public static EvaluatorChain start(JavaSparkContext jsc, List<EvaluatorConfig> configs, ChainOptions options) {
        List<String> names = EvaluatorLoader.names(configs);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<? extends SparkTransformer>> classes = EvaluatorLoader.resolve(configs,
                loader != null ? loader : EvaluatorChain.class.getClassLoader());
        List<Stage> stages = new ArrayList<>();
        try {
            for (int i = 0; i < configs.size(); i++) {
                SparkTransformer t = configs.get(i).instance() != null ? configs.get(i).instance()
                        : EvaluatorLoader.instantiate(classes.get(i), names.get(i));
                stages.add(new Stage(i, names.get(i), t));
            }
            for (Stage s : stages) {
                try {
                    s.transformer.init(jsc, configs.get(s.index).params());
                } catch (Exception | LinkageError e) {
                    throw new EvaluatorException(EvaluatorException.Phase.INIT, s.name, s.className, 1,
                            "Evaluator '" + s.name + "' (" + s.className + ") failed to initialize: " + e, e);
                }
            }
        } catch (RuntimeException e) {
            destroyAll(stages, e);
            throw e;
        }
        EvaluatorChain chain = new EvaluatorChain(jsc, options, stages);
        LOG.info("Evaluator chain started: {}", chain.describe());
        return chain;
    }

    /**
     * Runs one micro-batch through the chain. Releases the previous batch's outcome if the caller has not.
     *
     * @throws EvaluatorException when an evaluator failed beyond the retry policy
     */
    public BatchOutcome apply(JavaRDD<Record> batch) {
        requireOpen();
        if (pending != null) pending.release();
        long index = ++batchIndex;
        long start = System.nanoTime();
        input.reset();
        long[] transformNanos = new long[stages.size()];
        int[] attempts = new int[stages.size()];
        List<JavaRDD<?>> cached = new ArrayList<>();

        JavaRDD<Record> current = Guard.input(batch, input);
        JavaPairRDD<Record, StageError> errors = JavaPairRDD.fromJavaRDD(jsc.emptyRDD());
        for (Stage s : stages) {
            s.results.reset();
            s.errors.reset();
            TransformResult r;
            try {
                r = transform(s, current, index, transformNanos, attempts);
            } catch (RuntimeException e) {
                for (JavaRDD<?> rdd : cached) rdd.unpersist(false);
                throw e;
            }
            cached.addAll(r.toUnpersist());
            if (options.cacheSharedInputs() && r.errors().getNumPartitions() > 0) {
                // Results and errors both read this input: compute it once.
                current.persist(options.storageLevel());
                cached.add(current);
            }
            current = Guard.results(r.results(), s.index, s.name, s.className, s.results);
            errors = errors.union(Guard.errors(r.errors(), s.index, s.name, s.className, s.errors));
        }

        long[] exact = null;
        int jobAttempts = 0;
        if (current.getNumPartitions() == 0 && errors.getNumPartitions() == 0) {
            exact = new long[stages.size() + 1]; // nothing to compute: no job
        } else if (options.materialize()) {
            current.persist(options.storageLevel());
            errors.persist(options.storageLevel());
            cached.add(current);
            cached.add(errors.rdd().toJavaRDD());
            JavaRDD<Record> results = current;
            JavaPairRDD<Record, StageError> errs = errors;
            int[] tries = {0};
            try {
                exact = retrying(index, null, tries, () -> countTags(results, errs, stages.size()));
            } catch (RuntimeException e) {
                for (JavaRDD<?> rdd : cached) rdd.unpersist(false);
                throw e;
            }
            jobAttempts = tries[0];
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        long[] counts = exact;
        int jobs = jobAttempts;
        Supplier<BatchStats> stats = () -> stats(index, counts, transformNanos, attempts, elapsedMs, jobs);
        BatchStats fixed = exact != null ? stats.get() : null;
        if (fixed != null && options.logStats()) LOG.info("{}", fixed);
        pending = new BatchOutcome(index, current, errors, fixed != null ? () -> fixed : stats, cached);
        return pending;
    }

    /**
     * Marks a batch done after every sink wrote it: releases its cache and, when {@code state.dir} is set and
     * the interval is due, snapshots the stateful evaluators with {@code sourcePosition} (an opaque string such
     * as the batch's end offsets, returned by {@link #restore} after a restart).
     *
     * @throws EvaluatorException when the snapshot fails (the previous snapshot stays valid)
     */
    public void complete(BatchOutcome outcome, String sourcePosition) {
        requireOpen();
        outcome.release();
        if (outcome == pending) pending = null;
        completed++;
        if (snapshots != null && completed % options.snapshotInterval() == 0) snapshot(sourcePosition);
    }

    /**
     * Snapshots every stateful evaluator now (e.g. on a graceful stop, after the last completed batch).
     * Does nothing without {@code state.dir} or without a stateful evaluator.
     */
    public void snapshot(String sourcePosition) {
        requireOpen();
        if (snapshots == null || stages.stream().noneMatch(s -> s.transformer instanceof Checkpointable)) return;
        long t0 = System.nanoTime();
        String dir = snapshots.write(stages, completed, sourcePosition);
        LOG.info("State snapshot {} written in {} ms (position {})", dir, (System.nanoTime() - t0) / 1_000_000,
                sourcePosition);
    }

    /**
     * Restores the stateful evaluators from the newest complete snapshot in {@code state.dir}. Call once, after
     * {@link #start} and before the first {@link #apply}.
     *
     * @return the source position stored with the snapshot, from which the caller must resume; empty when there
     *         is no snapshot (or no {@code state.dir}): start from the committed offsets
     * @throws EvaluatorException when snapshots exist but none can be read
     */
    public Optional<String> restore() {
        requireOpen();
        if (batchIndex > 0) throw new IllegalStateException("restore() must be called before the first batch");
        if (snapshots == null) return Optional.empty();
        Optional<ChainSnapshots.Restored> restored = snapshots.restore(stages);
        restored.ifPresent(r -> {
            completed = r.batches();
            batchIndex = r.batches();
            LOG.info("Restored state snapshot {} (position {})", r.dir(), r.position());
        });
        return restored.map(ChainSnapshots.Restored::position);
    }

    /** The evaluators' names in chain order. */
    public List<String> stageNames() {
        return stages.stream().map(s -> s.name).toList();
    }

    /** The evaluator instances in chain order (for inspection and tests). */
    public List<SparkTransformer> evaluators() {
        return stages.stream().map(s -> s.transformer).toList();
    }

    /** Calls {@code destroy()} on every evaluator, last first; idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (pending != null) pending.release();
        RuntimeException failure = destroyAll(stages, null);
        if (failure != null) throw failure;
    }

    private TransformResult transform(Stage s, JavaRDD<Record> in, long index, long[] nanos, int[] attempts) {
        int[] tries = {0};
        long t0 = System.nanoTime();
        try {
            return retrying(index, s, tries, () -> {
                TransformResult r = s.transformer.transform(in);
                if (r == null) throw new IllegalStateException(s.className + ".transform returned null");
                return r;
            });
        } finally {
            nanos[s.index] = System.nanoTime() - t0;
            attempts[s.index] = tries[0];
        }
    }

    /** Runs {@code body} under the retry policy; {@code stage} is the evaluator being called, or null. */
    private <T> T retrying(long index, Stage stage, int[] tries, Callable<T> body) {
        RetryPolicy policy = options.retryPolicy();
        for (int attempt = 1; ; attempt++) {
            tries[0] = attempt;
            try {
                return body.call();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                if (attempt > policy.maxRetries()) throw failure(index, stage, attempt, e);
                long wait = policy.backoffBefore(attempt);
                LOG.warn("Batch {}: {} failed (attempt {} of {}); retrying in {} ms: {}", index,
                        describe(stageOf(e, stage)), attempt, policy.maxRetries() + 1, wait, e.toString());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    EvaluatorException f = failure(index, stage, attempt, e);
                    f.addSuppressed(ie);
                    throw f;
                }
            }
        }
    }

    private Stage stageOf(Throwable e, Stage called) {
        int i = Attribution.stageOf(e, stageClasses);
        return i >= 0 ? stages.get(i) : called;
    }

    private EvaluatorException failure(long index, Stage called, int attempts, Throwable e) {
        Stage s = stageOf(e, called);
        Throwable cause = Attribution.userCause(e);
        String what = s == null ? "The evaluator chain [" + describe() + "]" : describe(s);
        EvaluatorException ex = new EvaluatorException(EvaluatorException.Phase.TRANSFORM, s == null ? null : s.name,
                s == null ? null : s.className, attempts, what + " failed on batch " + index + " after " + attempts
                        + (attempts == 1 ? " attempt: " : " attempts: ") + cause, cause);
        if (cause != e) ex.addSuppressed(e);
        return ex;
    }

    private static long[] countTags(JavaRDD<Record> results, JavaPairRDD<Record, StageError> errors, int stages) {
        JavaRDD<Integer> tags = results.map(r -> -1).union(errors.map(e -> e._2().stageIndex()));
        return tags.mapPartitions(it -> {
            long[] c = new long[stages + 1];
            while (it.hasNext()) c[it.next() + 1]++;
            return List.of(c).iterator();
        }).fold(new long[stages + 1], (a, b) -> {
            long[] sum = new long[a.length];
            for (int i = 0; i < a.length; i++) sum[i] = a[i] + b[i];
            return sum;
        });
    }

    private BatchStats stats(long index, long[] exact, long[] nanos, int[] attempts, long elapsedMs, int jobAttempts) {
        List<StageStats> per = new ArrayList<>(stages.size());
        long in = input.total();
        long previousOut = in;
        long errorTotal = 0;
        for (Stage s : stages) {
            boolean last = s.index == stages.size() - 1;
            long out = exact != null && last ? exact[0] : s.results.total();
            long err = exact != null ? exact[s.index + 1] : s.errors.total();
            errorTotal += err;
            Map<String, Long> counters = s.transformer.counters();
            per.add(new StageStats(s.name, s.className, previousOut, out, err, nanos[s.index] / 1_000_000,
                    attempts[s.index], counters == null ? Map.of() : Map.copyOf(counters)));
            previousOut = out;
        }
        return new BatchStats(index, in, previousOut, errorTotal, elapsedMs, jobAttempts, List.copyOf(per));
    }

    private static RuntimeException destroyAll(List<Stage> stages, RuntimeException failure) {
        for (int i = stages.size() - 1; i >= 0; i--) {
            Stage s = stages.get(i);
            try {
                s.transformer.destroy();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Evaluator '{}' ({}) failed in destroy()", s.name, s.className, e);
                if (failure == null) {
                    failure = new EvaluatorException(EvaluatorException.Phase.DESTROY, s.name, s.className, 1,
                            "Evaluator '" + s.name + "' (" + s.className + ") failed in destroy(): " + e, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("The evaluator chain is closed");
    }

    private static String describe(Stage s) {
        return s == null ? "the evaluator chain" : "Evaluator '" + s.name + "' (" + s.className + ")";
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        for (Stage s : stages) sb.append(sb.length() == 0 ? "" : " -> ").append(s.name).append('=').append(s.className);
        return sb.length() == 0 ? "(no evaluators)" : sb.toString();
    }
}
