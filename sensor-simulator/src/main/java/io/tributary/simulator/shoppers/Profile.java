package io.tributary.simulator.shoppers;

/**
 * A shopper as the profile dataset knows them, and their phone.
 *
 * @param recurring whether they belong to the recurring visitors (who come back on later days)
 * @param randomizesMac whether their phone uses a new MAC per visit and rotation interval; else it always
 *     uses {@code wifiMac} / {@code bleMac}
 * @param wifiMac the phone's WiFi MAC, or null when it does not probe
 * @param bleMac the phone's BLE address, or null when it does not advertise
 */
public record Profile(String shopperId, String segment, String ageBand, boolean optOut, boolean recurring,
        String deviceId, boolean randomizesMac, String wifiMac, String bleMac) {
}
