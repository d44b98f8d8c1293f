package io.tributary.simulator.shoppers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.simulator.TestRuns;
import io.tributary.simulator.mall.FloorPlan;
import io.tributary.simulator.mall.Point;
import io.tributary.simulator.mall.Store;
import io.tributary.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shoppers' statistics against their parameters, from the ground truth of runs without radios (so they are
 * quick): arrivals are Poisson at the configured rate, dwell times log-normal with the configured median and
 * sigma, every position is on the floor, walking speeds are realistic.
 */
class ShopperStatisticsTest {
    /** Arrivals only from 10:00 to 11:00 at 1200/h; three more hours let everyone finish. */
    static final String QUIET_RADIOS = """
            devices: {wifi.share: 0, ble.share: 0}
            faults: []
            """;
    static final String ONE_BUSY_HOUR = QUIET_RADIOS + """
            population:
              arrivals.per.hour: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
            truth: {positions.interval.s: 0}
            """;

    @TempDir
    static Path tmp;
    static Scenario scenario;
    static List<JsonNode> visits;

    @BeforeAll
    static void run() {
        scenario = TestRuns.smallMall(ONE_BUSY_HOUR);
        TestRuns.runToFiles(scenario, 11, 4 * 3600, tmp.resolve("stats"));
        visits = TestRuns.jsonLines(tmp.resolve("stats/truth/visits.jsonl"));
    }

    @Test
    void arrivalsArePoissonAtTheConfiguredRate() {
        long start = scenario.start().toEpochMilli();
        List<Long> arrivals = new ArrayList<>();
        for (JsonNode v : visits) {
            if (v.get("kind").asText().equals("mall")) arrivals.add(Instant.parse(v.get("enter").asText()).toEpochMilli());
        }
        arrivals.sort(null);
        int n = arrivals.size();
        // Poisson count over one hour: mean 1200, sd 34.6; allow 5 sd.
        assertTrue(Math.abs(n - 1200) < 175, "arrivals in the hour: " + n);
        assertTrue(arrivals.get(0) >= start && arrivals.get(n - 1) < start + 3_600_000, "all within 10:00-11:00");
        double[] gaps = new double[n - 1];
        for (int i = 1; i < n; i++) gaps[i - 1] = arrivals.get(i) - arrivals.get(i - 1);
        double mean = Arrays.stream(gaps).average().orElseThrow();
        assertEquals(3000, mean, 3000 * 0.1, "mean gap ms at 1200/h");
        // Kolmogorov-Smirnov against Exp(1/3000 ms): critical value at alpha = 0.001 is 1.95 / sqrt(n).
        Arrays.sort(gaps);
        double d = 0;
        for (int i = 0; i < gaps.length; i++) {
            double cdf = 1 - Math.exp(-gaps[i] / 3000.0);
            d = Math.max(d, Math.max(Math.abs(cdf - (double) i / gaps.length), Math.abs(cdf - (i + 1.0) / gaps.length)));
        }
        assertTrue(d < 1.95 / Math.sqrt(gaps.length), "KS distance " + d);
        // Coefficient of variation of an exponential is 1.
        double sd = Math.sqrt(Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / (gaps.length - 1));
        assertEquals(1.0, sd / mean, 0.1, "coefficient of variation");
    }

    @Test
    void dwellTimesAreLogNormalWithTheConfiguredParameters() {
        Map<String, List<Double>> logDwell = new HashMap<>();
        int unfinished = 0;
        for (JsonNode v : visits) {
            if (!v.get("kind").asText().equals("store")) continue;
            if (v.get("dwell_s").isNull()) {
                unfinished++;
                continue;
            }
            logDwell.computeIfAbsent(v.get("zone").asText(), k -> new ArrayList<>()).add(Math.log(v.get("dwell_s").asDouble()));
        }
        assertEquals(0, unfinished, "every visit ends within the run");
        // Stores without their own parameters share the population's: median 240 s, sigma 0.6.
        List<Double> shared = new ArrayList<>();
        for (Store s : scenario.floorPlan().stores()) {
            if (Double.isNaN(s.dwellMedianS()) && Double.isNaN(s.dwellSigma())) shared.addAll(logDwell.get(s.name()));
        }
        assertFit(shared, Math.log(240), 0.6);
        assertFit(logDwell.get("cafe"), Math.log(900), 0.5);
    }

    private static void assertFit(List<Double> logs, double mu, double sigma) {
        int n = logs.size();
        assertTrue(n > 300, "visits: " + n);
        double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(logs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (n - 1));
        // Standard errors: sigma / sqrt(n) for the mean, sigma / sqrt(2n) for sigma; allow 5 of them.
        assertEquals(mu, mean, 5 * sigma / Math.sqrt(n), "mean of log dwell over " + n + " visits");
        assertEquals(sigma, sd, 5 * sigma / Math.sqrt(2.0 * n), "sigma of log dwell over " + n + " visits");
    }

