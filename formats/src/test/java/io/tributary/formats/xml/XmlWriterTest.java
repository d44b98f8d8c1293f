package io.tributary.formats.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.config.ConfigException;
import io.tributary.formats.CollectingSink;
import io.tributary.formats.Formats;
import io.tributary.formats.Writer;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlWriterTest {
    private static List<Map<String, Object>> roundTrip(Map<String, String> options, List<Record> records) {
        byte[] xml = Formats.writer("xml", options).toBytes(records);
        CollectingSink sink = CollectingSink.parse(Formats.parser("xml", options), xml);
        assertEquals(List.of(), sink.errors, new String(xml, StandardCharsets.UTF_8));
        return sink.records.stream().map(Record::fields).toList();
    }

    private static Record record(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return Record.of(fields);
    }

    @Test
    void writesTheDocumentShape() {
        byte[] xml = Formats.writer("xml", Map.of("record.element", "reading"))
                .toBytes(List.of(record("@id", "1", "v", "a<b"), record()));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records>\n<reading id=\"1\"><v>a&lt;b</v></reading>\n"
                + "<reading/>\n</records>\n", new String(xml, StandardCharsets.UTF_8));
    }

    @Test
    void stringRecordsRoundTrip() {
        Map<String, String> options = Map.of("record.element", "reading");
        List<Record> records = List.of(
                record("@id", "1", "@note", "quote \" amp & lt < tab\tnl\ncr\r", "sensor", "s-1",
                        "rssi", List.of("-40", "-41"),
                        "probe", List.of(record("@seq", "1", "ch", "6").fields(), record("ch", "11").fields()),
                        "where", record("@zone", "food", "#text", "Café 😀").fields(),
                        "raw", " keeps  spaces\r\nand ]]> markers "),
                record("#text", "only text"),
                record());
        assertEquals(records.stream().map(Record::fields).toList(), roundTrip(options, records));
    }

    @Test
    void pathGivesTheWrappersAndNamespacesAreDeclared() {
        Map<String, String> options = Map.of("record.element", "/m:feed/batch/m:reading",
                "namespaces", "m=urn:meter", "names", "qualified");
        List<Record> records = List.of(record("@m:id", "1", "m:v", "2", "w", "3"), record("m:v", "4"));
        byte[] xml = Formats.writer("xml", options).toBytes(records);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("<m:feed xmlns:m=\"urn:meter\">\n<batch>\n<m:reading m:id=\"1\">"), text);
        assertEquals(records.stream().map(Record::fields).toList(), roundTrip(options, records));
    }

    @Test
    void withoutRecordElementTheOneRecordIsTheRoot() {
        Map<String, String> options = Map.of("root.element", "reading");
        Record record = record("@id", "7", "v", "1");
        String text = new String(Formats.writer("xml", options).toBytes(List.of(record)), StandardCharsets.UTF_8);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<reading id=\"7\"><v>1</v></reading>\n", text);
        assertEquals(List.of(record.fields()), roundTrip(options, List.of(record)));
        Writer writer = Formats.writer("xml", options);
        assertThrows(IllegalArgumentException.class, () -> writer.toBytes(List.of(record, record)));
    }

    @Test
    void otherScalarsAreWrittenAsText() {
        Record record = record("n", 5L, "d", 1.5, "b", true, "dec", new BigDecimal("1E+3"),
                "t", Instant.parse("2024-05-01T10:00:00Z"), "bytes", Bytes.of(new byte[] {1, 2, 3}), "nil", null);
        assertEquals(List.of(Map.of("n", "5", "d", "1.5", "b", "true", "dec", "1000", "t", "2024-05-01T10:00:00Z",
                "bytes", "AQID", "nil", "")), roundTrip(Map.of("record.element", "r"), List.of(record)));
    }

    @Test
    void unrepresentableRecordsAreRefusedAndNothingIsWritten() {
        Writer writer = Formats.writer("xml", Map.of("record.element", "r"));
        assertRefused(writer, record("1abc", "x"), "1abc");
        assertRefused(writer, record("a b", "x"), "a b");
        assertRefused(writer, record("p:x", "x"), "p:x");
        assertRefused(writer, record("grid", List.of(List.of("1"))), "grid");
        assertRefused(writer, record("@attr", Map.of("a", "b")), "@attr");
        assertRefused(writer, record("ctl", "bell\u0007"), "ctl");
    }

    @Test
    void rootElementMustAgreeWithARecordPath() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Formats.writer("xml", Map.of("record.element", "/feed/reading", "root.element", "other")));
        assertEquals("root.element", e.problems().get(0).key());
        assertThrows(ConfigException.class, () -> Formats.writer("xml", Map.of("root.element", "p:records")));
    }

    private static void assertRefused(Writer writer, Record record, String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.write(List.of(record(), record), out));
        assertTrue(e.getMessage().contains(field), e.getMessage());
        assertEquals(0, out.size());
    }
}
