package io.tributary.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static synchronized Run run(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = AgentMain.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void printsRecordsToStdoutAndErrorsToStderr(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("in.ndjson");
        Files.writeString(file, "{\"a\":1}\n{\"a\":\n{\"b\":\"x\"}\n");
        Run r = run("", "parse", "--format", "json", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("{\"a\":1}", "{\"b\":\"x\"}"), r.outLines());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("{\"code\":\"JSON_SYNTAX\",\"message\":"), r.err());
        assertTrue(r.errLines().get(0).contains("\"offset\":"), r.err());
    }

    @Test
    void readsStdinAndTakesFormatOptions() {
        Run r = run("id;v\nx;1.50\n", "parse", "-f", "csv", "-o", "delimiter=;", "-o", "types=v:decimal",
                "--typed", "-");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("{\"id\":\"x\",\"v\":{\"$decimal\":\"1.50\"}}"), r.outLines());
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() {
        Run unknownFormat = run("", "parse", "--format", "nope");
        assertEquals(2, unknownFormat.exit());
        assertTrue(unknownFormat.err().contains("unknown format 'nope'"), unknownFormat.err());
        assertTrue(unknownFormat.err().contains("json"), unknownFormat.err());

        Run badOption = run("", "parse", "--format", "csv", "-o", "delimter=;", "-o", "max.depth=0");
        assertEquals(2, badOption.exit());
        assertTrue(badOption.err().contains("delimter: unknown option"), badOption.err());
        assertTrue(badOption.err().contains("max.depth: invalid value '0'"), badOption.err());

        assertEquals(2, run("", "parse").exit());
        assertEquals(2, run("", "frobnicate").exit());
    }

    @Test
    void missingFileExitsWithOne() {
        Run r = run("", "parse", "--format", "json", "/no/such/file.json");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("No such file"), r.err());
    }

    @Test
    void helpListsEveryFormatAndItsOptions() {
        Run r = run("", "parse", "--help");
        assertEquals(0, r.exit());
        for (String format : List.of("json", "csv", "tsv", "xml", "text", "apache_log", "avro", "protobuf",
                "binary")) {
            assertTrue(r.out().contains("  " + format), "help lacks " + format + ":\n" + r.out());
        }
        for (String option : List.of("max.payload.bytes", "delimiter", "log.format", "descriptor.file")) {
            assertTrue(r.out().contains(option), "help lacks " + option);
        }
    }
}
