package io.tributary.simulator.sensors;

import io.tributary.simulator.Rng;
import io.tributary.simulator.faults.SensorFault;
import io.tributary.simulator.radio.PathLoss;
import io.tributary.simulator.radio.RadioKind;
import io.tributary.simulator.scenario.SensorSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A sensor at run time: its calibrated radio model, its own random stream, its faults, and the readings it
 * holds until its group sends them. Not thread-safe (the simulation thread only).
 */
public final class Sensor {
    /** Battery lost per simulated hour. */
    private static final double BATTERY_DRAIN_PER_HOUR = 0.002;

    final SensorSpec spec;
    final PathLoss model;
    final Rng rng;
    final SensorFault fault;
    final List<Reading> buffer = new ArrayList<>();
    private final double batteryAtStart;
    double lastNormalRssi = Double.NaN;
    long nextReportMs;
    long seq;

    public Sensor(SensorSpec spec, PathLoss model, long seed, SensorFault fault) {
        this.spec = spec;
        this.model = model;
        this.rng = Rng.of(seed, "sensor/" + spec.id());
        this.fault = fault;
        Rng setup = Rng.of(seed, "sensor-setup/" + spec.id());
        this.batteryAtStart = setup.uniform(0.6, 1.0);
        this.nextReportMs = -1;
    }

    public String id() {
        return spec.id();
    }

    public RadioKind kind() {
        return spec.kind();
    }

    public PathLoss model() {
        return model;
    }

    /** Readings heard and not yet sent. */
    public int buffered() {
        return buffer.size();
    }

    double battery(long elapsedMs) {
        double level = batteryAtStart - BATTERY_DRAIN_PER_HOUR * elapsedMs / 3_600_000.0;
        return Math.max(0, Math.round(level * 1000) / 1000.0);
    }
}
