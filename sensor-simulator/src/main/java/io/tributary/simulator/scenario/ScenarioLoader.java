package io.tributary.simulator.scenario;

import io.tributary.config.ConfigException;
import io.tributary.config.ConfigException.Problem;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import io.tributary.config.YamlLoader;
import io.tributary.simulator.mall.FloorPlan;
import io.tributary.simulator.radio.RadioKind;
import io.tributary.simulator.radio.RadioProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario YAML file into a validated {@link Scenario}. Only plain data is constructed (SnakeYAML's
 * {@link SafeConstructor}); duplicate keys are errors. Every problem is collected under its key (unknown keys list
 * the supported ones) and reported together in one {@link ConfigException}.
 *
 * <p>Overlays (further YAML documents) are merged over the file before validation: maps key by key, anything
 * else replaced. Tests use them to vary a bundled scenario. Thread-safe.
 */
public final class ScenarioLoader {
    static final Option<String> NAME = Option.string("name", "scenario", "Name of the scenario, for reports.");
    static final Option<String> MALL_ID = Option.string("mall.id", "m1", "The mall's id, sent in every reading.");
    static final Option<String> START = Option.string("start", "2026-11-23T08:00:00Z",
            "Simulated start time (ISO-8601 instant); readings and truth carry simulated time.")
            .validate(ScenarioLoader::instant);
    static final Option<String> TIMEZONE = Option.string("timezone", "UTC",
            "Time zone of the hourly arrival profile (population.arrivals.per.hour).")
            .validate(ScenarioLoader::zone);
    static final Option<Long> DURATION_S = Option.longValue("duration.s", 3600, 1, 366L * 86400,
            "Default run length in simulated seconds (--duration overrides).");
    static final Option<Integer> TICK_MS = Option.intValue("tick.ms", 200, 10, 1000,
            "Simulation step in milliseconds; must divide 1000.").validate(t -> 1000 % t == 0 ? null : "must divide 1000");
    static final Option<Long> SEED = Option.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE,
            "Default seed (--seed overrides).");
    static final Option<String> TRUTH_FORMAT = Option.choice("format", "jsonl",
            "Format of the truth tables: 'jsonl' (JSON lines) or 'csv'.", "jsonl", "csv");
    static final Option<Integer> TRUTH_POSITIONS = Option.intValue("positions.interval.s", 1, 0, 3600,
            "Seconds between the position rows of each device; 0 writes no positions.");

    private static final OptionSet TOP = OptionSet.of(NAME, MALL_ID, START, TIMEZONE, DURATION_S, TICK_MS, SEED);
    private static final String[] SECTIONS = {"floorplan", "sensors", "radio", "population", "devices", "groups",
        "faults", "truth"};

    /** Loads {@code file}, with {@code overlays} (YAML text) merged over it in order. */
    public Scenario load(Path file, String... overlays) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("scenario", "cannot read " + file + ": " + e);
        }
        return parse(text, overlays);
    }

    /** Loads a scenario bundled under {@code scenarios/} on the class path ({@code small-mall}, {@code large-mall}). */
    public Scenario loadBundled(String name, String... overlays) {
        return parse(bundledText(name), overlays);
    }

    /** The text of a bundled scenario. */
    public static String bundledText(String name) {
        String resource = "/scenarios/" + (name.endsWith(".yaml") ? name : name + ".yaml");
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource)) {
            if (in == null) throw new ConfigException("scenario", "no bundled scenario '" + name + "'");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("scenario", "cannot read bundled scenario " + name + ": " + e);
        }
    }

    /** Parses scenario YAML text, with overlays merged over it. */
    public Scenario parse(String text, String... overlays) {
        Map<String, Object> doc = new YamlLoader().parse(text, "scenario");
        for (int i = 0; i < overlays.length; i++) doc = merge(doc, new YamlLoader().parse(overlays[i], "overlay[" + i + "]"));
        List<Problem> problems = new ArrayList<>();
        Scenario scenario = read(Section.root(doc, problems), problems);
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return scenario;
    }

    private static Scenario read(Section root, List<Problem> problems) {
        Settings top = root.settingsExcept(TOP, SECTIONS);
        FloorPlan plan = PlanReader.read(root.child("floorplan", true));
        List<SensorSpec> sensors = SensorReader.sensors(root.list("sensors", true), plan);
        Map<RadioKind, RadioProfile> radio = SensorReader.radio(root.childOrEmpty("radio"));
        PopulationSpec population = PeopleReader.population(root.childOrEmpty("population"), plan);
        DeviceSpec devices = PeopleReader.devices(root.childOrEmpty("devices"));
        List<GroupSpec> groups = GroupReader.groups(root.list("groups", true), sensors);
        Section truthNode = root.childOrEmpty("truth");
        Settings truth = truthNode.settingsExcept(OptionSet.of(TRUTH_FORMAT, TRUTH_POSITIONS));
        List<FaultSpec> faults = FaultReader.faults(root.list("faults", false), sensors, groups);
        if (plan != null && problems.isEmpty()) problems.addAll(plan.check());
        if (!problems.isEmpty() || top == null || truth == null) return null;
        return new Scenario(top.get(NAME), top.get(MALL_ID), Instant.parse(top.get(START)), ZoneId.of(top.get(TIMEZONE)),
                top.get(DURATION_S) * 1000, top.get(TICK_MS), top.get(SEED), plan, sensors, radio, population, devices,
                groups, faults, new TruthSpec(truth.get(TRUTH_FORMAT), truth.get(TRUTH_POSITIONS)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : overlay.entrySet()) {
            Object old = out.get(e.getKey());
            if (old instanceof Map && e.getValue() instanceof Map) {
                out.put(e.getKey(), merge((Map<String, Object>) old, (Map<String, Object>) e.getValue()));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static String instant(String v) {
        try {
            Instant.parse(v);
            return null;
        } catch (DateTimeParseException e) {
            return "is not an ISO-8601 instant such as 2026-11-23T08:00:00Z";
        }
    }

    private static String zone(String v) {
        try {
            ZoneId.of(v);
            return null;
        } catch (DateTimeException e) {
            return "is not a time zone id such as UTC or Europe/Berlin";
        }
    }
}
