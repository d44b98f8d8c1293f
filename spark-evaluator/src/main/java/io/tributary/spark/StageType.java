package io.tributary.spark;

import io.tributary.config.Plugin;

/**
 * A built-in (or packaged) evaluator usable from the job configuration by its short name instead of its class:
 * {@code evaluators: [{type: window_aggregate, params: {...}}]}. Registered as a {@code java.util.ServiceLoader}
 * service of this interface ({@code META-INF/services/io.tributary.spark.StageType}) and found by
 * {@link io.tributary.config.PluginRegistry}.
 *
 * <p>{@link #options()} declares the evaluator's params: the job validates a configured stage's params against
 * them when it reads its configuration (every problem by key, unknown keys listed), before Spark starts; the
 * evaluator parses the same declarations again in {@link SparkTransformer#init}. The config reference is
 * generated from them.
 *
 * <p>Lifecycle: implementations are stateless, thread-safe, with a public no-argument constructor; the job asks
 * for {@link #transformerClass()} and creates the evaluator with its public no-argument constructor, exactly as
 * for an evaluator named by class, so every rule of {@link SparkTransformer} applies unchanged.
 *
 * <p>Evolving API since 0.1.
 *
 * @since 0.1
 */
public interface StageType extends Plugin {
    /** The evaluator class; public, with a public no-argument constructor. */
    Class<? extends SparkTransformer> transformerClass();
}
