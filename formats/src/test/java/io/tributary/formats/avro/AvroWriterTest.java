package io.tributary.formats.avro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.formats.CollectingSink;
import io.tributary.formats.Formats;
import io.tributary.formats.Writer;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writer to parser round trips for every encoding and every value type, and the writer's refusals. */
class AvroWriterTest {
    static final String SCHEMA = """
            {"type":"record","name":"Everything","namespace":"writer.test","fields":[
              {"name":"s","type":"string"},
              {"name":"l","type":"long"},
              {"name":"i","type":"int"},
              {"name":"d","type":"double"},
              {"name":"f","type":"float"},
              {"name":"b","type":"boolean"},
              {"name":"n","type":"null"},
              {"name":"raw","type":"bytes"},
              {"name":"fx","type":{"type":"fixed","name":"Four","size":4}},
              {"name":"e","type":{"type":"enum","name":"Color","symbols":["RED","GREEN"]}},
              {"name":"arr","type":{"type":"array","items":["null","long","string"]}},
              {"name":"m","type":{"type":"map","values":{"type":"array","items":"double"}}},
              {"name":"inner","type":{"type":"record","name":"Inner","fields":[
                {"name":"a","type":"long"},{"name":"next","type":["null","Inner"],"default":null}]}},
              {"name":"u","type":["null","double",{"type":"long","logicalType":"timestamp-millis"},"Inner","string"]},
              {"name":"dec","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}},
              {"name":"decfx","type":{"type":"fixed","name":"D8","size":8,"logicalType":"decimal","precision":18,
                "scale":3}},
              {"name":"big","type":{"type":"bytes","logicalType":"big-decimal"}},
              {"name":"ms","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"us","type":{"type":"long","logicalType":"local-timestamp-micros"}},
              {"name":"ns","type":{"type":"long","logicalType":"timestamp-nanos"}},
              {"name":"day","type":{"type":"int","logicalType":"date"}},
              {"name":"uuid","type":{"type":"string","logicalType":"uuid"}},
              {"name":"uuidfx","type":{"type":"fixed","name":"U16","size":16,"logicalType":"uuid"}}]}
            """;

