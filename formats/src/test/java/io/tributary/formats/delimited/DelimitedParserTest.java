package io.tributary.formats.delimited;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.formats.CollectingSink;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Formats;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.record.Record;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What golden files cannot show: messages, line numbers, and a user's own dialect. */
class DelimitedParserTest {
    private static CollectingSink parse(String format, Map<String, String> options, String input) {
        return CollectingSink.parse(Formats.parser(format, options), input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void typeErrorNamesRowLineColumnValueAndType() {
        CollectingSink sink = parse("csv", Map.of("types", "n:long"), "id,n\n\"a\nb\",1\nc,twelve\nd,4\n");
        assertEquals(2, sink.records.size());
        ParseError error = sink.errors.get(0);
        assertEquals(ErrorCode.CSV_TYPE, error.code());
        assertEquals("Row 2 (line 4), column 'n': 'twelve' is not an integer (declared long)", error.message());
    }

    @Test
    void columnCountErrorNamesRowAndExpectedColumns() {
        CollectingSink sink = parse("csv", Map.of(), "a,b\r\n1\r\n2,3\r\n");
        assertEquals("Row 1 (line 2) has 1 fields, expected 2 [a, b]", sink.errors.get(0).message());
        assertEquals(List.of(Record.of(Map.of("a", "2", "b", "3"))), sink.records);
    }

    @Test
    void syntaxErrorSaysWhatIsWrong() {
        CollectingSink sink = parse("csv", Map.of(), "a\n\"open\n");
        assertEquals("Row 1 (line 2): unterminated quoted field", sink.errors.get(0).message());
        sink = parse("csv", Map.of(), "a\n\"x\"!\n");
        assertTrue(sink.errors.get(0).message().contains("after the closing quote"), sink.errors.toString());
    }

    @Test
    void longValuesAreShortenedInMessages() {
        CollectingSink sink = parse("csv", Map.of("types", "n:double"), "n\n" + "9".repeat(100) + "x\n");
        String message = sink.errors.get(0).message();
        assertTrue(message.contains("'" + "9".repeat(60) + "...'") && message.length() < 150, message);
    }

    @Test
    void rowsAreRecordsInInputOrderInterleavedWithErrors() {
        CollectingSink sink = parse("csv", Map.of(), "a,b\n1,2\nbad\n3,4\n");
        assertEquals(3, sink.events.size());
        assertTrue(sink.events.get(0) instanceof Record);
        assertTrue(sink.events.get(1) instanceof ParseError);
        assertTrue(sink.events.get(2) instanceof Record);
    }

    @Test
    void aUserDialectIsAPresetSubclass() {
        DelimitedFormat psv = new DelimitedFormat("psv", "Pipe-separated values", '|', "none", "lf") {
        };
        Parser parser = psv.parser(Formats.settings(psv, Map.of("types", "n:long")));
        CollectingSink sink = CollectingSink.parse(parser, "s|n\na,b|7\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), sink.errors);
        assertEquals(List.of(Record.of(Map.of("s", "a,b", "n", 7L))), sink.records);
        byte[] written = psv.writer(Formats.settings(psv, Map.of())).toBytes(sink.records);
        assertEquals("s|n\na,b|7\n", new String(written, StandardCharsets.UTF_8));
    }

    @Test
    void randomTextNeverThrowsWithAnyDialectFeature() {
        byte[] alphabet = {',', ';', '"', '\'', '\\', '#', '\n', '\r', '\t', ' ', 'a', 'N', '1', '.', (byte) 0xC3,
                (byte) 0xA9, (byte) 0xFF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<Map<String, String>> dialects = List.of(
                Map.of("escape", "\\", "trim", "true", "comment", "#", "null.value", "N", "types", "b:long"),
                Map.of("header.line", "false", "columns", "a,b", "skip.empty.lines", "false", "null.value", ""),
                Map.of("delimiter", ";", "quote", "'", "escape", "\\", "types", "a:double,b:decimal"),
                Map.of("quote", "none", "trim", "true", "types", "a:timestamp,b:bytes", "max.record.bytes", "12"));
        Random random = new Random(11);
        for (Map<String, String> options : dialects) {
            Parser parser = Formats.parser("csv", options);
            for (int round = 0; round < 5_000; round++) {
                byte[] input = new byte[random.nextInt(60)];
                for (int i = 0; i < input.length; i++) input[i] = alphabet[random.nextInt(alphabet.length)];
                CollectingSink sink = new CollectingSink();
                try {
                    parser.parse(input, sink);
                } catch (RuntimeException e) {
                    throw new AssertionError(options + " threw on " + Arrays.toString(input), e);
                }
                for (ParseError e : sink.errors) {
                    assertTrue(e.offset() >= 0 && e.offset() <= input.length, e + " in " + Arrays.toString(input));
                }
                for (Record r : sink.records) {
                    if (options.containsKey("columns")) {
                        assertEquals(List.of("a", "b"), List.copyOf(r.fields().keySet()));
                    }
                }
            }
        }
    }

    @Test
    void manyFieldsOverTheLimitAreCountedNotKept() {
        String row = "x,".repeat(200_000) + "x";
        CollectingSink sink = parse("csv", Map.of("max.fields", "10", "header.line", "false", "columns", "a"),
                row + "\nok\n");
        assertEquals(List.of(ErrorCode.MAX_FIELDS_EXCEEDED), sink.errorCodes());
        assertTrue(sink.errors.get(0).message().contains("200001 fields"), sink.errors.get(0).message());
        assertEquals(List.of(Record.of(Map.of("a", "ok"))), sink.records);
    }
}
