package io.tributary.formats.delimited;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.formats.CollectingSink;
import io.tributary.formats.Formats;
import io.tributary.formats.Writer;
import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DelimitedWriterTest {
    private static Record record(Object... namesAndValues) {
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Record.of(fields);
    }

    private static String write(String format, Map<String, String> options, Record... records) {
        return new String(Formats.writer(format, options).toBytes(List.of(records)), StandardCharsets.UTF_8);
    }

    @Test
    void csvWritesRfc4180WithCrlfAndQuotesOnlyWhereNeeded() {
        String out = write("csv", Map.of(),
                record("id", 1L, "name", "a,b", "note", "say \"hi\"", "at", Instant.parse("2024-05-01T12:00:00Z")),
                record("id", 2L, "name", "plain", "note", "two\nlines", "at", null));
        assertEquals("id,name,note,at\r\n1,\"a,b\",\"say \"\"hi\"\"\",2024-05-01T12:00:00Z\r\n"
                + "2,plain,\"two\nlines\",\r\n", out);
    }

    @Test
    void tsvWritesLfAndNoQuotes() {
        String out = write("tsv", Map.of(), record("id", 1L, "name", "a,b \"c\"", "price", new BigDecimal("1E-7")));
        assertEquals("id\tname\tprice\n1\ta,b \"c\"\t0.0000001\n", out);
    }

    @Test
    void declaredColumnsGiveOrderAndHeaderEvenWithoutRecords() {
        assertEquals("b,a\r\n", write("csv", Map.of("columns", "b,a")));
        assertEquals("b,a\r\n2,1\r\n,3\r\n", write("csv", Map.of("columns", "b,a"),
                record("a", "1", "b", "2"), record("a", "3")));
        assertEquals("2,1\n", write("csv", Map.of("columns", "b,a", "header.line", "false", "line.ending", "lf"),
                record("a", 1L, "b", 2L)));
        assertEquals("", write("csv", Map.of()));
    }

    @Test
    void missingFieldIsWrittenAsNullValue() {
        String out = write("csv", Map.of("null.value", "NULL"), record("a", "x", "b", "NULL"), record("a", "y"));
        assertEquals("a,b\r\nx,\"NULL\"\r\ny,NULL\r\n", out);
        CollectingSink back = CollectingSink.parse(Formats.parser("csv", Map.of("null.value", "NULL")),
                out.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(record("a", "x", "b", "NULL"), record("a", "y", "b", null)), back.records);
    }

    @Test
    void nestedValuesAreRejectedNamingTheFieldAndNothingIsWritten() {
        assertRejected("csv", Map.of(), "reading", record("id", 1L, "reading", Map.of("rssi", -60L)));
        assertRejected("csv", Map.of(), "tags", record("id", 1L, "tags", List.of("a", "b")));
        assertRejected("tsv", Map.of(), "readings", record("id", 1L), record("id", 2L, "readings", List.of(1L)));
    }

    @Test
    void fieldsOutsideTheColumnsAreRejected() {
        assertRejected("csv", Map.of(), "extra", record("id", 1L), record("id", 2L, "extra", "x"));
        assertRejected("csv", Map.of("columns", "id"), "other", record("id", 1L, "other", 2L));
    }

    @Test
    void valuesOfAnotherClassThanTheDeclaredTypeAreRejected() {
        assertRejected("csv", Map.of("types", "n:long"), "n", record("n", "12"));
        assertRejected("csv", Map.of("types", "d:decimal"), "d", record("d", 1.5));
    }

    @Test
    void textThatCannotBeReadBackIsRejected() {
        assertRejected("tsv", Map.of(), "name", record("id", 1L, "name", "a\tb"));
        assertRejected("tsv", Map.of(), "name", record("id", 1L, "name", "two\nlines"));
        assertRejected("tsv", Map.of("null.value", "\\N"), "name", record("id", 1L, "name", "\\N"));
        assertRejected("tsv", Map.of("escape", "\\", "null.value", ""), "name", record("id", 1L, "name", ""));
        assertRejected("tsv", Map.of("escape", "\\"), "only", record("only", ""));
        assertRejected("csv", Map.of("null.value", ""), "only", record("only", null));
        assertRejected("csv", Map.of("null.value", "#", "comment", "#"), "a", record("a", null, "b", 1L));
    }

    @Test
    void singleEmptyColumnIsQuotedSoItIsNotAnEmptyLine() {
        String out = write("csv", Map.of(), record("only", ""), record("only", "x"));
        assertEquals("only\r\n\"\"\r\nx\r\n", out);
    }

    private static void assertRejected(String format, Map<String, String> options, String field, Record... records) {
        Writer writer = Formats.writer(format, options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.write(List.of(records), out));
        assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
        assertEquals(0, out.size(), "nothing is written");
    }
}