    @Test
    void shoppersStayOnTheFloorAndWalkAtRealisticSpeeds(@TempDir Path dir) {
        Scenario busy = TestRuns.smallMall(QUIET_RADIOS);
        TestRuns.runToFiles(busy, 12, 3600, dir);
        FloorPlan plan = busy.floorPlan();
        Map<String, JsonNode> previous = new HashMap<>();
        long rows = 0;
        double fastest = 0;
        for (JsonNode p : TestRuns.jsonLines(dir.resolve("truth/positions.jsonl"))) {
            Point at = new Point(p.get("x").asDouble(), p.get("y").asDouble());
            // Positions are rounded to 1 cm in the truth.
            boolean walkable = plan.isWalkable(at) || plan.isWalkable(near(plan, at, 0.006));
            assertTrue(walkable, "off the floor: " + p);
            assertFalse(p.get("zone").isNull(), "zone of " + p);
            JsonNode before = previous.put(p.get("shopper").asText(), p);
            if (before != null && Instant.parse(p.get("t").asText()).toEpochMilli()
                    - Instant.parse(before.get("t").asText()).toEpochMilli() == 1000) {
                double step = Math.hypot(p.get("x").asDouble() - before.get("x").asDouble(),
                        p.get("y").asDouble() - before.get("y").asDouble());
                fastest = Math.max(fastest, step);
            }
            rows++;
        }
        assertTrue(rows > 50_000, "position rows: " + rows);
        assertTrue(fastest <= 1.5 + 0.02, "fastest step per second: " + fastest + " m");
        assertTrue(fastest >= 1.2, "someone walks briskly: " + fastest + " m/s");
    }

    /** The walkable point within {@code r} of {@code p}, or {@code p} (for rounding at the floor's edge). */
    private static Point near(FloorPlan plan, Point p, double r) {
        for (int k = 0; k < 16; k++) {
            Point q = p.plus(r * Math.cos(k * Math.PI / 8), r * Math.sin(k * Math.PI / 8));
            if (plan.isWalkable(q)) return q;
        }
        return p;
    }

    @Test
    void recurringVisitorsComeBackOnLaterDaysWithTheirDevice(@TempDir Path dir) {
        Scenario days = TestRuns.smallMall(QUIET_RADIOS, """
                population:
                  arrivals.per.hour: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
                  recurring.share: 0.5
                  recurring.pool.size: 20
                devices: {wifi.share: 1, ble.share: 0, randomized.mac.share: 0.5}
                truth: {positions.interval.s: 0}
                """);
        TestRuns.runToFiles(days, 13, 3 * 86_400, dir);
        Map<String, List<String>> daysOf = new HashMap<>();
        Map<String, List<String>> macsOf = new HashMap<>();
        for (JsonNode v : TestRuns.jsonLines(dir.resolve("truth/visits.jsonl"))) {
            if (!v.get("kind").asText().equals("mall")) continue;
            String id = v.get("shopper").asText();
            daysOf.computeIfAbsent(id, k -> new ArrayList<>()).add(v.get("enter").asText().substring(0, 10));
            macsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(v.get("wifi_mac").asText());
        }
        Map<String, String[]> profiles = new HashMap<>();
        List<String> profileLines = TestRuns.lines(dir.resolve("truth/profiles.csv"));
        for (String line : profileLines.subList(1, profileLines.size())) {
            String[] f = line.split(",", -1);
            profiles.put(f[0], f);
        }
        int returning = 0;
        for (Map.Entry<String, List<String>> e : daysOf.entrySet()) {
            List<String> d = e.getValue();
            assertEquals(d.size(), d.stream().distinct().count(), e.getKey() + " came twice in a day: " + d);
            if (d.size() < 2) continue;
            returning++;
            String[] profile = profiles.get(e.getKey());
            assertEquals("true", profile[4], e.getKey() + " is recurring");
            List<String> macs = macsOf.get(e.getKey());
            if (!profile[6].isEmpty()) {
                assertTrue(macs.stream().allMatch(profile[6]::equals), "stable MAC " + profile[6] + ": " + macs);
            } else {
                assertEquals(macs.size(), macs.stream().distinct().count(), "a new MAC per visit: " + macs);
                assertTrue(macs.stream().allMatch(m -> (Integer.parseInt(m.substring(0, 2), 16) & 2) != 0),
                        "randomised MACs are locally administered: " + macs);
            }
        }
        assertTrue(returning >= 10, "recurring visitors seen on several days: " + returning);
    }
}
