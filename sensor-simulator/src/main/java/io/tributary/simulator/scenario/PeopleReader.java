package io.tributary.simulator.scenario;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import io.tributary.simulator.mall.FloorPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code population} and {@code devices} sections. */
final class PeopleReader {
    static final Option<Double> RECURRING_SHARE = share("recurring.share", 0.3,
            "Share of arrivals that are recurring visitors (stable shopper and device ids across days).");
    static final Option<Integer> POOL = Option.intValue("recurring.pool.size", 200, 0, 10_000_000,
            "Number of recurring visitors; each visits at most once per simulated day.");
    static final Option<Double> OPT_OUT = share("opt.out.share", 0.1, "Share of shoppers who opted out of promotions.");
    static final Option<Double> STORES = Option.doubleValue("stores.per.visit.mean", 2.5,
            "Mean number of stores a shopper visits (1 + Poisson).").validate(v -> v >= 1 ? null : "must be at least 1");
    static final Option<Double> DWELL_MEDIAN = Option.doubleValue("dwell.median.s", 300,
            "Median dwell time in a store, seconds (log-normal).").validate(v -> v > 0 ? null : "must be positive");
    static final Option<Double> DWELL_SIGMA = Option.doubleValue("dwell.sigma", 0.6,
            "Sigma of the log of the dwell time.").validate(PlanReader::nonNegative);
    static final Option<Double> SPEED_MIN = Option.doubleValue("walking.speed.min.mps", 1.0,
            "Slowest walking speed, m/s.").validate(v -> v > 0 ? null : "must be positive");
    static final Option<Double> SPEED_MAX = Option.doubleValue("walking.speed.max.mps", 1.5,
            "Fastest walking speed, m/s.").validate(v -> v > 0 ? null : "must be positive");
    static final Option<Double> SPEED_NOISE = Option.doubleValue("walking.speed.noise", 0.05,
            "Relative step-to-step variation of a walker's speed (sigma).").validate(PlanReader::nonNegative);
    static final Option<Double> BROWSING_SPEED = Option.doubleValue("browsing.speed.mps", 0.5,
            "Walking speed inside stores, m/s.").validate(v -> v > 0 ? null : "must be positive");
    static final Option<Double> PAUSE = Option.doubleValue("browsing.pause.mean.s", 20,
            "Mean pause at each spot inside a store (exponential).").validate(PlanReader::nonNegative);

    static final Option<Double> WIFI_SHARE = share("wifi.share", 0.8, "Share of phones sending WiFi probe requests.");
    static final Option<Double> BLE_SHARE = share("ble.share", 0.4, "Share of phones sending BLE advertisements.");
    static final Option<Long> WIFI_INTERVAL = Option.longValue("wifi.probe.interval.ms", 10_000, 100, 3_600_000,
            "Mean interval between WiFi probe requests.");
    static final Option<Long> BLE_INTERVAL = Option.longValue("ble.advert.interval.ms", 1_000, 20, 3_600_000,
            "Mean interval between BLE advertisements.");
    static final Option<Double> JITTER = Option.doubleValue("interval.jitter", 0.3,
            "Each interval is the mean times a uniform factor in [1 - jitter, 1 + jitter].")
            .validate(v -> v >= 0 && v < 1 ? null : "must be at least 0 and below 1");
    static final Option<Double> RANDOM_MAC = share("randomized.mac.share", 0.4,
            "Share of phones using randomised MACs: new MACs per visit and every rotation interval.");
    static final Option<Long> ROTATION = Option.longValue("mac.rotation.s", 900, 10, 86_400,
            "Mean interval between MAC changes of a randomising phone.");

    private static final Map<String, Double> SEGMENTS = weights("family", 0.3, "young_professional", 0.25, "student",
            0.2, "senior", 0.15, "tourist", 0.1);
    private static final Map<String, Double> AGE_BANDS = weights("18-24", 0.2, "25-34", 0.25, "35-44", 0.2, "45-54",
            0.15, "55-64", 0.1, "65+", 0.1);

