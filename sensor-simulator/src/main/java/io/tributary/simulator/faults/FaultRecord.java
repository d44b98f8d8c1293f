package io.tributary.simulator.faults;

/**
 * An injected fault as it happened, for the ground truth.
 *
 * @param target the sensor, group or shopper at fault
 * @param startMs when it began, simulated epoch milliseconds
 * @param endMs when it ended (clipped to the run), epoch milliseconds
 * @param detail parameters and what was done, as {@code key=value} pairs separated by spaces
 */
public record FaultRecord(String type, String target, long startMs, long endMs, String detail) {
}
