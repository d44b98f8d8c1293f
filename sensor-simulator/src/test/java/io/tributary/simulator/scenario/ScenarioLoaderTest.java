package io.tributary.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.config.ConfigException;
import io.tributary.formats.Formats;
import io.tributary.simulator.radio.RadioKind;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    final ScenarioLoader loader = new ScenarioLoader();

    @Test
    void bundledSmallMallLoads() {
        Scenario s = loader.loadBundled("small-mall");
        assertEquals("small-mall", s.name());
        assertEquals(8, s.sensors().size());
        assertEquals(List.of("mqtt", "http", "coap", "udp"), s.groups().stream().map(GroupSpec::transportType).toList());
        assertEquals(6, s.floorPlan().stores().size());
        assertEquals(5, s.faults().size());
        assertEquals(-59, s.radio().get(RadioKind.BLE).referencePowerDbm());
        assertEquals(200, s.tickMs());
    }

    @Test
    void bundledLargeMallLoads() {
        assumeTrue(Formats.all().stream().anyMatch(f -> f.name().equals("json")), "the json format is not built in yet");
        Scenario s = loader.loadBundled("large-mall");
        assertTrue(s.sensors().size() >= 60, "sensors: " + s.sensors().size());
        assertTrue(s.floorPlan().stores().size() >= 60);
    }

    @Test
    void overlaysMergeMapsAndReplaceLists() {
        Scenario s = loader.loadBundled("small-mall", "population: {dwell.median.s: 99}\nfaults: []");
        assertEquals(99, s.population().dwellMedianS());
        assertEquals(0.6, s.population().dwellSigma(), "sibling keys survive the merge");
        assertTrue(s.faults().isEmpty());
    }

    @Test
    void everyProblemIsReportedByKeyAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadBundled("small-mall", """
                tick.ms: 300
                colour: blue
                population: {dwell.sigma: -1}
                devices: {wifi.share: 1.5}
                radio: {wifi: {noise.sigma.db: fast}}
                faults:
                  - {type: dead_sensor, sensor: s-9, start.s: 10, end.s: 20}
                  - {type: melt, sensor: s-w1}
                  - {type: drifting_sensor, sensor: s-w1, start.s: 50, end.s: 40}
                  - {type: malformed_burst, group: nope, start.s: 1, end.s: 2}
                """));
        Map<String, String> byKey = e.problems().stream()
                .collect(Collectors.toMap(ConfigException.Problem::key, ConfigException.Problem::message, (a, b) -> a + "; " + b));
        assertTrue(byKey.get("tick.ms").contains("must divide 1000"), byKey.toString());
        assertTrue(byKey.get("colour").contains("unknown key; supported keys here are [name, mall.id, start"), byKey.get("colour"));
        assertTrue(byKey.containsKey("population.dwell.sigma"), byKey.toString());
        assertTrue(byKey.get("devices.wifi.share").contains("between 0 and 1"), byKey.toString());
        assertTrue(byKey.get("radio.wifi.noise.sigma.db").contains("not a number"), byKey.toString());
        assertTrue(byKey.get("faults[0].sensor").contains("unknown sensor 's-9'"), byKey.toString());
        assertTrue(byKey.get("faults[1].type").contains("unknown fault 'melt'"), byKey.toString());
        assertTrue(byKey.get("faults[2].end.s").contains("must not be before"), byKey.toString());
        assertTrue(byKey.get("faults[3].group").contains("unknown group 'nope'"), byKey.toString());
        assertTrue(e.problems().size() >= 9, e.getMessage());
        // Checks across keys run once each key is valid on its own.
        ConfigException speeds = assertThrows(ConfigException.class,
                () -> loader.loadBundled("small-mall", "population: {walking.speed.min.mps: 2}"));
        assertEquals("population.walking.speed.min.mps", speeds.problems().get(0).key());
        assertTrue(speeds.getMessage().contains("must not exceed walking.speed.max.mps"), speeds.getMessage());
    }

    @Test
    void groupProblemsNameTheGroupKeys() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadBundled("small-mall", """
                groups:
                  - name: a
                    sensors: [s-w1, s-w2, s-w3, s-w4, s-b1, s-b2, s-b3, s-nope]
                    transport: {type: mqtt, endpoint: "http://x:1", qos: 3}
                    format: {type: csv, delimiter: ";;"}
                  - name: b
                    sensors: [s-w1]
                    transport: {type: pigeon}
                    format: {type: yaml}
                  - name: c
                    sensors: [s-b4]
                    transport: {type: http, endpoint: "http://h/{room}", retries: 3}
                    format: {type: protobuf, framing: single}
                    readings.per.message: 5
                faults: []
                """));
        Map<String, String> byKey = e.problems().stream()
                .collect(Collectors.toMap(ConfigException.Problem::key, ConfigException.Problem::message, (a, b) -> a + "; " + b));
        assertTrue(byKey.get("groups[0].sensors").contains("unknown sensor 's-nope'"), byKey.toString());
        assertTrue(byKey.get("groups[0].transport.endpoint").contains("tcp://"), byKey.toString());
        assertTrue(byKey.get("groups[0].transport.qos").contains("between 0 and 2"), byKey.toString());
        assertTrue(byKey.containsKey("groups[0].format.delimiter"), byKey.toString());
        assertTrue(byKey.get("groups[1].sensors").contains("already in group 'a'"), byKey.toString());
        assertTrue(byKey.get("groups[1].transport.type").contains("unknown transport 'pigeon'"), byKey.toString());
        assertTrue(byKey.get("groups[1].format.type").contains("unknown format 'yaml'"), byKey.toString());
        assertTrue(byKey.get("groups[2].transport.endpoint").contains("unknown placeholder {room}"), byKey.toString());
        assertTrue(byKey.get("groups[2].transport.retries").contains("supported keys here are"), byKey.toString());
        assertTrue(byKey.get("groups[2].format.framing").contains("use delimited"), byKey.toString());
    }

    @Test
    void floorPlanProblemsNameTheStore() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.loadBundled("small-mall", """
                floorplan:
                  stores:
                    - {name: kiosk, polygon: [[70, 70], [72, 70], [72, 72]], door: [71, 70]}
                    - {name: kiosk, polygon: [[1, 1], [2, 1], [2, 2]], door: [1.5, 1]}
                    - {name: bad, polygon: [[1, 1], [2]], door: [1, 1]}
                """));
        List<String> keys = e.problems().stream().map(ConfigException.Problem::key).toList();
        assertTrue(keys.contains("floorplan.stores[1].name"), keys.toString());
        assertTrue(keys.contains("floorplan.stores[2].polygon[1]"), keys.toString());
    }

    @Test
    void plainYamlOnlyAndSyntaxErrorsWithTheirLine() {
        ConfigException tag = assertThrows(ConfigException.class,
                () -> loader.parse("name: !!javax.script.ScriptEngineManager [x]"));
        assertEquals("scenario", tag.problems().get(0).key());
        ConfigException syntax = assertThrows(ConfigException.class, () -> loader.parse("name: a\n  b: [\n"));
        assertTrue(syntax.getMessage().contains("line"), syntax.getMessage());
        ConfigException duplicate = assertThrows(ConfigException.class, () -> loader.parse("name: a\nname: b\n"));
        assertTrue(duplicate.getMessage().contains("duplicate"), duplicate.getMessage());
    }
}
