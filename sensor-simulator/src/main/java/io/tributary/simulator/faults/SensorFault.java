package io.tributary.simulator.faults;

import io.tributary.simulator.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scheduled faults of one sensor do to its readings at a time. Times are milliseconds after the
 * scenario's start; windows include their start and exclude their end. Not thread-safe (the simulation thread
 * only).
 */
public final class SensorFault {
    private final long[] dead;
    private final long[] stuck;
    private final double[] stuckRssi;
    private final long[] drift;
    private final double[] driftRate;

    SensorFault(List<FaultSpec> faults) {
        List<long[]> d = new ArrayList<>();
        List<long[]> s = new ArrayList<>();
        List<Double> sv = new ArrayList<>();
        List<long[]> r = new ArrayList<>();
        List<Double> rv = new ArrayList<>();
        for (FaultSpec f : faults) {
            long[] window = {f.startMs(), f.endMs()};
            if (f instanceof FaultSpec.DeadSensor) {
                d.add(window);
            } else if (f instanceof FaultSpec.StuckSensor st) {
                s.add(window);
                sv.add(st.rssiDbm());
            } else if (f instanceof FaultSpec.DriftingSensor dr) {
                r.add(window);
                rv.add(dr.dbPerMin());
            }
        }
        dead = flatten(d);
        stuck = flatten(s);
        stuckRssi = sv.stream().mapToDouble(Double::doubleValue).toArray();
        drift = flatten(r);
        driftRate = rv.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether the sensor is dead at {@code t}. */
    public boolean dead(long t) {
        return active(dead, t) >= 0;
    }

    /** Whether a stuck fault holds the sensor at {@code t}. */
    public boolean stuck(long t) {
        return active(stuck, t) >= 0;
    }

    /**
     * The RSSI reported at {@code t} for a heard emission of {@code rssi}; {@code lastNormal} is the sensor's last
     * RSSI before any stuck fault (a stuck sensor without a configured value repeats it). Drift adds to both.
     */
    public double apply(double rssi, long t, double lastNormal) {
        double out = rssi;
        int s = active(stuck, t);
        if (s >= 0) {
            out = !Double.isNaN(stuckRssi[s]) ? stuckRssi[s] : Double.isNaN(lastNormal) ? rssi : lastNormal;
        }
        for (int i = 0; i < driftRate.length; i++) {
            if (t >= drift[2 * i] && t < drift[2 * i + 1]) out += driftRate[i] * (t - drift[2 * i]) / 60_000.0;
        }
        return out;
    }

    /** The index of the first window holding {@code t}, or -1. */
    private static int active(long[] windows, long t) {
        for (int i = 0; i < windows.length; i += 2) if (t >= windows[i] && t < windows[i + 1]) return i / 2;
        return -1;
    }

    private static long[] flatten(List<long[]> windows) {
        long[] out = new long[windows.size() * 2];
        for (int i = 0; i < windows.size(); i++) {
            out[2 * i] = windows.get(i)[0];
            out[2 * i + 1] = windows.get(i)[1];
        }
        return out;
    }
}
