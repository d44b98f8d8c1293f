package io.tributary.simulator.shoppers;

/**
 * A finished (or, at the end of a run, unfinished) stay: in a store, or in the mall as a whole.
 *
 * @param kind {@code store} or {@code mall}
 * @param zone the store's name, or the entrance the shopper came in through for {@code mall}
 * @param enterMs simulated epoch milliseconds
 * @param exitMs simulated epoch milliseconds, or -1 when the run ended first
 * @param wifiMac the WiFi MAC in use at entry, or null
 * @param bleMac the BLE address in use at entry, or null
 */
public record VisitEvent(String shopperId, String deviceId, String kind, String zone, long enterMs, long exitMs,
        String wifiMac, String bleMac) {
}
