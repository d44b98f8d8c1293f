package io.tributary.simulator.transport;

/**
 * One payload a sensor sends.
 *
 * @param epochMs simulated time it is sent
 * @param seq the sensor's message sequence number, from 0
 * @param target where it goes: URL, topic, or (file transport) the target the scenario named
 * @param readings how many readings it holds (before any corruption)
 * @param malformed whether a malformed-payload fault corrupted it
 */
public record Message(String group, String sensor, long epochMs, long seq, String target, byte[] payload,
        int readings, boolean malformed) {
}
