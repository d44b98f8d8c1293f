package io.tributary.formats.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.formats.CollectingSink;
import io.tributary.formats.Formats;
import io.tributary.formats.Writer;
import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextWriterTest {
    private static Record line(String field, Object value) {
        return new Record().put(field, value);
    }

    @Test
    void writeThenParseGivesTheSameRecords() {
        Map<String, String> options = Map.of("field", "msg", "skip.empty.lines", "false");
        List<Record> records = List.of(line("msg", "first"), line("msg", ""), line("msg", "  spaced \t "),
                line("msg", "caf\u00e9 \u2713 \uD83D\uDE00"), line("msg", "inner\rcr"));
        byte[] written = Formats.writer("text", options).toBytes(records);
        CollectingSink sink = CollectingSink.parse(Formats.parser("text", options), written);
        assertEquals(List.of(), sink.errors);
        assertEquals(records, sink.records);
    }

    @Test
    void writesTheFieldValuePerLineAndIgnoresOtherFields() {
        Record record = new Record().put("other", "x").put("line", "hello");
        List<Record> records = List.of(record, line("line", 42L), line("line", Instant.parse("2024-01-01T00:00:00Z")));
        byte[] written = Formats.writer("text", Map.of()).toBytes(records);
        assertEquals("hello\n42\n2024-01-01T00:00:00Z\n", new String(written, StandardCharsets.UTF_8));
    }

    @Test
    void aValueWithALineFeedIsRejectedNamingTheFieldAndNothingIsWritten() {
        Writer writer = Formats.writer("text", Map.of("field", "body"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.write(List.of(line("body", "ok"), line("body", "two\nlines")), out));
        assertTrue(e.getMessage().contains("'body'"), e.getMessage());
        assertArrayEquals(new byte[0], out.toByteArray());
    }

    @Test
    void valuesThatCannotBeOneLineAreRejectedNamingTheField() {
        Writer writer = Formats.writer("text", Map.of());
        for (Record bad : List.of(line("line", "ends with cr\r"), new Record().put("other", "x"),
                line("line", null), line("line", new byte[] {1}), line("line", List.of("a")))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> writer.toBytes(List.of(bad)), bad.toString());
            assertTrue(e.getMessage().contains("'line'"), e.getMessage());
        }
    }
}
