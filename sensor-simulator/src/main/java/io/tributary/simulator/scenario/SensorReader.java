package io.tributary.simulator.scenario;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import io.tributary.simulator.mall.FloorPlan;
import io.tributary.simulator.mall.Point;
import io.tributary.simulator.radio.RadioKind;
import io.tributary.simulator.radio.RadioProfile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code sensors} list and the {@code radio} section. */
final class SensorReader {
    static final Option<String> ID = Option.string("id", null, "Unique sensor id, sent in its readings.").required()
            .validate(PlanReader::name);
    static final Option<String> TYPE = Option.choice("type", null, "What the sensor hears.", "wifi", "ble")
            .required();
    static final Option<Integer> CHANNEL = Option.intValue("channel", 6, 1, 196, "WiFi channel it listens on.");
    static final Option<Double> P0 = Option.doubleValue("reference.power.dbm", Double.NaN,
            "Calibration: mean RSSI at the reference distance; default the radio profile's.");
    static final Option<Double> N = Option.doubleValue("path.loss.exponent", Double.NaN,
            "Calibration: path loss exponent; default the radio profile's.").validate(SensorReader::exponent);
    static final Option<Double> OFFSET = Option.doubleValue("offset.db", 0, "A constant bias of its readings, dB.");

    private SensorReader() {
    }

    static List<SensorSpec> sensors(List<Section> nodes, FloorPlan plan) {
        List<SensorSpec> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Section n : nodes) {
            Settings s = n.settingsExcept(OptionSet.of(ID, TYPE, CHANNEL, P0, N, OFFSET), "position");
            Point p = ScenarioValues.point(n, "position");
            if (s == null || p == null) continue;
            if (!ids.add(s.get(ID))) {
                n.problem("id", "'" + s.get(ID) + "' is used twice; sensor ids must be unique");
                continue;
            }
            out.add(new SensorSpec(s.get(ID), RadioKind.valueOf(s.get(TYPE).toUpperCase(Locale.ROOT)), p,
                    s.get(CHANNEL), s.get(P0), s.get(N), s.get(OFFSET)));
        }
        return out;
    }

    static Map<RadioKind, RadioProfile> radio(Section node) {
        Map<RadioKind, RadioProfile> out = new EnumMap<>(RadioKind.class);
        node.settingsExcept(OptionSet.of(), "wifi", "ble");
        out.put(RadioKind.WIFI, profile(node.childOrEmpty("wifi"), -45, 2.8, 4, 0.1, -92));
        out.put(RadioKind.BLE, profile(node.childOrEmpty("ble"), -59, 2.2, 5, 0.15, -100));
        return out;
    }

    private static RadioProfile profile(Section node, double p0, double n, double sigma, double dropout,
            double sensitivity) {
        Option<Double> power = Option.doubleValue("reference.power.dbm", p0, "P0: mean RSSI at the reference distance.");
        Option<Double> d0 = Option.doubleValue("reference.distance.m", 1, "d0, in metres.")
                .validate(v -> v > 0 ? null : "must be positive");
        Option<Double> exponent = Option.doubleValue("path.loss.exponent", n, "n: 2 in free space, 2-4 indoors.")
                .validate(SensorReader::exponent);
        Option<Double> noise = Option.doubleValue("noise.sigma.db", sigma, "Sigma of the Gaussian shadowing, dB.")
                .validate(PlanReader::nonNegative);
        Option<Double> drop = Option.doubleValue("dropout.probability", dropout,
                "Chance that a sensor misses an emission it could hear.")
                .validate(v -> v >= 0 && v <= 1 ? null : "must be between 0 and 1");
        Option<Double> sens = Option.doubleValue("sensitivity.dbm", sensitivity, "Weakest RSSI reported.");
        Settings s = node.settingsExcept(OptionSet.of(power, d0, exponent, noise, drop, sens));
        if (s == null) return null;
        return new RadioProfile(s.get(power), s.get(d0), s.get(exponent), s.get(noise), s.get(drop), s.get(sens));
    }

    private static String exponent(double v) {
        return v >= 1 && v <= 6 ? null : "must be between 1 and 6";
    }
}
