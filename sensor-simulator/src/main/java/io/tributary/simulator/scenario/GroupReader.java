package io.tributary.simulator.scenario;

import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import io.tributary.simulator.sensors.ReadingFormat;
import io.tributary.simulator.transport.TransportOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code groups} list: which sensors report how, in which format, over which transport. */
final class GroupReader {
    static final Option<String> NAME = Option.string("name", null, "Unique group name (also its file names).")
            .required().validate(PlanReader::name);
    static final Option<Long> INTERVAL = Option.longValue("report.interval.ms", 1000, 10, 3_600_000,
            "Each sensor sends what it has heard at least this often.");
    static final Option<Integer> READINGS = Option.intValue("readings.per.message", 1, 1, 100_000,
            "Readings per payload at most; a sensor sends a full payload at once.");

    private GroupReader() {
    }

    static List<GroupSpec> groups(List<Section> nodes, List<SensorSpec> sensors) {
        Set<String> known = new HashSet<>();
        sensors.forEach(s -> known.add(s.id()));
        Map<String, String> owner = new HashMap<>();
        Set<String> names = new HashSet<>();
        List<GroupSpec> out = new ArrayList<>();
        for (Section n : nodes) {
            Settings s = n.settingsExcept(OptionSet.of(NAME, INTERVAL, READINGS), "sensors", "transport", "format");
            List<String> ids = n.strings("sensors");
            if (ids != null && ids.isEmpty()) n.problem("sensors", "needs at least one sensor id");
            String name = s == null ? null : s.get(NAME);
            if (name != null && !names.add(name)) n.problem("name", "'" + name + "' is used twice; group names must be unique");
            if (ids != null) {
                for (String id : ids) {
                    if (!known.contains(id)) {
                        n.problem("sensors", "unknown sensor '" + id + "'; the sensors are " + known);
                    } else if (owner.putIfAbsent(id, String.valueOf(name)) != null) {
                        n.problem("sensors", "sensor '" + id + "' is already in group '" + owner.get(id)
                                + "'; a sensor belongs to one group");
                    }
                }
            }
            int readings = s == null ? 1 : s.get(READINGS);
            Plugin transport = plugin(n.child("transport", true), true, readings);
            Plugin format = plugin(n.child("format", true), false, readings);
            if (s != null && ids != null && transport != null && format != null) {
                out.add(new GroupSpec(name, ids, transport.type, transport.settings, format.type, format.raw,
                        s.get(INTERVAL), s.get(READINGS)));
            }
        }
        for (SensorSpec sensor : sensors) {
            if (!owner.containsKey(sensor.id()) && !nodes.isEmpty()) {
                nodes.get(0).problem("sensors", "sensor '" + sensor.id() + "' is in no group; every sensor reports "
                        + "through exactly one");
            }
        }
        return out;
    }

    private record Plugin(String type, Settings settings, Map<String, Object> raw) {
    }

    /** {@code type} plus options: a transport's (declared here) or a format's (declared by the format). */
    private static Plugin plugin(Section node, boolean transport, int readingsPerMessage) {
        if (node == null) return null;
        Object type = node.raw("type");
        if (!(type instanceof String t) || t.isBlank()) {
            node.problem("type", type == null ? "is required" : "must be a name");
            return null;
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        if (transport) {
            OptionSet options = TransportOptions.forType(t);
            if (options == null) {
                node.problem("type", "unknown transport '" + t + "'; known are " + TransportOptions.TYPES);
                return null;
            }
            Settings settings = node.settingsExcept(options.with(Option.string("type", null, "")));
            return settings == null ? null : new Plugin(t, settings, raw);
        }
        node.entries().forEach((key, value) -> {
            if (!key.equals("type")) raw.put(key, value);
        });
        try {
            ReadingFormat.check(t, raw, readingsPerMessage);
        } catch (ConfigException e) {
            for (ConfigException.Problem p : e.problems()) {
                node.problem(p.key().equals("format") ? "type" : p.key(), p.message());
            }
            return null;
        }
        return new Plugin(t, null, raw);
    }
}
