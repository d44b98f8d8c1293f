package io.tributary.simulator.sensors;

import io.tributary.simulator.mall.FloorPlan;
import io.tributary.simulator.radio.RadioKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns emissions into readings: every sensor of the emission's kind within range samples its radio model
 * (distance and the walls in between), then its faults are applied, and a heard emission becomes a reading in
 * the sensor's buffer. Emissions must come in a deterministic order (by time, then sender). Not thread-safe.
 */
public final class Observer {
    private final FloorPlan plan;
    private final long startEpochMs;
    private final Map<RadioKind, Sensor[]> byKind = new EnumMap<>(RadioKind.class);
    private long heard;

    public Observer(FloorPlan plan, List<Sensor> sensors, long startEpochMs) {
        this.plan = plan;
        this.startEpochMs = startEpochMs;
        for (RadioKind kind : RadioKind.values()) {
            List<Sensor> of = new ArrayList<>();
            for (Sensor s : sensors) if (s.kind() == kind) of.add(s);
            byKind.put(kind, of.toArray(new Sensor[0]));
        }
    }

    public void observe(Emission e) {
        for (Sensor s : byKind.get(e.kind())) {
            double dx = e.x() - s.spec.position().x();
            double dy = e.y() - s.spec.position().y();
            double d = Math.sqrt(dx * dx + dy * dy);
            if (d > s.model.rangeM()) continue;
            double rssi = s.model.sampleOpen(d, s.rng);
            if (Double.isNaN(rssi)) continue;
            rssi -= plan.wallLoss(e.x(), e.y(), s.spec.position().x(), s.spec.position().y());
            if (rssi < s.model.sensitivityDbm()) continue;
            if (s.fault != null) {
                if (s.fault.dead(e.t())) continue;
                if (!s.fault.stuck(e.t())) s.lastNormalRssi = rssi;
                rssi = s.fault.apply(rssi, e.t(), s.lastNormalRssi);
            } else {
                s.lastNormalRssi = rssi;
            }
            int channel = e.channel() != 0 ? e.channel() : s.spec.channel();
            s.buffer.add(new Reading(startEpochMs + e.t(), e.mac(), (int) Math.round(rssi), channel, s.battery(e.t())));
            heard++;
        }
    }

    /** Readings made so far. */
    public long heard() {
        return heard;
    }
}
