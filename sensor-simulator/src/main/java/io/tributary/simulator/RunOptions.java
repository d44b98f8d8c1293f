package io.tributary.simulator;

import java.nio.file.Path;
import java.time.Instant;

/**
 * How to run a scenario.
 *
 * @param seed the seed of every random stream
 * @param durationMs simulated run length
 * @param speed simulated seconds per wall-clock second; 0 runs as fast as possible
 * @param outDir where truth (and file transport traffic) go
 * @param transportOverride {@code file} to write every group's traffic to files instead, or null
 * @param start the simulated start, or null for the scenario's
 */
public record RunOptions(long seed, long durationMs, double speed, Path outDir, String transportOverride,
        Instant start) {
}
