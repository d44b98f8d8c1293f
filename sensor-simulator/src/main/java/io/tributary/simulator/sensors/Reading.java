package io.tributary.simulator.sensors;

/**
 * One emission heard by a sensor.
 *
 * @param epochMs simulated time of the emission
 * @param device the MAC address the device used
 * @param rssi received signal strength, whole dBm
 * @param channel the WiFi channel of the sensor, or the BLE advertising channel
 * @param battery the sensor's battery level, 0 to 1
 */
public record Reading(long epochMs, String device, int rssi, int channel, double battery) {
}
