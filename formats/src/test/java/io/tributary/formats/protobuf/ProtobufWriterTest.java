package io.tributary.formats.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import io.tributary.formats.CollectingSink;
import io.tributary.formats.Formats;
import io.tributary.formats.Parser;
import io.tributary.formats.Writer;
import io.tributary.formats.protobuf.gen.LegacyReading;
import io.tributary.formats.protobuf.gen.Location;
import io.tributary.formats.protobuf.gen.Reading;
import io.tributary.formats.protobuf.gen.SensorReport;
import io.tributary.formats.protobuf.gen.Status;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The protobuf writer: what it writes, the generated classes read; what the parser reads, it writes back. */
class ProtobufWriterTest {
    private static Writer writer(String type, String... more) {
        return Formats.writer("protobuf", TestDescriptors.options(type, more));
    }

    private static Parser parser(String type, String... more) {
        return Formats.parser("protobuf", TestDescriptors.options(type, more));
    }

    @Test
    void generatedClassesReadBackTheMessageTheParserRead() throws Exception {
        SensorReport report = Samples.fullReport();
        List<Record> records = CollectingSink.parse(parser("SensorReport"), report.toByteArray()).records;
        assertEquals(report, SensorReport.parseFrom(writer("SensorReport").toBytes(records)));

        List<Record> json = CollectingSink.parse(parser("SensorReport", "field.names", "json"),
                report.toByteArray()).records;
        assertEquals(report, SensorReport.parseFrom(writer("SensorReport", "field.names", "json").toBytes(json)));
    }

    @Test
    void delimitedFramingIsWhatParseDelimitedFromReads() throws Exception {
        List<SensorReport> reports = Samples.streamReports();
        List<Record> records = CollectingSink.parse(parser("SensorReport", "framing", "delimited"),
                Samples.delimited(reports)).records;
        InputStream in = new ByteArrayInputStream(writer("SensorReport", "framing", "delimited").toBytes(records));
        List<SensorReport> read = new ArrayList<>();
        SensorReport next;
        while ((next = SensorReport.parseDelimitedFrom(in)) != null) read.add(next);
        assertEquals(reports, read);
    }

    @Test
    void handBuiltRecordMeetsEveryFieldKind() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sensor_id", "s-5");
        fields.put("seq", new BigDecimal("42"));
        fields.put("battery_mv", 4_294_967_295L);
        fields.put("observed_at", Instant.parse("2024-06-10T06:13:20.000000001Z"));
        fields.put("status", 2L);
        fields.put("readings", List.of(Map.of("rssi_dbm", -70L, "samples", List.of(1L, 2.5))));
        fields.put("labels", Map.of("a", "b"));
        fields.put("raw_frame", Bytes.of(new byte[] {9}));
        fields.put("zone", "food-court");
        fields.put("uptime_ticks", new BigDecimal("18446744073709551615"));
        fields.put("checksum", 7L);
        fields.put("gain", 0.1);
        fields.put("channel_gain", Map.of("4294967295", 1L));
        fields.put("last_seen_ms", 0L);
        fields.put("extra", Map.of("k", List.of(1L, "x")));
        fields.put("note", null);
        fields.put("history", List.of("STATUS_FAULT", 17L));
        SensorReport read = SensorReport.parseFrom(writer("SensorReport").toBytes(List.of(Record.of(fields))));

