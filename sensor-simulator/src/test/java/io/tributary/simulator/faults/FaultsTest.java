package io.tributary.simulator.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.record.Record;
import io.tributary.simulator.TestRuns;
import io.tributary.simulator.TestRuns.Payload;
import io.tributary.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled faults show up in the payloads (parsed back with each group's format) and in the truth, compared
 * with a run of the same seed without faults: the streams of sensors and shoppers do not depend on the faults,
 * so up to the teleport both runs hear exactly the same emissions.
 */
class FaultsTest {
    static final String BUSY = """
            start: 2026-11-23T12:00:00Z
            population: {arrivals.per.hour: 1200}
            devices: {ble.share: 1.0}
            """;
    static final String FAULTS = """
            faults:
              - {type: dead_sensor, sensor: s-w1, start.s: 120, end.s: 240}
              - {type: stuck_sensor, sensor: s-b1, start.s: 120, end.s: 240, rssi.dbm: -50}
              - {type: drifting_sensor, sensor: s-w2, start.s: 60, end.s: 300, drift.db.per.min: 6}
              - {type: malformed_burst, group: ble-udp, start.s: 200, end.s: 220, kinds: [invalid_utf8]}
              - {type: teleport, at.s: 250, min.distance.m: 25}
            """;

    @TempDir
    static Path tmp;
    static Scenario base;
    static Scenario faulty;
    static long start;

    @BeforeAll
    static void run() {
        base = TestRuns.smallMall(BUSY, "faults: []");
        faulty = TestRuns.smallMall(BUSY, FAULTS);
        TestRuns.runToFiles(base, 21, 300, tmp.resolve("base"));
        TestRuns.runToFiles(faulty, 21, 300, tmp.resolve("faulty"));
        start = faulty.start().toEpochMilli();
    }

    /** Readings by "sensor device epochMs" (the first, if a device is heard twice in one millisecond). */
    static Map<String, Record> readings(Scenario scenario, Path out) {
        Map<String, Record> all = new HashMap<>();
        for (String group : List.of("wifi-mqtt", "wifi-http", "ble-coap", "ble-udp")) {
            for (Payload p : TestRuns.payloads(scenario, group, out)) {
                for (Record r : p.records()) {
                    all.putIfAbsent(r.field("sensor_id") + " " + r.field("device") + " " + millis(r), r);
                }
            }
        }
        return all;
    }

    static long millis(Record r) {
        Object ts = r.field("ts");
        return ts instanceof Instant i ? i.toEpochMilli() : Instant.parse((String) ts).toEpochMilli();
    }

    static long rssi(Record r) {
        Object v = r.field("rssi");
        return v instanceof Long l ? l : Long.parseLong((String) v);
    }

    static List<Record> of(Map<String, Record> readings, String sensor, long fromS, long toS) {
        List<Record> out = new ArrayList<>();
        for (Record r : readings.values()) {
            long t = millis(r) - start;
            if (r.field("sensor_id").equals(sensor) && t >= fromS * 1000 && t < toS * 1000) out.add(r);
        }
        return out;
    }

    @Test
    void deadAndStuckSensorsAndDriftShowInTheReadings() {
        Map<String, Record> before = readings(base, tmp.resolve("base"));
        Map<String, Record> after = readings(faulty, tmp.resolve("faulty"));

        assertFalse(of(before, "s-w1", 120, 240).isEmpty(), "s-w1 hears devices without the fault");
        assertTrue(of(after, "s-w1", 120, 240).isEmpty(), "a dead sensor sends nothing");
        assertFalse(of(after, "s-w1", 240, 250).isEmpty() && of(after, "s-w1", 0, 120).isEmpty(), "alive around it");

        List<Record> stuck = of(after, "s-b1", 120, 240);
        assertTrue(stuck.size() > 20, "stuck readings: " + stuck.size());
        assertTrue(stuck.stream().allMatch(r -> rssi(r) == -50), "a stuck sensor reports one RSSI");
        assertTrue(of(before, "s-b1", 120, 240).stream().map(FaultsTest::rssi).distinct().count() > 5);

        int compared = 0;
        for (Map.Entry<String, Record> e : before.entrySet()) {
            Record faultyReading = after.get(e.getKey());
            long t = millis(e.getValue()) - start;
            if (faultyReading == null || t >= 250_000) continue;
            String sensor = (String) e.getValue().field("sensor_id");
            long diff = rssi(faultyReading) - rssi(e.getValue());
            if (sensor.equals("s-w2") && t >= 60_000) {
                double drift = 6 * (t - 60_000) / 60_000.0;
                assertTrue(Math.abs(diff - drift) <= 1, "drift at " + t + " ms: " + diff + " vs " + drift);
                compared++;
            } else if (!(sensor.equals("s-b1") && t >= 120_000 && t < 240_000)) {
                assertEquals(0, diff, "an unaffected reading changed: " + e.getKey());
            }
        }
        assertTrue(compared > 30, "drifting readings compared: " + compared);
    }

    @Test
    void malformedBurstCorruptsExactlyThePayloadsInItsWindow() {
        int corrupted = 0;
        for (String group : List.of("wifi-mqtt", "wifi-http", "ble-coap", "ble-udp")) {
            for (Payload p : TestRuns.payloads(faulty, group, tmp.resolve("faulty"))) {
                long t = p.entry().epochMs() - start;
                boolean inBurst = group.equals("ble-udp") && t >= 200_000 && t < 220_000;
                assertEquals(inBurst, p.entry().malformed(), "index flag of " + p.entry());
                assertEquals(inBurst, !p.errors().isEmpty(), group + " payload at " + t + ": " + p.errors());
                if (inBurst) {
                    corrupted++;
                    assertEquals("INVALID_UTF8", p.errors().get(0).code());
                }
            }
        }
        assertTrue(corrupted > 10, "corrupted payloads: " + corrupted);
    }

    @Test
    void teleportShowsInTheTruthPositions() {
        List<JsonNode> faults = TestRuns.jsonLines(tmp.resolve("faulty/truth/faults.jsonl"));
        JsonNode teleport = faults.stream().filter(f -> f.get("fault").asText().equals("teleport")).findFirst()
                .orElseThrow();
        String shopper = teleport.get("target").asText();
        assertTrue(shopper.startsWith("p-"), teleport.toString());
        long at = Instant.parse(teleport.get("start").asText()).toEpochMilli();
        assertEquals(start + 250_000, at);
        double jump = 0;
        JsonNode previous = null;
        StringBuilder track = new StringBuilder();
        for (JsonNode p : TestRuns.jsonLines(tmp.resolve("faulty/truth/positions.jsonl"))) {
            if (!p.get("shopper").asText().equals(shopper)) continue;
            if (Math.abs(Instant.parse(p.get("t").asText()).toEpochMilli() - at) <= 3000) track.append(p).append('\n');
            if (previous != null) {
                jump = Math.max(jump, Math.hypot(p.get("x").asDouble() - previous.get("x").asDouble(),
                        p.get("y").asDouble() - previous.get("y").asDouble()));
            }
            previous = p;
        }
        double distance = Double.parseDouble(teleport.get("detail").asText().replaceAll(".*distance_m=", ""));
        assertTrue(distance >= 25, teleport.toString());
        // Within the second of the jump the shopper walks on, at most 1.5 m.
        assertTrue(jump >= distance - 1.6, "largest step of " + shopper + ": " + jump + " m; " + teleport + "\n" + track);
    }

    @Test
    void faultsAreListedInTheTruthWithStartAndEnd() {
        List<JsonNode> faults = TestRuns.jsonLines(tmp.resolve("faulty/truth/faults.jsonl"));
        assertEquals(List.of("dead_sensor", "stuck_sensor", "drifting_sensor", "malformed_burst", "teleport"),
                faults.stream().map(f -> f.get("fault").asText()).toList());
        JsonNode dead = faults.get(0);
        assertEquals("s-w1", dead.get("target").asText());
        assertEquals(Instant.ofEpochMilli(start + 120_000).toString(), dead.get("start").asText());
        assertEquals(Instant.ofEpochMilli(start + 240_000).toString(), dead.get("end").asText());
        assertTrue(faults.get(3).get("detail").asText().matches(".*corrupted=[1-9][0-9]*.*"), faults.get(3).toString());
    }
}
