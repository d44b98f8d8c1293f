package io.tributary.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.simulator.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateMainTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return SimulateMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void checksABundledScenario() {
        assertEquals(0, run("--scenario", "small-mall", "--check"));
        assertTrue(out.toString().contains("Scenario 'small-mall' is valid: 8 sensors in 4 groups"), out.toString());
    }

    @Test
    void runsToFilesAndPrintsASummary(@TempDir Path dir) throws Exception {
        assertEquals(0, run("--scenario", "small-mall", "--duration", "2m", "--max-rate", "--transport", "file",
                "--seed", "5", "--quiet", "--out", dir.toString()), err.toString());
        assertTrue(out.toString().contains("Simulated 00:02:00 of 'small-mall' (seed 5"), out.toString());
        assertTrue(out.toString().contains("wifi-mqtt            file"), out.toString());
        assertTrue(Files.size(dir.resolve("truth/positions.jsonl")) > 0);
        assertTrue(Files.exists(dir.resolve("traffic/wifi-mqtt.bin")));
        assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"simulated_ms\" : 120000"));
    }

    @Test
    void scenarioFilesAndStartTimesFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, ScenarioLoader.bundledText("small-mall"));
        assertEquals(0, run("--scenario", file.toString(), "--duration", "10s", "--speed", "100", "--transport", "file",
                "--start", "2030-01-01T09:00:00Z", "--quiet", "--out", dir.resolve("o").toString()), err.toString());
        assertTrue(out.toString().contains("from 2030-01-01T09:00:00Z"), out.toString());
    }

    @Test
    void badArgumentsAndScenariosExitWith2(@TempDir Path dir) throws Exception {
        assertEquals(2, run("--scenario", "small-mall", "--duration", "5x"));
        assertTrue(err.toString().contains("invalid duration '5x'"), err.toString());
        assertEquals(2, run("--scenario", "small-mall", "--speed", "2", "--max-rate"));
        assertEquals(2, run("--scenario", "no-such-mall"));
        assertTrue(err.toString().contains("no bundled scenario 'no-such-mall'"), err.toString());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\ncolour: red\n");
        assertEquals(2, run("--scenario", bad.toString()));
        assertTrue(err.toString().contains("colour: unknown key"), err.toString());
        assertTrue(err.toString().contains("floorplan: is required"), err.toString());
        assertEquals(2, run("--scenario", "small-mall", "--transport", "mqtt"));
    }

    @Test
    void durationsAndClocks() {
        assertEquals(90_000, Durations.parse("90s").toMillis());
        assertEquals(900_000, Durations.parse("15m").toMillis());
        assertEquals(7_200_000, Durations.parse("2h").toMillis());
        assertEquals(86_400_000, Durations.parse("1d").toMillis());
        assertEquals(500, Durations.parse("500ms").toMillis());
        assertEquals(3_600_000, Durations.parse("PT1H").toMillis());
        assertEquals(30_000, Durations.parse("30").toMillis());
        assertEquals("01:02:03", Progress.clock(3_723_000));
        assertEquals("2d 00:00:05", Progress.clock(2 * 86_400_000 + 5000));
    }
}