        assertEquals("s-5", read.getSensorId());
        assertEquals(42, read.getSeq());
        assertEquals(-1, read.getBatteryMv());
        assertEquals(Timestamp.newBuilder().setSeconds(1_718_000_000L).setNanos(1).build(), read.getObservedAt());
        assertEquals(Status.STATUS_DEGRADED, read.getStatus());
        assertEquals(Reading.newBuilder().setRssiDbm(-70).addSamples(1f).addSamples(2.5f).build(), read.getReadings(0));
        assertEquals(Map.of("a", "b"), read.getLabelsMap());
        assertEquals(ByteString.copyFrom(new byte[] {9}), read.getRawFrame());
        assertEquals("food-court", read.getZone());
        assertEquals(-1L, read.getUptimeTicks());
        assertEquals(0.1f, read.getGain());
        assertEquals(Map.of(-1, 1.0), read.getChannelGainMap());
        assertTrue(read.hasLastSeenMs());
        assertEquals(0, read.getLastSeenMs().getValue());
        assertEquals(Value.newBuilder().setNumberValue(1).build(),
                read.getExtra().getFieldsOrThrow("k").getListValue().getValues(0));
        assertTrue(!read.hasNote());
        assertEquals(List.of(3, 17), read.getHistoryValueList());
    }

    @Test
    void proto2GroupsAndClosedEnumsRoundTrip() throws Exception {
        LegacyReading reading = Samples.legacyReading();
        List<Record> records = CollectingSink.parse(parser("LegacyReading"), reading.toByteArray()).records;
        assertEquals(reading, LegacyReading.parseFrom(writer("LegacyReading").toBytes(records)));
    }

    /** Every golden case that parses cleanly: parse, write with the same options, parse again, same records. */
    @TestFactory
    Stream<DynamicTest> goldenRecordsRoundTrip() throws IOException {
        Path root = TestDescriptors.COMMITTED.getParent();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (Files.exists(dir.resolve("expected.err")) || !Files.exists(dir.resolve("expected.jsonl"))) continue;
                tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    Map<String, String> options = options(dir);
                    Parser parser = Formats.parser("protobuf", options);
                    List<Record> records = CollectingSink.parse(parser, Files.readAllBytes(dir.resolve("input.bin")))
                            .records;
                    byte[] written = Formats.writer("protobuf", options).toBytes(records);
                    CollectingSink again = CollectingSink.parse(parser, written);
                    assertEquals(List.of(), again.errors);
                    assertEquals(records, again.records);
                }));
            }
        }
        assertTrue(tests.size() >= 10, "golden cases to round-trip: " + tests.size());
        return tests.stream();
    }

    private static Map<String, String> options(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("options.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> options = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            options.put(key, p.getProperty(key).replace("${dir}", dir.toAbsolutePath().toString()));
        }
        options.remove("max.record.bytes");
        return options;
    }

    @Test
    void fieldsTheMessageTypeLacksOrValuesOfTheWrongTypeNameTheField() {
        Writer writer = writer("SensorReport");
        assertRejected(writer, Map.of("sensorId", "x"),
                "Field /sensorId is not in message type tributary.test.SensorReport");
        assertRejected(writer, Map.of("readings", List.of(Map.of("rssi_dbm", "-70"))),
                "Field /readings/0/rssi_dbm is a sint32: got String -70");
        assertRejected(writer, Map.of("battery_mv", 4_294_967_296L), "Field /battery_mv is a uint32");
        assertRejected(writer, Map.of("uptime_ticks", -1L), "Field /uptime_ticks is a uint64");
        assertRejected(writer, Map.of("seq", 1.5), "Field /seq is a int64: got Double");
        assertRejected(writer, Map.of("status", "STATUS_BROKEN"), "Field /status: 'STATUS_BROKEN' is not a value");
        assertRejected(writer, Map.of("location", Map.of("z", 1.0)), "Field /location/z is not in message type "
                + "tributary.test.Location");
        assertRejected(writer, Map.of("zone", "z", "location", Map.of()), "are both set, but oneof position");
        assertRejected(writer, Map.of("channel_gain", Map.of("one", 1.0)), "Map key at /channel_gain/one");
        assertRejected(writer, Map.of("observed_at", 5L), "Field /observed_at is a google.protobuf.Timestamp");
        assertRejected(writer, Map.of("history", List.of("STATUS_OK"), "labels", "x"), "Field /labels is a map");
        assertRejected(writer("LegacyReading"), Map.of("level", 1L), "Required fields");
        assertRejected(writer("SensorReport", "field.names", "json"), Map.of("sensor_id", "x"),
                "Field /sensor_id is not in message type");
    }

    @Test
    void singleFramingTakesExactlyOneRecordAndAFailureWritesNothing() throws IOException {
        Record ok = Record.of(Map.of("sensor_id", "a"));
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> writer("SensorReport").toBytes(List.of(ok, ok)));
        assertTrue(two.getMessage().contains("framing=single"), two.getMessage());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> writer("SensorReport", "framing", "delimited").write(
                        List.of(ok, Record.of(Map.of("seq", "x"))), out));
        assertTrue(bad.getMessage().startsWith("Record 1: Field /seq"), bad.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void writtenLocationKeepsExplicitPresence() throws Exception {
        Record record = Record.of(Map.of("location", Map.of("floor", 0L)));
        Location location = SensorReport.parseFrom(writer("SensorReport").toBytes(List.of(record))).getLocation();
        assertTrue(location.hasFloor());
    }

    private static void assertRejected(Writer writer, Map<String, ?> fields, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.toBytes(List.of(Record.of(fields))));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
