package io.tributary.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.formats.json.RecordJson;
import io.tributary.record.Record;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One golden case folder, read by {@link ParserContractKit}; adding a case needs no code:
 * <ul>
 *   <li>{@code input} or {@code input.<ext>}: the payload, as bytes;
 *   <li>{@code options.properties} (optional): format options; {@code ${dir}} in a value is the case folder;
 *   <li>{@code expected.jsonl} (optional, absent = no records): one record per line in typed rendering
 *       ({@link RecordJson});
 *   <li>{@code expected.err} (optional, absent = no errors): one error per line, {@code CODE} or
 *       {@code CODE@offset}.
 * </ul>
 */
record GoldenCase(String format, Path dir) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = new JsonFactory();

    static List<GoldenCase> under(Path root) throws IOException {
        String format = root.getFileName().toString();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().map(d -> new GoldenCase(format, d)).toList();
        }
    }

    String name() {
        return format + "/" + dir.getFileName();
    }

    void check() throws IOException {
        Parser parser = Formats.parser(format, options());
        CollectingSink sink = ParserContractKit.parseSafely(parser, Files.readAllBytes(input()), name());
        assertEquals(expectedRecords(), sink.records.stream().map(GoldenCase::render).toList(),
                name() + ": records");
        List<String> errors = new ArrayList<>();
        List<String> expectedErrors = lines("expected.err");
        for (int i = 0; i < sink.errors.size(); i++) {
            ParseError e = sink.errors.get(i);
            boolean withOffset = i < expectedErrors.size() && expectedErrors.get(i).contains("@");
            errors.add(withOffset ? e.code() + "@" + e.offset() : e.code());
        }
        assertEquals(expectedErrors, errors, name() + ": errors " + sink.errors);
    }

    private Path input() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("input(\\..+)?")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name() + " has no input file"));
        }
    }

    private Map<String, String> options() throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        Path file = dir.resolve("options.properties");
        if (!Files.exists(file)) return options;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        for (String key : p.stringPropertyNames()) {
            options.put(key, p.getProperty(key).replace("${dir}", dir.toAbsolutePath().toString()));
        }
        return options;
    }

    private List<String> expectedRecords() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : lines("expected.jsonl")) out.add(MAPPER.readTree(line).toString());
        return out;
    }

    private List<String> lines(String file) throws IOException {
        Path path = dir.resolve(file);
        if (!Files.exists(path)) return List.of();
        return Files.readAllLines(path, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    static String render(Record record) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            RecordJson.write(record, gen, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            return MAPPER.readTree(out.toString()).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
