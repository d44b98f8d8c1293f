package io.tributary.formats.delimited;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.formats.CollectingSink;
import io.tributary.formats.Formats;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Write, then parse with the same settings: every type comes back equal, in every dialect that can hold it. */
class DelimitedRoundTripTest {
    static Stream<Arguments> dialects() {
        return Stream.of(
                Arguments.of("csv", Map.of()),
                Arguments.of("csv", Map.of("null.value", "NULL", "trim", "true", "comment", "#", "escape", "\\")),
                Arguments.of("csv", Map.of("null.value", "", "delimiter", ";", "quote", "'", "line.ending", "lf")),
                Arguments.of("tsv", Map.of("escape", "\\", "null.value", "\\N")),
                Arguments.of("tsv", Map.of("escape", "\\", "trim", "true", "comment", "#", "header.line", "false",
                        "columns", "id,v")),
                Arguments.of("tsv", Map.of("quote", "\"", "null.value", "")));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void strings(String format, Map<String, String> options) {
        List<Object> values = new ArrayList<>(List.of("plain", "a,b", "a;b", "say \"hi\"", "it's", "\"", "\"\"",
                "line\nbreak", "cr\ronly", "crlf\r\n", " padded ", "\ttabbed\t", "#hash", "##", "NULL", "\\N",
                "back\\slash", "\\", "n", "nrt", "ünïcødé 東京 🙂", "x".repeat(5000)));
        if (options.containsKey("escape") || options.containsKey("quote") || format.equals("csv")) values.add("");
        assertRoundTrip(format, options, "string", values);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void longs(String format, Map<String, String> options) {
        assertRoundTrip(format, options, "long", List.of(0L, 1L, -1L, 42L, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void doubles(String format, Map<String, String> options) {
        assertRoundTrip(format, options, "double", List.of(0.0, -0.0, 1.5, -21.25, 0.1, 1e-300, Double.MIN_VALUE,
                Double.MAX_VALUE, 123456789.125, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void decimals(String format, Map<String, String> options) {
        assertRoundTrip(format, options, "decimal", List.of(new BigDecimal("1.50"), BigDecimal.ZERO,
                new BigDecimal("-0.001"), new BigDecimal("1E+3"), new BigDecimal("-7E+2"), new BigDecimal("1E-20"),
                new BigDecimal("12345678901234567890.123456789"), new BigDecimal("0.000")));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void booleans(String format, Map<String, String> options) {
        assertRoundTrip(format, options, "boolean", List.of(true, false));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void timestamps(String format, Map<String, String> options) {
        assertRoundTrip(format, options, "timestamp", List.of(Instant.EPOCH,
                Instant.parse("2024-05-01T12:00:00.123456789Z"), Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.ofEpochSecond(1_700_000_000, 1), Instant.MIN, Instant.MAX));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void bytes(String format, Map<String, String> options) {
        byte[] random = new byte[300];
        new Random(1).nextBytes(random);
        assertRoundTrip(format, options, "bytes", List.of(Bytes.EMPTY, Bytes.of(new byte[] {0}),
                Bytes.of(new byte[] {(byte) 0xFB, (byte) 0xFF}), Bytes.of(random)));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void nullsWhereNullValueIsSet(String format, Map<String, String> options) {
        if (!options.containsKey("null.value")) return;
        for (String type : List.of("string", "long", "double", "decimal", "boolean", "timestamp", "bytes")) {
            List<Object> values = new ArrayList<>();
            values.add(null);
            assertRoundTrip(format, options, type, values);
        }
    }

    private static void assertRoundTrip(String format, Map<String, String> dialect, String type, List<Object> values) {
        Map<String, String> options = new HashMap<>(dialect);
        options.put("types", "v:" + type);
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", "r" + i);
            fields.put("v", values.get(i));
            records.add(Record.of(fields));
        }
        byte[] payload = Formats.writer(format, options).toBytes(records);
        CollectingSink sink = CollectingSink.parse(Formats.parser(format, options), payload);
        String shown = format + " " + dialect + " " + type + ":\n" + new String(payload, StandardCharsets.UTF_8);
        assertEquals(List.of(), sink.errors, shown);
        assertEquals(records, sink.records, shown);
    }
}
