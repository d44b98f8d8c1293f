package io.tributary.spark.state;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.record.Record;
import io.tributary.spark.Checkpointable;
import io.tributary.spark.SparkTransformer;
import io.tributary.spark.TransformResult;
import io.tributary.spark.internal.HadoopFiles;
import io.tributary.spark.window.EventTime;
import io.tributary.spark.window.Watermark;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A {@link SparkTransformer} with per-key state across micro-batches, managed by the framework: the user writes
 * one {@link StateFunction} {@code (key, this batch's records of the key in event-time order, Optional<S> state)
 * -> (outputs, errors, new state | keep | remove)}; the framework groups each batch by key, joins it with the
 * state, runs the function, keeps the new state and checkpoints it.
 *
 * <h2>Lifecycle</h2>
 * As {@link SparkTransformer}. {@link #init} is final: it reads the framework's options (below) from the params,
 * hands the rest to {@link #initState}, then calls {@link #stateFunction()} once. {@link #transform} is final
 * and <b>eager</b>: it runs one Spark job that applies the function and caches the new state and this batch's
 * outputs, so a failure of the function fails {@code transform} itself (and the chain's retry re-runs exactly
 * this batch on exactly the previous state: the state advances only when {@code transform} succeeds).
 * {@link #destroy} is final and releases the cached RDDs; override {@link #onDestroy}.
 *
 * <h2>State storage</h2>
 * The state is a pair RDD {@code (key, state)} hash-partitioned by key ({@code state.partitions}) and cached
 * ({@code MEMORY_AND_DISK}); each batch's records are shuffled to it, the state itself is not. Every key with
 * state is visited each batch (as {@code updateStateByKey}), but the function is called only for keys with
 * records, a due timer or a timeout. Every {@code state.checkpoint.interval.batches} batches the state RDD is
 * checkpointed to cut its lineage: to the Spark context's checkpoint directory when one is set (reliable), else
 * as a local checkpoint. The state class must be {@link Serializable} (Java serialization for snapshots, Kryo
 * for caching and shuffles); give it a fixed {@code serialVersionUID} so snapshots survive upgrades.
 *
 * <h2>Restart</h2>
 * {@link #snapshot} writes the state RDD and the driver state (batch count, watermark) to a directory;
 * {@link #restore} reads them back before the first batch. The evaluator chain calls both, storing the source
 * position (Kafka offsets) with each snapshot, so a restarted job restores the state and replays the source from
 * the snapshot's position; replaying rebuilds exactly the state it had, provided the function is deterministic.
 *
 * <h2>Event time, watermark, TTL, timers</h2>
 * The framework tracks the largest event time ({@code event.time}) seen in earlier batches; the watermark is that
 * minus {@code watermark.lateness.ms} and is handed to the function ({@link StateContext#watermark()}): the
 * watermark of batch <i>n</i> comes from batches 1 to <i>n-1</i>. With {@code state.ttl.ms} &gt; 0 a key whose
 * last record is older than the largest event time seen by more than the TTL times out: the function is called
 * once without records ({@link StateContext#timedOut()}) and the state is removed unless it returns
 * {@link StateUpdate#update}. A function may also ask to be called when the watermark reaches a time
 * ({@link StateUpdate#timer}), which window operators use to close windows of silent keys.
 *
 * <p>A batch given as an RDD without partitions (e.g. {@code jsc.emptyRDD()} for a micro-batch known to be empty)
 * runs no Spark job when the previous step already ran under the same watermark, since then no timer or
 * timeout can have become due; otherwise it runs the step for the timers and timeouts.
 *
 * <h2>Options (params)</h2>
 * {@code state.key} ({@code header} or a field path), {@code state.ttl.ms} (0 = none),
 * {@code state.partitions} (0 = {@code spark.default.parallelism}), {@code state.checkpoint.interval.batches}
 * (10), {@code event.time} ({@code event}, {@code received} or a field path), {@code watermark.lateness.ms} (0).
 * Keys starting with {@code state.}, {@code event.}, {@code watermark.} or {@code window.} are reserved: an unknown
 * one is an error. Every other param goes to {@link #initState}.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @param <S> the per-key state type
 * @since 0.1
 */
public abstract class StatefulTransformer<S extends Serializable> extends SparkTransformer implements Checkpointable {
    public static final Option<String> KEY = Option.string("state.key", "header",
            "Where the state key comes from: 'header' (the record key) or a field path such as /device")
            .validate(v -> check(() -> KeyFunction.parse(v)));
    public static final Option<Long> TTL_MS = Option.longValue("state.ttl.ms", 0, 0, Long.MAX_VALUE,
            "Event time after a key's last record when its state times out and is removed; 0 keeps it forever");
    public static final Option<Integer> PARTITIONS = Option.intValue("state.partitions", 0, 0, 1_000_000,
            "Partitions of the state RDD; 0 uses spark.default.parallelism");
    public static final Option<Integer> CHECKPOINT_INTERVAL = Option.intValue("state.checkpoint.interval.batches",
            10, 1, Integer.MAX_VALUE, "Checkpoint the state RDD every this many batches to cut its lineage");
    public static final Option<String> EVENT_TIME = Option.string("event.time", "event",
            "Where a record's event time comes from: 'event' (header), 'received' (header) or a field path")
            .validate(v -> check(() -> EventTime.parse(v)));
    public static final Option<Long> LATENESS_MS = Option.longValue("watermark.lateness.ms", 0, 0, Long.MAX_VALUE,
            "How far behind the largest event time seen the watermark stays");
    /** The framework's options of every stateful transformer. */
    public static final OptionSet OPTIONS = OptionSet.of(KEY, TTL_MS, PARTITIONS, CHECKPOINT_INTERVAL, EVENT_TIME,
            LATENESS_MS);

    static final int SNAPSHOT_FORMAT_VERSION = 1;
    private static final StorageLevel STORAGE = StorageLevel.MEMORY_AND_DISK();

    private JavaSparkContext jsc;
    private Settings settings;
    private Partitioner partitioner;
    private KeyFunction keyFunction;
    private EventTime eventTime;
    private StateFunction<S> function;
    private long ttlMillis;
    private int checkpointInterval;

    private JavaPairRDD<String, StateEntry<S>> state;
    private JavaPairRDD<String, KeyStep<S>> lastStep;
    private JavaPairRDD<String, StateEntry<S>> lastTruncated;
    private Watermark watermark;
    private long batches;
    private long keys;
    private long dropped;
    private long expired;
    /** The event clock the last executed step ran with (a step with no records under it again is a no-op). */
    private Long lastRunClock;
    private boolean destroyed;

    /** The per-key function; called once at the end of {@link #init}. Must be serializable. */
    protected abstract StateFunction<S> stateFunction();

    /**
     * Reads this evaluator's own params (every param that is not a framework option); validate them here.
     * Called by {@link #init} before {@link #stateFunction()}.
     */
    protected void initState(JavaSparkContext context, Map<String, String> params) throws Exception {
    }

    /** The framework options this class understands; subclasses may add theirs to {@link #OPTIONS}. */
    protected OptionSet frameworkOptions() {
        return OPTIONS;
    }

    /** The parsed framework options (after {@link #init}). */
    protected final Settings frameworkSettings() {
        return settings;
    }

    /** The configured event-time extractor (after {@link #init}). */
    protected final EventTime eventTime() {
        return eventTime;
    }

    /** Releases this evaluator's own resources; called once by {@link #destroy}. */
    protected void onDestroy() {
    }

    @Override
    public final void init(JavaSparkContext context, Map<String, String> params) throws Exception {
        OptionSet options = frameworkOptions();
        Set<String> reserved = new TreeSet<>();
        for (Option<?> o : options.options()) reserved.add(o.name().substring(0, o.name().indexOf('.') + 1));
        Map<String, String> mine = new LinkedHashMap<>();
        Map<String, String> theirs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            boolean framework = options.contains(e.getKey())
                    || reserved.stream().anyMatch(prefix -> e.getKey().startsWith(prefix));
            (framework ? mine : theirs).put(e.getKey(), e.getValue());
        }
        settings = options.parse(mine);
        jsc = context;
        keyFunction = KeyFunction.parse(settings.get(KEY));
        eventTime = EventTime.parse(settings.get(EVENT_TIME));
        ttlMillis = settings.get(TTL_MS);
        checkpointInterval = settings.get(CHECKPOINT_INTERVAL);
        int partitions = settings.get(PARTITIONS);
        partitioner = new HashPartitioner(partitions > 0 ? partitions : context.defaultParallelism());
        watermark = Watermark.withLateness(Duration.ofMillis(settings.get(LATENESS_MS)));
        state = JavaPairRDD.fromJavaRDD(context.emptyRDD());
        initState(context, theirs);
        function = stateFunction();
        if (function == null) {
            throw new IllegalStateException(getClass().getName() + ".stateFunction() returned null");
        }
    }

    @Override
    public final TransformResult transform(JavaRDD<Record> batch) {
        requireInit();
        long index = batches + 1;
        if (batch.getNumPartitions() == 0 && lastRunClock != null && lastRunClock == watermark.maxEventTimeMillis()) {
            // An empty batch under the watermark the previous step already saw changes nothing: no timer or
            // timeout can become due, so no Spark job is needed.
            batches = index;
            return TransformResult.of(jsc.emptyRDD());
        }
        StateContext context = new StateContext(index, watermark, false, false);
        JavaPairRDD<String, Sequenced> keyed = JavaPairRDD.fromJavaRDD(
                batch.mapPartitionsWithIndex(sequencer(keyFunction, eventTime), false));
        JavaPairRDD<String, KeyStep<S>> step = state.cogroup(keyed, partitioner)
                .mapPartitionsToPair(new StepFunction<>(function, getClass().getName(), context, ttlMillis), true);
        step.persist(STORAGE);
        long[] totals;
        try {
            totals = step.mapPartitions(StatefulTransformer::totals).fold(new long[] {0, 0, 0, Watermark.NONE},
                    StatefulTransformer::sum);
        } catch (RuntimeException e) {
            step.unpersist(false);
            throw e;
        }
        JavaPairRDD<String, StateEntry<S>> next = step.mapPartitionsToPair(StatefulTransformer::entries, true);
        if (index % checkpointInterval == 0) truncate(next);

        if (lastStep != null) lastStep.unpersist(false);
        lastStep = step;
        state = next;
        batches = index;
        keys = totals[0];
        dropped += totals[1];
        expired += totals[2];
        lastRunClock = watermark.maxEventTimeMillis();
        if (totals[3] != Watermark.NONE) watermark = watermark.observe(totals[3]);

        JavaRDD<Record> results = step.values().flatMap(KeyStep::outputIterator);
        JavaPairRDD<Record, String> errors = JavaPairRDD.fromJavaRDD(step.values().flatMap(KeyStep::errorIterator));
        return TransformResult.of(results, errors);
    }

    private void truncate(JavaPairRDD<String, StateEntry<S>> next) {
        if (jsc.getCheckpointDir().isPresent()) {
            next.checkpoint();
        } else {
            next.rdd().localCheckpoint();
        }
        next.count();
        if (lastTruncated != null) lastTruncated.unpersist(false);
        lastTruncated = next;
    }

    @Override
    public final void snapshot(String dir) throws IOException {
        requireInit();
        state.saveAsObjectFile(dir + "/state");
        Properties p = new Properties();
        p.setProperty("format.version", Integer.toString(SNAPSHOT_FORMAT_VERSION));
        p.setProperty("class", getClass().getName());
        p.setProperty("batches", Long.toString(batches));
        p.setProperty("keys", Long.toString(keys));
        p.setProperty("watermark.max.event.ms", Long.toString(watermark.maxEventTimeMillis()));
        HadoopFiles.writeProperties(jsc.hadoopConfiguration(), dir + "/stage.properties", p,
                "Tributary stateful evaluator snapshot");
    }

    @Override
    public final void restore(String dir) throws IOException {
        requireInit();
        Properties p = HadoopFiles.readProperties(jsc.hadoopConfiguration(), dir + "/stage.properties");
        String version = p.getProperty("format.version");
        if (!Integer.toString(SNAPSHOT_FORMAT_VERSION).equals(version)) {
            throw new IOException("Unsupported state snapshot format version " + version + " in " + dir
                    + " (this version reads " + SNAPSHOT_FORMAT_VERSION + ")");
        }
        JavaRDD<Tuple2<String, StateEntry<S>>> raw = jsc.objectFile(dir + "/state");
        JavaPairRDD<String, StateEntry<S>> restored = JavaPairRDD.fromJavaRDD(raw).partitionBy(partitioner);
        restored.persist(STORAGE);
        long restoredKeys = restored.count();
        releaseAll();
        state = restored;
        lastTruncated = restored;
        keys = restoredKeys;
        batches = Long.parseLong(p.getProperty("batches"));
        lastRunClock = null;
        watermark = Watermark.of(watermark.latenessMillis(), Long.parseLong(p.getProperty("watermark.max.event.ms")));
    }

    @Override
    public final void destroy() {
        if (destroyed) return;
        destroyed = true;
        try {
            releaseAll();
        } finally {
            onDestroy();
        }
    }

    /** Cumulative counters: {@code state.keys} (now), {@code records.dropped}, {@code state.expired}. */
    @Override
    public Map<String, Long> counters() {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("state.keys", keys);
        c.put("records.dropped", dropped);
        c.put("state.expired", expired);
        return c;
    }

    /** The watermark that the next batch will see. */
    public final Watermark watermark() {
        return watermark;
    }

    /** Batches applied since the state began (continues after {@link #restore}). */
    public final long batches() {
        return batches;
    }

    /** Keys holding state after the last batch. */
    public final long stateKeys() {
        return keys;
    }

    private void releaseAll() {
        if (lastStep != null) lastStep.unpersist(false);
        if (lastTruncated != null) lastTruncated.unpersist(false);
        if (state != null) state.unpersist(false);
        lastStep = null;
        lastTruncated = null;
    }

    private void requireInit() {
        if (function == null) throw new IllegalStateException(getClass().getName() + " is used before init()");
        if (destroyed) throw new IllegalStateException(getClass().getName() + " is used after destroy()");
    }

    private static Function2<Integer, Iterator<Record>, Iterator<Tuple2<String, Sequenced>>> sequencer(
            KeyFunction keyFunction, EventTime eventTime) {
        return (partition, records) -> new Iterator<>() {
            private long position;

            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Tuple2<String, Sequenced> next() {
                Record r = records.next();
                return new Tuple2<>(keyFunction.keyOf(r), new Sequenced(r, eventTime.millis(r), partition, position++));
            }
        };
    }

    /** keys with state, dropped, expired, max event time; one element per partition. */
    private static <S> Iterator<long[]> totals(Iterator<Tuple2<String, KeyStep<S>>> steps) {
        long[] t = {0, 0, 0, Watermark.NONE};
        while (steps.hasNext()) {
            KeyStep<S> s = steps.next()._2;
            if (s.entry != null) t[0]++;
            t[1] += s.dropped;
            if (s.expired) t[2]++;
            t[3] = Math.max(t[3], s.maxEventMillis);
        }
        return List.of(t).iterator();
    }

    private static long[] sum(long[] a, long[] b) {
        return new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2], Math.max(a[3], b[3])};
    }

    private static <S> Iterator<Tuple2<String, StateEntry<S>>> entries(Iterator<Tuple2<String, KeyStep<S>>> steps) {
        return new Iterator<>() {
            private Tuple2<String, StateEntry<S>> next;

            @Override
            public boolean hasNext() {
                while (next == null && steps.hasNext()) {
                    Tuple2<String, KeyStep<S>> s = steps.next();
                    if (s._2.entry != null) next = new Tuple2<>(s._1, s._2.entry);
                }
                return next != null;
            }

            @Override
            public Tuple2<String, StateEntry<S>> next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                Tuple2<String, StateEntry<S>> n = next;
                next = null;
                return n;
            }
        };
    }

    private static String check(Runnable parse) {
        try {
            parse.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
