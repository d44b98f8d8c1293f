package io.tributary.simulator.faults;

import io.tributary.simulator.Rng;
import io.tributary.simulator.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scenario's faults at run time: the sensor faults by sensor, the malformed bursts by group, the pending
 * teleports, and a record of what each did for the ground truth. Times are milliseconds after the scenario's
 * start. Each fault draws from its own random stream. Not thread-safe (the simulation thread only).
 */
public final class FaultSchedule {
    private final List<FaultSpec> specs;
    private final long startEpochMs;
    private final Map<String, Integer> sensorIndex;
    private final SensorFault[] bySensor;
    private final Rng[] rngs;
    private final long[] corrupted;
    private final String[] outcome;
    private final long[] appliedAt;

    public FaultSchedule(List<FaultSpec> specs, long seed, long startEpochMs, Map<String, Integer> sensorIndex) {
        this.specs = List.copyOf(specs);
        this.startEpochMs = startEpochMs;
        this.sensorIndex = sensorIndex;
        this.bySensor = new SensorFault[sensorIndex.size()];
        List<List<FaultSpec>> per = new ArrayList<>();
        for (int i = 0; i < sensorIndex.size(); i++) per.add(new ArrayList<>());
        for (FaultSpec f : specs) {
            String sensor = f instanceof FaultSpec.DeadSensor d ? d.sensor()
                    : f instanceof FaultSpec.StuckSensor s ? s.sensor()
                    : f instanceof FaultSpec.DriftingSensor r ? r.sensor() : null;
            if (sensor != null) per.get(sensorIndex.get(sensor)).add(f);
        }
        for (int i = 0; i < bySensor.length; i++) {
            if (!per.get(i).isEmpty()) bySensor[i] = new SensorFault(per.get(i));
        }
        rngs = new Rng[specs.size()];
        for (int i = 0; i < rngs.length; i++) rngs[i] = Rng.of(seed, "fault/" + i);
        corrupted = new long[specs.size()];
        outcome = new String[specs.size()];
        appliedAt = new long[specs.size()];
    }

    /** The faults of sensor {@code index}, or null when it has none. */
    public SensorFault sensor(int index) {
        return bySensor[index];
    }

    /** The indexes of the teleports due by {@code t} and not yet carried out. */
    public List<Integer> teleportsDue(long t) {
        List<Integer> due = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i) instanceof FaultSpec.Teleport tp && tp.startMs() <= t && outcome[i] == null) due.add(i);
        }
        return due;
    }

    public FaultSpec.Teleport teleport(int index) {
        return (FaultSpec.Teleport) specs.get(index);
    }

    /** The random stream of fault {@code index}. */
    public Rng rng(int index) {
        return rngs[index];
    }

    /** Marks teleport {@code index} done at {@code t} (it may wait for a walking shopper), for the truth. */
    public void teleported(int index, long t, String shopper, String detail) {
        outcome[index] = "shopper=" + shopper + " " + detail;
        appliedAt[index] = t;
    }

    /** {@code payload} as sent by {@code sensor} of {@code group} at {@code t}, corrupted if a burst says so. */
    public byte[] corrupt(String group, String sensor, long t, byte[] payload) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i) instanceof FaultSpec.MalformedBurst b && b.group().equals(group)
                    && (b.sensor() == null || b.sensor().equals(sensor)) && t >= b.startMs() && t < b.endMs()) {
                Rng rng = rngs[i];
                boolean hit = rng.chance(b.probability());
                Corruption kind = Corruption.named(b.kinds().get(rng.nextInt(b.kinds().size())));
                if (hit) {
                    corrupted[i]++;
                    return kind.apply(payload, rng);
                }
            }
        }
        return payload;
    }

    /** Whether any burst could corrupt payloads of {@code group} (a quick check before {@link #corrupt}). */
    public boolean hasBursts(String group) {
        return specs.stream().anyMatch(f -> f instanceof FaultSpec.MalformedBurst b && b.group().equals(group));
    }

    /** What every fault did, in scenario order, clipped to a run that ended at {@code endMs}. */
    public List<FaultRecord> records(long endMs) {
        List<FaultRecord> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            FaultSpec f = specs.get(i);
            if (f.startMs() >= endMs && !(f instanceof FaultSpec.Teleport && outcome[i] != null)) continue;
            long start = startEpochMs + f.startMs();
            long end = startEpochMs + Math.min(f.endMs(), endMs);
            if (f instanceof FaultSpec.DeadSensor d) {
                out.add(new FaultRecord(f.type(), d.sensor(), start, end, ""));
            } else if (f instanceof FaultSpec.StuckSensor s) {
                out.add(new FaultRecord(f.type(), s.sensor(), start, end,
                        Double.isNaN(s.rssiDbm()) ? "rssi.dbm=last" : "rssi.dbm=" + num(s.rssiDbm())));
            } else if (f instanceof FaultSpec.DriftingSensor d) {
                out.add(new FaultRecord(f.type(), d.sensor(), start, end, "drift.db.per.min=" + num(d.dbPerMin())));
            } else if (f instanceof FaultSpec.Teleport t) {
                if (outcome[i] == null) {
                    out.add(new FaultRecord(f.type(), t.shopper() == null ? "" : t.shopper(), start, start,
                            "applied=false reason=no_walking_shopper"));
                } else {
                    String target = outcome[i].substring(8, outcome[i].indexOf(' '));
                    long at = startEpochMs + appliedAt[i];
                    out.add(new FaultRecord(f.type(), target, at, at, outcome[i].substring(outcome[i].indexOf(' ') + 1)));
                }
            } else if (f instanceof FaultSpec.MalformedBurst b) {
                out.add(new FaultRecord(f.type(), b.sensor() == null ? b.group() : b.group() + "/" + b.sensor(), start,
                        end, "probability=" + num(b.probability()) + " kinds=" + String.join(",", b.kinds())
                                + " corrupted=" + corrupted[i]));
            }
        }
        return out;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    /** Index of sensor {@code id}. */
    public int sensorIndex(String id) {
        return sensorIndex.get(id);
    }
}
