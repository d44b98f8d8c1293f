package io.tributary.simulator.scenario;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import io.tributary.simulator.faults.Corruption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the {@code faults} list: what goes wrong, where, and when (seconds after the start). */
final class FaultReader {
    static final Option<String> TYPE = Option.choice("type", null, "The kind of fault.", "dead_sensor", "stuck_sensor",
            "drifting_sensor", "teleport", "malformed_burst").required();
    static final Option<String> SENSOR = Option.string("sensor", null, "The sensor at fault.").required();
    static final Option<Double> START = seconds("start.s", "When the fault begins, seconds after the start.").required();
    static final Option<Double> END = seconds("end.s", "When the fault ends, seconds after the start.").required();
    static final Option<Double> RSSI = Option.doubleValue("rssi.dbm", Double.NaN,
            "The RSSI the stuck sensor reports; default its last RSSI before the fault.");
    static final Option<Double> DRIFT = Option.doubleValue("drift.db.per.min", 1,
            "How fast the offset grows, dB per minute (negative drifts down).");
    static final Option<Double> AT = seconds("at.s", "When the device jumps, seconds after the start.").required();
    static final Option<String> SHOPPER = Option.string("shopper", null,
            "The shopper whose device jumps (e.g. p-000007); default one walking a corridor at that time.");
    static final Option<Double> MIN_DISTANCE = Option.doubleValue("min.distance.m", 30, "Shortest jump, metres.")
            .validate(PlanReader::nonNegative);
    static final Option<String> GROUP = Option.string("group", null, "The group whose payloads are corrupted.")
            .required();
    static final Option<String> ONE_SENSOR = Option.string("sensor", null,
            "Only this sensor's payloads; default every sensor of the group.");
    static final Option<Double> PROBABILITY = Option.doubleValue("probability", 1,
            "Chance that a payload in the window is corrupted.")
            .validate(v -> v >= 0 && v <= 1 ? null : "must be between 0 and 1");
    static final Option<List<String>> KINDS = Option.list("kinds", Corruption.NAMES,
            "How payloads are corrupted, one drawn per payload: " + Corruption.NAMES + ".")
            .validate(l -> l.isEmpty() ? "needs at least one kind"
                    : Corruption.NAMES.containsAll(l) ? null : "kinds are " + Corruption.NAMES);

    private static final Map<String, OptionSet> OPTIONS = Map.of(
            "dead_sensor", OptionSet.of(TYPE, SENSOR, START, END),
            "stuck_sensor", OptionSet.of(TYPE, SENSOR, START, END, RSSI),
            "drifting_sensor", OptionSet.of(TYPE, SENSOR, START, END, DRIFT),
            "teleport", OptionSet.of(TYPE, AT, SHOPPER, MIN_DISTANCE),
            "malformed_burst", OptionSet.of(TYPE, GROUP, ONE_SENSOR, START, END, PROBABILITY, KINDS));

    private FaultReader() {
    }

    static List<FaultSpec> faults(List<Section> nodes, List<SensorSpec> sensors, List<GroupSpec> groups) {
        List<FaultSpec> out = new ArrayList<>();
        for (Section n : nodes) {
            Object type = n.raw("type");
            OptionSet options = type instanceof String t ? OPTIONS.get(t) : null;
            if (options == null) {
                n.problem("type", (type == null ? "is required" : "unknown fault '" + type + "'") + "; faults are "
                        + List.of("dead_sensor", "stuck_sensor", "drifting_sensor", "teleport", "malformed_burst"));
                continue;
            }
            Settings s = n.settingsExcept(options);
            if (s == null) continue;
            FaultSpec fault = build((String) type, s);
            if (fault.endMs() < fault.startMs()) {
                n.problem("end.s", "must not be before start.s");
                continue;
            }
            String sensor = sensorOf(fault);
            if (sensor != null && sensors.stream().noneMatch(x -> x.id().equals(sensor))) {
                n.problem("sensor", "unknown sensor '" + sensor + "'");
            }
            if (fault instanceof FaultSpec.MalformedBurst m && groups.stream().noneMatch(g -> g.name().equals(m.group()))) {
                n.problem("group", "unknown group '" + m.group() + "'");
            }
            out.add(fault);
        }
        return out;
    }

    private static FaultSpec build(String type, Settings s) {
        return switch (type) {
            case "dead_sensor" -> new FaultSpec.DeadSensor(s.get(SENSOR), ms(s.get(START)), ms(s.get(END)));
            case "stuck_sensor" -> new FaultSpec.StuckSensor(s.get(SENSOR), ms(s.get(START)), ms(s.get(END)),
                    s.get(RSSI));
            case "drifting_sensor" -> new FaultSpec.DriftingSensor(s.get(SENSOR), ms(s.get(START)), ms(s.get(END)),
                    s.get(DRIFT));
            case "teleport" -> new FaultSpec.Teleport(s.get(SHOPPER), ms(s.get(AT)), s.get(MIN_DISTANCE));
            default -> new FaultSpec.MalformedBurst(s.get(GROUP), s.get(ONE_SENSOR), ms(s.get(START)), ms(s.get(END)),
                    s.get(PROBABILITY), s.get(KINDS));
        };
    }

    private static String sensorOf(FaultSpec f) {
        if (f instanceof FaultSpec.DeadSensor d) return d.sensor();
        if (f instanceof FaultSpec.StuckSensor d) return d.sensor();
        if (f instanceof FaultSpec.DriftingSensor d) return d.sensor();
        if (f instanceof FaultSpec.MalformedBurst d) return d.sensor();
        return null;
    }

    private static long ms(double seconds) {
        return Math.round(seconds * 1000);
    }

    private static Option<Double> seconds(String name, String doc) {
        return Option.doubleValue(name, 0, doc).validate(PlanReader::nonNegative);
    }
}
