package io.tributary.simulator.faults;

import io.tributary.simulator.scenario.FaultSpec;

/**
 * What the scheduled faults of one sensor do to its readings at a time. Times are milliseconds after the
 * scenario's start. Not thread-safe (the simulation thread only).
 */
public final class SensorFault {
    private final FaultSpec[] faults;

    SensorFault(FaultSpec[] faults) {
        this.faults = faults;
    }

    /** Whether the sensor is dead at {@code t}. */
    public boolean dead(long t) {
        for (FaultSpec f : faults) {
            if (f instanceof FaultSpec.DeadSensor && active(f, t)) return true;
        }
        return false;
    }

    /**
     * The RSSI reported at {@code t} for a heard emission of {@code rssi}; {@code lastNormal} is the sensor's last
     * RSSI before any stuck fault (a stuck sensor without a configured value repeats it).
     */
    public double apply(double rssi, long t, double lastNormal) {
        double out = rssi;
        for (FaultSpec f : faults) {
            if (!active(f, t)) continue;
            if (f instanceof FaultSpec.StuckSensor s) {
                out = Double.isNaN(s.rssiDbm()) ? (Double.isNaN(lastNormal) ? rssi : lastNormal) : s.rssiDbm();
            }
        }
        for (FaultSpec f : faults) {
            if (f instanceof FaultSpec.DriftingSensor d && active(f, t)) out += driftAt(d, t);
        }
        return out;
    }

    /** Whether a stuck fault holds the sensor at {@code t}. */
    public boolean stuck(long t) {
        for (FaultSpec f : faults) {
            if (f instanceof FaultSpec.StuckSensor && active(f, t)) return true;
        }
        return false;
    }

    /** The offset of a drifting fault at {@code t}: {@code dbPerMin} times the minutes since it began. */
    public static double driftAt(FaultSpec.DriftingSensor d, long t) {
        return d.dbPerMin() * (t - d.startMs()) / 60_000.0;
    }

    private static boolean active(FaultSpec f, long t) {
        return t >= f.startMs() && t < f.endMs();
    }
}
