package io.tributary.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.formats.Formats;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.record.Record;
import io.tributary.simulator.scenario.GroupSpec;
import io.tributary.simulator.scenario.Scenario;
import io.tributary.simulator.scenario.ScenarioLoader;
import io.tributary.simulator.sensors.ReadingFormat;
import io.tributary.simulator.transport.TrafficFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs scenarios for tests and reads back what they wrote. */
public final class TestRuns {
    public static final ObjectMapper JSON = new ObjectMapper();

    private TestRuns() {
    }

    /** The bundled small mall with {@code overlays} merged over it. */
    public static Scenario smallMall(String... overlays) {
        return new ScenarioLoader().loadBundled("small-mall", overlays);
    }

    /** Runs {@code scenario} as fast as possible with every group writing files. */
    public static RunSummary runToFiles(Scenario scenario, long seed, long durationS, Path out) {
        return run(scenario, new RunOptions(seed, durationS * 1000, 0, out, "file", null));
    }

    public static RunSummary run(Scenario scenario, RunOptions options) {
        try {
            return new Simulation(scenario, options).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a JSON-lines truth table. */
    public static List<JsonNode> jsonLines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            List<JsonNode> out = new ArrayList<>();
            lines.forEach(l -> {
                try {
                    out.add(JSON.readTree(l));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a text file. */
    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One payload of a file run, parsed back with its group's format. */
    public record Payload(TrafficFile.Entry entry, byte[] bytes, List<Record> records, List<ParseError> errors) {
    }

    /** Every payload a group wrote in a file run under {@code out}, parsed. */
    public static List<Payload> payloads(Scenario scenario, String group, Path out) {
        GroupSpec spec = scenario.groups().stream().filter(g -> g.name().equals(group)).findFirst().orElseThrow();
        Parser parser = Formats.parser(spec.formatType(), ReadingFormat.withDefaults(spec.formatType(),
                spec.formatOptions(), out.resolve("traffic").resolve(ReadingFormat.DESCRIPTOR_FILE)));
        try {
            List<byte[]> bytes = TrafficFile.payloads(out.resolve("traffic").resolve(group + ".bin"));
            List<TrafficFile.Entry> index = TrafficFile.index(out.resolve("traffic").resolve(group + ".index.csv"));
            List<Payload> result = new ArrayList<>();
            for (int i = 0; i < bytes.size(); i++) {
                List<Record> records = new ArrayList<>();
                List<ParseError> errors = new ArrayList<>();
                parser.parse(bytes.get(i), new RecordSink() {
                    @Override
                    public void record(Record record) {
                        records.add(record);
                    }

                    @Override
                    public void error(ParseError error) {
                        errors.add(error);
                    }
                });
                result.add(new Payload(index.get(i), bytes.get(i), records, errors));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
