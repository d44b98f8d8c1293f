package io.tributary.simulator.scenario;

import io.tributary.simulator.mall.Point;
import io.tributary.simulator.radio.RadioKind;

/**
 * One sensor of the scenario.
 *
 * @param referencePowerDbm calibrated P0, or NaN for the radio profile's
 * @param pathLossExponent calibrated n, or NaN for the radio profile's
 * @param offsetDb a constant bias of this sensor's readings
 * @param channel the WiFi channel it listens on (BLE sensors report the advertising channel instead)
 */
public record SensorSpec(String id, RadioKind kind, Point position, int channel, double referencePowerDbm,
        double pathLossExponent, double offsetDb) {
}
