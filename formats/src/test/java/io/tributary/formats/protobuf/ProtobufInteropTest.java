package io.tributary.formats.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.tributary.formats.CollectingSink;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Formats;
import io.tributary.formats.Parser;
import io.tributary.formats.protobuf.gen.LegacyReading;
import io.tributary.formats.protobuf.gen.SensorReport;
import io.tributary.formats.protobuf.gen.Status;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes written by the classes protoc generated from {@code src/test/proto}, read by the descriptor-driven
 * parser, with a descriptor set built from those same classes.
 */
class ProtobufInteropTest {
    @TempDir
    Path dir;

    private Parser parser(String type, String... more) {
        Map<String, String> options = TestDescriptors.options(type, more);
        Path set = TestDescriptors.write(dir.resolve("set.desc"), TestDescriptors.all());
        options.put("descriptor.file", set.toString());
        return Formats.parser("protobuf", options);
    }

    private static Record only(CollectingSink sink) {
        assertEquals(List.of(), sink.errors);
        assertEquals(1, sink.records.size());
        return sink.records.get(0);
    }

    @Test
    void everyFieldOfAGeneratedMessage() {
        SensorReport report = Samples.fullReport();
        Record r = only(CollectingSink.parse(parser("SensorReport"), report.toByteArray()));

        assertEquals(report.getSensorId(), r.get("/sensor_id"));
        assertEquals(report.getSeq(), r.get("/seq"));
        assertEquals((long) report.getBatteryMv(), r.get("/battery_mv"));
        assertEquals(Instant.ofEpochSecond(report.getObservedAt().getSeconds(), report.getObservedAt().getNanos()),
                r.get("/observed_at"));
        assertEquals("STATUS_OK", r.get("/status"));
        assertEquals(report.getReadingsCount(), ((List<?>) r.get("/readings")).size());
        assertEquals("aa:bb:cc:00:11:22", r.get("/readings/0/device_mac"));
        assertEquals(-67L, r.get("/readings/0/rssi_dbm"));
        assertEquals(4.25, r.get("/readings/0/distance_m"));
        assertEquals(List.of(0.1, -1.5), r.get("/readings/0/samples"));
        assertEquals(Map.of("device_mac", "aa:bb:cc:00:11:23", "rssi_dbm", -80L), r.get("/readings/1"));
        assertEquals(report.getLabelsMap(), r.get("/labels"));
        assertEquals(Bytes.of(report.getRawFrame().toByteArray()), r.get("/raw_frame"));
        assertEquals(Map.of("x", 12.5, "y", -3.0, "floor", 0L), r.get("/location"));
        assertFalse(r.fields().containsKey("zone"));
        assertEquals(report.getUptimeTicks(), r.get("/uptime_ticks"));
        assertEquals(0xDEADBEEFL, r.get("/checksum"));
        assertEquals(-1250L, r.get("/temperature_centi"));
        assertEquals(true, r.get("/calibrated"));
        assertEquals(0.75, r.get("/gain"));
        assertEquals(Map.of("1", 1.0, "6", 0.5), r.get("/channel_gain"));
        assertEquals(report.getLastSeenMs().getValue(), r.get("/last_seen_ms"));
        assertEquals("2.1.0", r.get("/firmware"));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("mode", "scan");
        extra.put("interval_s", 5.0);
        extra.put("tags", List.of("a", false));
        extra.put("debug", null);
        extra.put("nested", Map.of("ok", true));
        assertEquals(extra, r.get("/extra"));
        assertEquals("", r.get("/note"));
        assertEquals(List.of("STATUS_OK", "STATUS_DEGRADED"), r.get("/history"));
        assertEquals(Map.of("aa:bb:cc:00:11:22", Map.of("rssi_dbm", -67L)), r.get("/by_device"));
        assertEquals(List.of(Instant.parse("1969-12-31T23:59:59.500Z")), r.get("/heartbeats"));
        assertEquals(report.getAllFields().size(), r.size(), "one record field per set message field");
    }

    @Test
    void jsonNamesAreTheDescriptorsJsonNames() {
        SensorReport report = Samples.fullReport();
        Record r = only(CollectingSink.parse(parser("SensorReport", "field.names", "json"), report.toByteArray()));
        List<String> expected = report.getAllFields().keySet().stream().map(f -> f.getJsonName()).toList();
        assertEquals(expected, new ArrayList<>(r.fields().keySet()));
        assertEquals(-67L, r.get("/byDevice/aa:bb:cc:00:11:22/rssiDbm"));
    }

