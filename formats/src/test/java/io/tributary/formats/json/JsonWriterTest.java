package io.tributary.formats.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.formats.CollectingSink;
import io.tributary.formats.Formats;
import io.tributary.formats.Writer;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static List<Record> sample() {
        LinkedHashMap<String, Object> reading = new LinkedHashMap<>();
        reading.put("k", "temp");
        reading.put("v", 21.5);
        List<Record> records = new ArrayList<>();
        records.add(Record.of(Map.of("id", 1L)));
        Record full = new Record().put("sensor_id", "s-017").put("rssi", -67L).put("battery", 0.87)
                .put("online", true).put("note", null).put("text", "Café 日本 😀 \"q\" \\ \n\t\u0001")
                .put("readings", List.of(reading, Map.of())).put("empty", List.of())
                .put("big", Long.MIN_VALUE).put("neg", -0.0);
        records.add(full);
        return records;
    }

    private static List<Record> roundTrip(Map<String, String> writerOptions, Map<String, String> parserOptions,
            List<Record> records) {
        byte[] payload = Formats.writer("json", writerOptions).toBytes(records);
        CollectingSink sink = CollectingSink.parse(Formats.parser("json", parserOptions), payload);
        assertEquals(List.of(), sink.errors);
        return sink.records;
    }

    @Test
    void ndjsonRoundTrips() {
        assertEquals(sample(), roundTrip(Map.of(), Map.of("mode", "ndjson"), sample()));
    }

    @Test
    void arrayRoundTrips() {
        assertEquals(sample(), roundTrip(Map.of("layout", "array"), Map.of("mode", "array"), sample()));
    }

    @Test
    void decimalsAndTimestampsRoundTripWithTheMatchingParserOptions() {
        Instant ts = Instant.parse("2026-11-22T10:15:30.123Z");
        List<Record> records = List.of(new Record().put("ts", ts).put("price", new BigDecimal("19.90"))
                .put("huge", new BigDecimal("123456789012345678901234567890")));
        assertEquals(records, roundTrip(Map.of(), Map.of("decimals", "decimal", "timestamp.fields", "ts"), records));
    }

    @Test
    void layouts() {
        List<Record> records = List.of(Record.of(Map.of("a", 1L)), new Record().put("b", List.of("x", 2.5)));
        assertEquals("{\"a\":1}\n{\"b\":[\"x\",2.5]}\n", text(Formats.writer("json", Map.of()), records));
        assertEquals("[{\"a\":1},{\"b\":[\"x\",2.5]}]",
                text(Formats.writer("json", Map.of("layout", "array")), records));
        assertEquals("", text(Formats.writer("json", Map.of()), List.of()));
        assertEquals("[]", text(Formats.writer("json", Map.of("layout", "array")), List.of()));
    }

    @Test
    void plainRenderingOfValuesJsonHasNoTypeFor() {
        Record record = new Record().put("bytes", Bytes.of(new byte[] {1, 2, 3}))
                .put("ts", Instant.parse("2026-11-22T10:15:30Z")).put("nan", Double.NaN);
        assertEquals("{\"bytes\":\"AQID\",\"ts\":\"2026-11-22T10:15:30Z\",\"nan\":\"NaN\"}\n",
                text(Formats.writer("json", Map.of()), List.of(record)));
    }

    @Test
    void unsupportedValueWritesNothing() throws Exception {
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        fields.put("ok", 1L);
        fields.put("bad", new StringBuilder("not normalized"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer writer = Formats.writer("json", Map.of());
        assertThrows(IllegalArgumentException.class,
                () -> writer.write(List.of(Record.of(Map.of("a", 1L)), Record.wrap(fields)), out));
        assertEquals(0, out.size(), Arrays.toString(out.toByteArray()));
    }

    private static String text(Writer writer, List<Record> records) {
        return new String(writer.toBytes(records), StandardCharsets.UTF_8);
    }
}
