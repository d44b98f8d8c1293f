package io.tributary.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.simulator.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed gives byte-identical truth and payloads; another seed gives other ones. */
class DeterminismTest {
    @TempDir
    static Path tmp;
    static Scenario scenario;
    static TreeMap<String, byte[]> first;

    @BeforeAll
    static void firstRun() throws IOException {
        scenario = TestRuns.smallMall();
        TestRuns.runToFiles(scenario, 7, 900, tmp.resolve("a"));
        first = files(tmp.resolve("a"));
    }

    @Test
    void sameSeedGivesIdenticalTruthAndPayloads() throws IOException {
        TestRuns.runToFiles(scenario, 7, 900, tmp.resolve("b"));
        TreeMap<String, byte[]> second = files(tmp.resolve("b"));
        assertEquals(first.keySet(), second.keySet());
        for (String name : first.keySet()) assertArrayEquals(first.get(name), second.get(name), name);
        assertTrue(first.keySet().containsAll(List.of("truth/positions.jsonl", "truth/visits.jsonl",
                "truth/faults.jsonl", "truth/profiles.csv", "truth/floorplan.json", "traffic/wifi-mqtt.bin",
                "traffic/wifi-http.bin", "traffic/ble-coap.bin", "traffic/ble-udp.bin", "traffic/ble-udp.index.csv",
                "traffic/manifest.json")), first.keySet().toString());
        assertTrue(first.get("traffic/ble-coap.bin").length > 10_000, "the run produced traffic");
    }

    @Test
    void paceDoesNotChangeTheOutput() throws IOException {
        // 2 simulated minutes at 600x take 0.2 s of wall time; compare with the same minutes as fast as possible.
        TestRuns.run(scenario, new RunOptions(7, 120_000, 600, tmp.resolve("paced"), "file", null));
        TestRuns.runToFiles(scenario, 7, 120, tmp.resolve("fast"));
        TreeMap<String, byte[]> paced = files(tmp.resolve("paced"));
        TreeMap<String, byte[]> fast = files(tmp.resolve("fast"));
        assertEquals(fast.keySet(), paced.keySet());
        for (String name : fast.keySet()) assertArrayEquals(fast.get(name), paced.get(name), name);
    }

    @Test
    void anotherSeedGivesOtherTruthAndPayloads() throws IOException {
        TestRuns.runToFiles(scenario, 8, 900, tmp.resolve("c"));
        TreeMap<String, byte[]> other = files(tmp.resolve("c"));
        for (String name : List.of("truth/positions.jsonl", "truth/visits.jsonl", "traffic/wifi-mqtt.bin",
                "traffic/ble-coap.bin", "truth/profiles.csv")) {
            assertFalse(Arrays.equals(first.get(name), other.get(name)), name);
        }
        assertArrayEquals(first.get("truth/floorplan.json"), other.get("truth/floorplan.json"));
    }

    @Test
    void truthAsCsvHoldsTheSameRows() throws IOException {
        TestRuns.runToFiles(TestRuns.smallMall("truth: {format: csv}"), 7, 900, tmp.resolve("csv"));
        TreeMap<String, byte[]> csv = files(tmp.resolve("csv"));
        for (String table : List.of("positions", "visits", "faults")) {
            String text = new String(csv.get("truth/" + table + ".csv"), StandardCharsets.UTF_8);
            long jsonRows = new String(first.get("truth/" + table + ".jsonl"), StandardCharsets.UTF_8)
                    .lines().count();
            assertEquals(jsonRows + 1, text.lines().count(), table + ": header plus one line per row");
        }
        String positions = new String(csv.get("truth/positions.csv"), StandardCharsets.UTF_8);
        assertTrue(positions.startsWith("t,shopper,device,wifi_mac,ble_mac,x,y,zone\r\n"), positions.substring(0, 80));
        assertArrayEquals(first.get("traffic/ble-coap.bin"), csv.get("traffic/ble-coap.bin"), "payloads unchanged");
    }

    /** Every output file but the summary (which holds wall-clock figures), by relative path. */
    static TreeMap<String, byte[]> files(Path dir) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(p).toString();
                if (!name.equals("summary.json")) out.put(name, Files.readAllBytes(p));
            }
        }
        return out;
    }
}