    private PeopleReader() {
    }

    static PopulationSpec population(Section node, FloorPlan plan) {
        Settings s = node.settingsExcept(OptionSet.of(RECURRING_SHARE, POOL, OPT_OUT, STORES, DWELL_MEDIAN, DWELL_SIGMA,
                SPEED_MIN, SPEED_MAX, SPEED_NOISE, BROWSING_SPEED, PAUSE), "arrivals.per.hour", "segments", "age.bands");
        double[] perHour = arrivals(node);
        Map<String, Double> segments = ScenarioValues.weights(node, "segments", SEGMENTS);
        Map<String, Double> ageBands = ScenarioValues.weights(node, "age.bands", AGE_BANDS);
        if (s == null || perHour == null || segments == null || ageBands == null) return null;
        if (s.get(SPEED_MIN) > s.get(SPEED_MAX)) {
            node.problem(SPEED_MIN.name(), "must not exceed walking.speed.max.mps (" + s.get(SPEED_MAX) + ")");
        }
        if (plan != null && plan.stores().isEmpty()) node.problem("arrivals.per.hour", "shoppers need at least one store");
        return new PopulationSpec(perHour, s.get(RECURRING_SHARE), s.get(POOL), s.get(OPT_OUT),
                List.copyOf(segments.keySet()), values(segments), List.copyOf(ageBands.keySet()), values(ageBands),
                s.get(STORES), s.get(DWELL_MEDIAN), s.get(DWELL_SIGMA), s.get(SPEED_MIN), s.get(SPEED_MAX),
                s.get(SPEED_NOISE), s.get(BROWSING_SPEED), s.get(PAUSE));
    }

    static DeviceSpec devices(Section node) {
        Settings s = node.settingsExcept(OptionSet.of(WIFI_SHARE, BLE_SHARE, WIFI_INTERVAL, BLE_INTERVAL, JITTER, RANDOM_MAC,
                ROTATION));
        if (s == null) return null;
        return new DeviceSpec(s.get(WIFI_SHARE), s.get(BLE_SHARE), s.get(WIFI_INTERVAL), s.get(BLE_INTERVAL),
                s.get(JITTER), s.get(RANDOM_MAC), s.get(ROTATION));
    }

    /** One number (the same every hour) or 24 numbers. */
    private static double[] arrivals(Section node) {
        Object v = node.raw("arrivals.per.hour");
        String expected = "must be a non-negative number of arrivals per hour, or a list of 24 (one per local hour)";
        if (v == null) {
            double[] out = new double[24];
            Arrays.fill(out, 120);
            return out;
        }
        List<?> items = v instanceof List<?> l ? l : v instanceof Number ? Collections.nCopies(24, v) : null;
        if (items == null || items.size() != 24) {
            node.problem("arrivals.per.hour", "invalid value '" + v + "': " + expected);
            return null;
        }
        double[] out = new double[24];
        double total = 0;
        for (int h = 0; h < 24; h++) {
            if (!(items.get(h) instanceof Number n) || n.doubleValue() < 0 || !Double.isFinite(n.doubleValue())) {
                node.problem("arrivals.per.hour", "invalid value '" + items.get(h) + "' for hour " + h + ": " + expected);
                return null;
            }
            out[h] = n.doubleValue();
            total += out[h];
        }
        if (total == 0) node.problem("arrivals.per.hour", "no hour has arrivals; nobody would come");
        return out;
    }

    private static Option<Double> share(String name, double defaultValue, String doc) {
        return Option.doubleValue(name, defaultValue, doc)
                .validate(v -> v >= 0 && v <= 1 ? null : "must be between 0 and 1");
    }

    private static Map<String, Double> weights(Object... pairs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) out.put((String) pairs[i], (Double) pairs[i + 1]);
        return out;
    }

    private static double[] values(Map<String, Double> weights) {
        List<Double> list = new ArrayList<>(weights.values());
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = list.get(i);
        return out;
    }
}
