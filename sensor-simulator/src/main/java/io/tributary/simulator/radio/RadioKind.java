package io.tributary.simulator.radio;

import java.util.Locale;

/** What a sensor listens to and a device emits: WiFi probe requests or BLE advertisements. */
public enum RadioKind {
    WIFI, BLE;

    /** The name used in scenario files and readings: {@code wifi} or {@code ble}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
