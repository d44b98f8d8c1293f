package io.tributary.spark.runner;

import java.util.Map;

/**
 * One evaluator's share of a micro-batch.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @param name        the evaluator's name in the chain
 * @param className   its class
 * @param recordsIn   records it received (the previous evaluator's results, or the batch)
 * @param recordsOut  results it produced
 * @param errors      error records it produced
 * @param transformMs driver time spent in its {@code transform}, including any job it ran there (stateful
 *                    evaluators run one), over all attempts
 * @param attempts    calls of its {@code transform} for this batch (1 = no retry)
 * @param counters    its own cumulative counters ({@code SparkTransformer.counters()})
 * @since 0.1
 */
public record StageStats(String name, String className, long recordsIn, long recordsOut, long errors,
        long transformMs, int attempts, Map<String, Long> counters) {

    @Override
    public String toString() {
        return name + "{in=" + recordsIn + ", out=" + recordsOut + ", errors=" + errors + ", transform=" + transformMs
                + "ms" + (attempts > 1 ? ", attempts=" + attempts : "") + (counters.isEmpty() ? "" : ", " + counters)
                + "}";
    }
}