    static Record everything(long seed) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("s", "value " + seed + " ✓");
        f.put("l", Long.MIN_VALUE + seed);
        f.put("i", (long) Integer.MAX_VALUE - seed);
        f.put("d", -1.5e-300 * seed);
        f.put("f", 0.25 * seed);
        f.put("b", seed % 2 == 0);
        f.put("n", null);
        f.put("raw", Bytes.of(new byte[] {(byte) seed, 0, -1}));
        f.put("fx", Bytes.of(new byte[] {1, 2, 3, (byte) seed}));
        f.put("e", seed % 2 == 0 ? "RED" : "GREEN");
        f.put("arr", list(null, seed, "x"));
        f.put("m", Map.of("k", list(1.0, 2.5)));
        f.put("inner", inner(seed, inner(seed + 1, null)));
        f.put("u", seed % 3 == 0 ? Instant.ofEpochMilli(seed) : seed % 3 == 1 ? inner(5, null) : "seven");
        f.put("dec", new BigDecimal("-12345678.9" + seed));
        f.put("decfx", new BigDecimal("123456789012345.67").negate().add(BigDecimal.valueOf(seed)).setScale(3));
        f.put("big", new BigDecimal("1.23E-" + (seed + 40)));
        f.put("ms", Instant.parse("2024-02-29T23:59:59.999Z"));
        f.put("us", Instant.parse("1900-01-01T00:00:00.000001Z"));
        f.put("ns", Instant.parse("2200-01-01T00:00:00.123456789Z"));
        f.put("day", Instant.parse("2024-02-29T00:00:00Z"));
        f.put("uuid", "123e4567-e89b-12d3-a456-42661417400" + seed % 10);
        f.put("uuidfx", "123e4567-e89b-12d3-a456-42661417400" + seed % 10);
        return Record.of(f);
    }

    private static Map<String, Object> inner(long a, Object next) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", a);
        m.put("next", next);
        return m;
    }

    private static List<Object> list(Object... items) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) out.add(item);
        return out;
    }

    private static Map<String, String> options(String encoding) {
        return Map.of("encoding", encoding, "schema", SCHEMA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"container", "binary", "single_object"})
    void writtenRecordsParseBackEqual(String encoding) {
        List<Record> records = List.of(everything(0), everything(1), everything(2), everything(3));
        byte[] payload = Formats.writer("avro", options(encoding)).toBytes(records);
        CollectingSink sink = CollectingSink.parse(Formats.parser("avro", options(encoding)), payload);
        assertEquals(List.of(), sink.errors);
        assertEquals(records.stream().map(Record::fields).toList(), sink.records.stream().map(Record::fields).toList());
    }

    @Test
    void deflateContainersRoundTripAndShrinkRepetitiveData() {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) records.add(everything(4));
        Map<String, String> deflate = Map.of("schema", SCHEMA, "codec", "deflate");
        byte[] compressed = Formats.writer("avro", deflate).toBytes(records);
        byte[] plain = Formats.writer("avro", Map.of("schema", SCHEMA)).toBytes(records);
        assertTrue(compressed.length * 10 < plain.length, compressed.length + " vs " + plain.length);
        CollectingSink sink = CollectingSink.parse(Formats.parser("avro", deflate), compressed);
        assertEquals(List.of(), sink.errors);
        assertEquals(records, sink.records);
    }

    @Test
    void emptyListsWriteAValidEmptyPayload() {
        byte[] container = Formats.writer("avro", options("container")).toBytes(List.of());
        assertEquals(List.of(), CollectingSink.parse(Formats.parser("avro", Map.of()), container).events);
        assertEquals(0, Formats.writer("avro", options("binary")).toBytes(List.of()).length);
    }

    @Test
    void singleObjectHeaderCarriesTheSchemaFingerprint() {
        byte[] payload = Formats.writer("avro", options("single_object")).toBytes(List.of(everything(1)));
        long fingerprint = org.apache.avro.SchemaNormalization.parsingFingerprint64(
                new org.apache.avro.Schema.Parser().parse(SCHEMA));
        assertEquals((byte) 0xC3, payload[0]);
        assertEquals(0x01, payload[1]);
        for (int i = 0; i < 8; i++) assertEquals((byte) (fingerprint >>> (8 * i)), payload[2 + i]);
    }

    @Test
    void aUnionTakesTheFirstBranchThatFitsExactly() {
        String schema = """
                {"type":"record","name":"U","fields":[{"name":"u","type":["float","double","long","string"]}]}""";
        Map<String, String> options = Map.of("encoding", "binary", "schema", schema);
        Writer writer = Formats.writer("avro", options);
        assertEquals(1, writer.toBytes(List.of(Record.of(Map.of("u", 2.5))))[0] >> 1, "double branch");
        assertEquals(2, writer.toBytes(List.of(Record.of(Map.of("u", 3L))))[0] >> 1, "long branch");
        assertEquals(3, writer.toBytes(List.of(Record.of(Map.of("u", "s"))))[0] >> 1, "string branch");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingItsFieldAndNothingIsWritten() throws Exception {
        Writer writer = Formats.writer("avro", options("container"));
        Record bad = everything(1);
        bad.set("/inner/next/a", "not a long");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.write(List.of(everything(0), bad), out));
        assertEquals("Field /inner/next/a: expected long, got String", e.getMessage());
        assertArrayEquals(new byte[0], out.toByteArray());
    }

    @Test
    void refusalsNameTheFieldAndTheReason() {
        Writer writer = Formats.writer("avro", options("binary"));
        assertRefused(writer, "/arr/1", "no branch of union", r -> r.set("/arr/1", 1.5));
        assertRefused(writer, "/m/k/0", "expected double, got String", r -> r.put("m", Map.of("k", list("x"))));
        assertRefused(writer, "/extra", "not a field of writer.test.Everything", r -> r.put("extra", 1L));
        assertRefused(writer, "/s", "expected string, got null", r -> r.put("s", null));
        assertRefused(writer, "/i", "out of range for an int", r -> r.put("i", 1L << 40));
        assertRefused(writer, "/e", "'BLUE' is not a symbol", r -> r.put("e", "BLUE"));
        assertRefused(writer, "/fx", "3 bytes for fixed", r -> r.put("fx", Bytes.of(new byte[3])));
        assertRefused(writer, "/dec", "does not fit scale 2", r -> r.put("dec", new BigDecimal("1.005")));
        assertRefused(writer, "/dec", "more than the 10 digits", r -> r.put("dec", new BigDecimal("123456789.00")));
        assertRefused(writer, "/decfx", "expected decimal fixed, got Double", r -> r.put("decfx", 1.0));
        assertRefused(writer, "/day", "not a midnight UTC date", r -> r.put("day", Instant.ofEpochSecond(1)));
        assertRefused(writer, "/ns", "out of range for timestamp-nanos", r -> r.put("ns", Instant.MAX));
        assertRefused(writer, "/uuidfx", "is not a UUID", r -> r.put("uuidfx", "nope"));
        assertRefused(writer, "/inner", "expected record, got Long", r -> r.put("inner", 1L));
    }

    private static void assertRefused(Writer writer, String path, String reason,
            java.util.function.Consumer<Record> change) {
        Record r = everything(2);
        change.accept(r);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.toBytes(List.of(r)));
        assertTrue(e.getMessage().startsWith("Field " + path + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void timestampsAreTruncatedToTheirUnitAndFloatsWidenExactly() {
        String schema = """
                {"type":"record","name":"T","fields":[
                  {"name":"ms","type":{"type":"long","logicalType":"timestamp-millis"}},
                  {"name":"f","type":"float"}]}""";
        Map<String, String> options = Map.of("encoding", "binary", "schema", schema);
        Record in = Record.of(Map.of("ms", Instant.parse("2024-01-01T00:00:00.123456789Z"), "f", 0.1));
        CollectingSink sink = CollectingSink.parse(Formats.parser("avro", options),
                Formats.writer("avro", options).toBytes(List.of(in)));
        assertEquals(Instant.parse("2024-01-01T00:00:00.123Z"), sink.records.get(0).field("ms"));
        assertEquals((double) 0.1f, sink.records.get(0).field("f"));
    }
}
