package io.tributary.simulator.scenario;

/**
 * The shoppers' phones (scenario section {@code devices}).
 *
 * @param wifiShare share of shoppers whose phone sends WiFi probe requests
 * @param bleShare share whose phone sends BLE advertisements
 * @param intervalJitter each interval is the mean times a uniform factor in [1 - jitter, 1 + jitter]
 * @param randomizedMacShare share of phones with randomised MACs: new ones per visit and every rotation interval
 * @param macRotationS mean rotation interval of randomised MACs
 */
public record DeviceSpec(double wifiShare, double bleShare, long wifiProbeIntervalMs, long bleAdvertIntervalMs,
        double intervalJitter, double randomizedMacShare, long macRotationS) {
}
