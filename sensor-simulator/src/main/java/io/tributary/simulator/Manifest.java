package io.tributary.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.config.Settings;
import io.tributary.simulator.scenario.GroupSpec;
import io.tributary.simulator.scenario.Scenario;
import io.tributary.simulator.sensors.ReadingFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code traffic/manifest.json} (version 1), written when any group writes files: per group its files, framing,
 * the format with the settings the payloads were written with, and the transport and target the traffic was
 * meant for, so it can be parsed and replayed later. Paths are relative to the run's output directory.
 */
final class Manifest {
    static final int VERSION = 1;

    private record Entry(GroupSpec spec, String transport, Settings settings, String target) {
    }

    private final Scenario scenario;
    private final long seed;
    private final long startEpochMs;
    private final List<Entry> entries = new ArrayList<>();

    Manifest(Scenario scenario, long seed, long startEpochMs) {
        this.scenario = scenario;
        this.seed = seed;
        this.startEpochMs = startEpochMs;
    }

    void group(GroupSpec spec, String transport, Settings settings, String target) {
        entries.add(new Entry(spec, transport, settings, target));
    }

    void write(Path traffic, long simulatedMs) throws IOException {
        if (entries.stream().noneMatch(e -> e.transport.equals("file"))) return;
        Files.createDirectories(traffic);
        try (OutputStream out = Files.newOutputStream(traffic.resolve("manifest.json"));
                JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", VERSION);
            g.writeStringField("scenario", scenario.name());
            g.writeNumberField("seed", seed);
            g.writeStringField("start", Instant.ofEpochMilli(startEpochMs).toString());
            g.writeNumberField("duration_ms", simulatedMs);
            g.writeArrayFieldStart("groups");
            for (Entry e : entries) {
                if (!e.transport.equals("file")) continue;
                boolean lines = "newline".equals(e.settings.given().get("framing"));
                String dir = String.valueOf(e.settings.given().getOrDefault("directory", "traffic"));
                g.writeStartObject();
                g.writeStringField("name", e.spec.name());
                g.writeStringField("payloads", dir + "/" + e.spec.name() + (lines ? ".lines" : ".bin"));
                g.writeStringField("index", dir + "/" + e.spec.name() + ".index.csv");
                g.writeStringField("framing", lines ? "newline" : "length_prefixed");
                g.writeObjectFieldStart("format");
                g.writeStringField("type", e.spec.formatType());
                Map<String, Object> options = ReadingFormat.withDefaults(e.spec.formatType(), e.spec.formatOptions(),
                        Path.of("traffic", ReadingFormat.DESCRIPTOR_FILE));
                for (Map.Entry<String, Object> o : options.entrySet()) {
                    g.writeFieldName(o.getKey());
                    value(g, o.getValue());
                }
                g.writeEndObject();
                g.writeStringField("intended_transport", e.spec.transportType());
                g.writeStringField("intended_target", e.target);
                g.writeNumberField("readings_per_message", e.spec.readingsPerMessage());
                g.writeNumberField("report_interval_ms", e.spec.reportIntervalMs());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object item : l) value(g, item);
            g.writeEndArray();
        } else if (v instanceof Number || v instanceof Boolean) {
            g.writeRawValue(String.valueOf(v));
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