    @Test
    void aStreamFromWriteDelimitedTo() {
        List<SensorReport> reports = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            reports.add(SensorReport.newBuilder().setSensorId("s-" + i).setSeq(i * 1_000_003L)
                    .setStatusValue(i % 4).setZone("z" + (i % 7)).build());
        }
        CollectingSink sink = CollectingSink.parse(parser("SensorReport", "framing", "delimited"),
                Samples.delimited(reports));
        assertEquals(List.of(), sink.errors);
        assertEquals(reports.size(), sink.records.size());
        for (int i = 0; i < reports.size(); i++) {
            Record r = sink.records.get(i);
            assertEquals(reports.get(i).getSensorId(), r.get("/sensor_id"));
            assertEquals(i == 0 ? null : reports.get(i).getSeq(), r.get("/seq"));
            assertEquals(i % 4 == 0 ? null : Status.forNumber(i % 4).name(), r.get("/status"));
            assertEquals(reports.get(i).getZone(), r.get("/zone"));
        }
    }

    /**
     * Concatenated messages merge: scalars last-wins, repeated fields append, messages merge field by field,
     * map entries replace by key, and a oneof keeps only its last member. protobuf-java's DynamicMessage is the
     * reference here: its generated builders keep a cleared oneof message's old sub-builder and merge into it
     * again ({@code location} would come back as {x=1, y=2, floor=3} instead of {y=2}).
     */
    @Test
    void concatenatedMessagesMergeAsProtobufMergesThem() throws Exception {
        byte[] concatenated = ProtobufGoldenInputsTest.inputs().get("merge-concatenated");
        DynamicMessage merged = DynamicMessage.parseFrom(SensorReport.getDescriptor(), concatenated);
        Parser parser = parser("SensorReport");
        Record ours = only(CollectingSink.parse(parser, concatenated));
        assertEquals(only(CollectingSink.parse(parser, merged.toByteArray())).fields(), ours.fields());
        assertEquals(Map.of("y", 2.0), ours.get("/location"));
        assertEquals(Instant.ofEpochSecond(20, 5), ours.get("/observed_at"));
        assertEquals(Map.of("k", "3", "only_a", "x"), ours.get("/labels"));
    }

    @Test
    void proto2ClosedEnumNumberIsKeptWhereGeneratedCodeDropsIt() throws Exception {
        byte[] bytes = ProtobufGoldenInputsTest.inputs().get("proto2-unknown-closed-enum");
        LegacyReading generated = LegacyReading.parseFrom(bytes);
        assertFalse(generated.hasKind(), "generated code moves an unknown closed-enum number to unknown fields");
        assertEquals(7L, only(CollectingSink.parse(parser("LegacyReading"), bytes)).get("/kind"));
    }

    @Test
    void invalidUtf8IsRejectedInProto3AndProto2Alike() throws Exception {
        byte[] proto3 = ProtobufGoldenInputsTest.inputs().get("proto3-invalid-utf8");
        assertThrows(InvalidProtocolBufferException.class, () -> SensorReport.parseFrom(proto3));
        assertEquals(List.of(ErrorCode.INVALID_UTF8),
                CollectingSink.parse(parser("SensorReport"), proto3).errorCodes());

        byte[] proto2 = ProtobufGoldenInputsTest.inputs().get("proto2-invalid-utf8");
        assertEquals("lr-3", LegacyReading.parseFrom(proto2).getId(), "protobuf does not check proto2 strings");
        assertEquals(List.of(ErrorCode.INVALID_UTF8),
                CollectingSink.parse(parser("LegacyReading"), proto2).errorCodes());
    }

    @Test
    void unsigned64BitValuesAboveLongMaxAreExactDecimals() {
        SensorReport report = SensorReport.newBuilder().setUptimeTicks(-2L).setChecksum(Long.MAX_VALUE).build();
        Record r = only(CollectingSink.parse(parser("SensorReport"), report.toByteArray()));
        assertEquals(new BigDecimal("18446744073709551614"), r.get("/uptime_ticks"));
        assertEquals(Long.MAX_VALUE, r.get("/checksum"));
    }

    /**
     * Mutated generated bytes: whenever protobuf-java accepts them, this parser accepts them too and reads the
     * same message as from protobuf-java's canonical re-encoding; whenever protobuf-java rejects them, so does
     * this parser. Two deliberate differences: a Timestamp no {@link Instant} can hold (protobuf-java does not
     * check the range) is an error here, and so is a varint whose tenth byte has its continuation bit set
     * (protobuf-java's array fast path ignores that bit; its stream path rejects it).
     */
    @Test
    void agreesWithGeneratedCodeOnMutatedInput() throws Exception {
        Parser parser = parser("SensorReport");
        byte[] seed = Samples.fullReport().toByteArray();
        Random random = new Random(11);
        int accepted = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] mutated = mutate(seed, random);
            CollectingSink ours = CollectingSink.parse(parser, mutated);
            SensorReport theirs;
            try {
                theirs = SensorReport.parseFrom(mutated);
            } catch (InvalidProtocolBufferException e) {
                assertEquals(1, ours.errors.size(), "protobuf rejects mutation " + i + " (" + e.getMessage()
                        + ") but we read " + ours.records + " from " + Arrays.toString(mutated));
                continue;
            }
            if (ours.errors.size() == 1 && isKnownDifference(ours.errors.get(0).message())) continue;
            accepted++;
            assertEquals(List.of(), ours.errors, "protobuf accepts mutation " + i + ": " + Arrays.toString(mutated));
            Record canonical = only(CollectingSink.parse(parser, theirs.toByteArray()));
            assertEquals(canonical.fields(), ours.records.get(0).fields(), "mutation " + i);
        }
        assertTrue(accepted > 500, "too few accepted mutations to compare: " + accepted);
    }

    private static boolean isKnownDifference(String error) {
        return error.startsWith("Timestamp of") || error.startsWith("Malformed varint");
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int at = random.nextInt(out.length);
        switch (random.nextInt(3)) {
            case 0 -> out[at] = (byte) random.nextInt(256);
            case 1 -> out[at] ^= (byte) (1 << random.nextInt(8));
            default -> out = Arrays.copyOf(out, at);
        }
        return out;
    }
}
