package io.tributary.spark.runner;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.storage.StorageLevel;

/**
 * The evaluator chain's own settings (the job configuration's {@code evaluator} section). Declared once in
 * {@link #OPTIONS}; parsing reports every problem and rejects unknown keys.
 *
 * <p>Immutable.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class ChainOptions {
    public static final Option<Integer> RETRY_MAX = Option.intValue("retry.max", 2, 0, 100,
            "Retries of a failed micro-batch (an evaluator's transform or the batch's job) before the job fails");
    public static final Option<Long> RETRY_BACKOFF_MS = Option.longValue("retry.backoff.ms", 1000, 0, 3_600_000,
            "Wait before the first retry; doubled for each further retry");
    public static final Option<Long> RETRY_BACKOFF_MAX_MS = Option.longValue("retry.backoff.max.ms", 30_000, 0,
            3_600_000, "Longest wait between retries");
    public static final Option<Boolean> MATERIALIZE = Option.bool("materialize", true,
            "Compute and cache each batch's results and errors inside apply() with one Spark job, so that failures"
                    + " are retried by the chain, the counts are exact and several sinks read the batch once");
    public static final Option<String> STORAGE_LEVEL = Option.string("cache.storage.level", "MEMORY_AND_DISK_SER",
            "Spark storage level of the materialized results and errors")
            .validate(v -> {
                try {
                    StorageLevel.fromString(v);
                    return null;
                } catch (IllegalArgumentException e) {
                    return "is not a Spark storage level (e.g. MEMORY_AND_DISK_SER)";
                }
            });
    public static final Option<Boolean> CACHE_SHARED_INPUTS = Option.bool("cache.shared.inputs", true,
            "Cache an evaluator's input for the batch when both its results and its errors read it, so that the"
                    + " functions before it run once per record instead of once per branch");
    public static final Option<Boolean> LOG_STATS = Option.bool("stats.log", true,
            "Log one line of statistics per micro-batch (INFO)");
    public static final Option<String> STATE_DIR = Option.string("state.dir", "",
            "Directory (Hadoop URI, shared with the executors) for snapshots of the stateful evaluators; empty: none");
    public static final Option<Integer> SNAPSHOT_INTERVAL = Option.intValue("state.snapshot.interval.batches", 10,
            1, Integer.MAX_VALUE, "Snapshot the stateful evaluators every this many completed batches");
    public static final Option<Integer> SNAPSHOT_RETAIN = Option.intValue("state.snapshot.retain", 2, 1, 1000,
            "Complete snapshots kept; older ones are deleted");
    public static final OptionSet OPTIONS = OptionSet.of(RETRY_MAX, RETRY_BACKOFF_MS, RETRY_BACKOFF_MAX_MS, MATERIALIZE,
            STORAGE_LEVEL, CACHE_SHARED_INPUTS, LOG_STATS, STATE_DIR, SNAPSHOT_INTERVAL, SNAPSHOT_RETAIN);

    private final Map<String, Object> raw;
    private final Settings settings;

    private ChainOptions(Map<String, Object> raw) {
        this.raw = Collections.unmodifiableMap(raw);
        this.settings = OPTIONS.parse(raw);
    }

    /**
     * Parses raw values (YAML or strings).
     *
     * @throws io.tributary.config.ConfigException listing every problem by key
     */
    public static ChainOptions parse(Map<String, ?> raw) {
        return new ChainOptions(new LinkedHashMap<>(raw));
    }

    public static ChainOptions defaults() {
        return new ChainOptions(new LinkedHashMap<>());
    }

    /** These options with {@code key} set to {@code value}. */
    public ChainOptions with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(raw);
        copy.put(key, value);
        return new ChainOptions(copy);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(settings.get(RETRY_MAX), settings.get(RETRY_BACKOFF_MS), settings.get(RETRY_BACKOFF_MAX_MS));
    }

    public boolean materialize() {
        return settings.get(MATERIALIZE);
    }

    public StorageLevel storageLevel() {
        return StorageLevel.fromString(settings.get(STORAGE_LEVEL));
    }

    public boolean cacheSharedInputs() {
        return settings.get(CACHE_SHARED_INPUTS);
    }

    public boolean logStats() {
        return settings.get(LOG_STATS);
    }

    public Optional<String> stateDir() {
        String dir = settings.get(STATE_DIR).trim();
        return dir.isEmpty() ? Optional.empty() : Optional.of(dir);
    }

    public int snapshotInterval() {
        return settings.get(SNAPSHOT_INTERVAL);
    }

    public int snapshotRetain() {
        return settings.get(SNAPSHOT_RETAIN);
    }

    @Override
    public String toString() {
        return "ChainOptions" + raw;
    }
}
