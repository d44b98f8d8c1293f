package io.tributary.simulator.scenario;

/**
 * How the ground truth is written (scenario section {@code truth}).
 *
 * @param format {@code jsonl} or {@code csv}
 * @param positionsIntervalS seconds between position rows of a device; 0 writes none
 */
public record TruthSpec(String format, int positionsIntervalS) {
}
