package io.tributary.simulator.sensors;

import io.tributary.simulator.radio.RadioKind;

/**
 * A WiFi probe request or BLE advertisement sent by a device.
 *
 * @param t milliseconds after the scenario's start
 * @param order the sender's arrival order, to sort emissions of the same millisecond deterministically
 * @param channel the BLE advertising channel; 0 for WiFi (a sensor hears on its own channel)
 */
public record Emission(long t, long order, RadioKind kind, String mac, int channel, double x, double y) {
}
