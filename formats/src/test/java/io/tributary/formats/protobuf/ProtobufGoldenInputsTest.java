package io.tributary.formats.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.WireFormat;
import io.tributary.formats.protobuf.gen.LegacyReading;
import io.tributary.formats.protobuf.gen.Location;
import io.tributary.formats.protobuf.gen.Reading;
import io.tributary.formats.protobuf.gen.SensorReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The binary inputs of the protobuf golden cases, made with the classes protoc generates from
 * {@code src/test/proto}, and the committed descriptor set. This test fails when a committed file differs from
 * what the generated classes produce now. To regenerate them after changing the .proto files or a case:
 * <pre>
 * mvn -pl formats test -Dtest=ProtobufGoldenInputsTest -Dtributary.protobuf.regenerate=true
 * </pre>
 * then review the diff and the cases' expected.jsonl / expected.err, which are written by hand.
 */
class ProtobufGoldenInputsTest {
    private static final Path ROOT = Path.of("src/test/resources/golden/protobuf");
    private static final boolean REGENERATE = Boolean.getBoolean("tributary.protobuf.regenerate");

    static Map<String, byte[]> inputs() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        byte[] full = Samples.fullReport().toByteArray();
        List<SensorReport> stream = Samples.streamReports();
        cases.put("report-full", full);
        cases.put("report-json-names", full);
        cases.put("report-include-defaults", SensorReport.newBuilder().setSensorId("s-0")
                .addReadings(Reading.getDefaultInstance()).build().toByteArray());
        cases.put("report-defaults-on-the-wire", Samples.raw(out -> {
            out.writeString(1, "s-0");
            out.writeInt64(2, 0);
            out.writeEnum(5, 0);
            out.writeBool(14, false);
            out.writeString(20, "");
        }));
        cases.put("delimited-stream", Samples.delimited(stream));
        cases.put("unknown-enum-number", SensorReport.newBuilder().setSensorId("s-9").setStatusValue(99)
                .addHistoryValue(1).addHistoryValue(42).build().toByteArray());
        cases.put("unsigned-above-long-max", SensorReport.newBuilder().setBatteryMv(-1).setUptimeTicks(-1L)
                .setChecksum(Long.MIN_VALUE).putChannelGain(-1, 2.0).build().toByteArray());
        cases.put("well-known-type-defaults", SensorReport.newBuilder().setObservedAt(Timestamp.getDefaultInstance())
                .setLastSeenMs(Int64Value.getDefaultInstance()).setFirmware(StringValue.getDefaultInstance())
                .setExtra(Struct.getDefaultInstance())
                .addHeartbeats(Timestamp.newBuilder().setSeconds(-86_401).setNanos(1)).build().toByteArray());
        cases.put("proto2-legacy", Samples.legacyReading().toByteArray());
        cases.put("proto2-unknown-closed-enum", Samples.raw(out -> {
            out.writeString(1, "lr-2");
            out.writeInt32(2, 5);
            out.writeEnum(6, 7);
        }));
        cases.put("proto2-invalid-utf8", LegacyReading.newBuilder().setId("lr-3")
                .setLabelBytes(ByteString.copyFrom(new byte[] {'o', 'k', (byte) 0xC3, '('})).build().toByteArray());
        cases.put("proto3-invalid-utf8", Samples.raw(out -> {
            out.writeInt64(2, 7);
            out.writeByteArray(1, new byte[] {'s', '-', (byte) 0xFF});
        }));
        cases.put("delimited-bad-message-continues", Samples.concat(Samples.delimited(List.of(stream.get(0))),
                new byte[] {2, 0x10, (byte) 0x96}, Samples.delimited(List.of(stream.get(2)))));
        cases.put("delimited-truncated", Samples.concat(Samples.delimited(stream.subList(0, 2)),
                Samples.raw(out -> out.writeUInt32NoTag(200)), new byte[] {0x0A, 0x03, 's', '-', '4'}));
        cases.put("delimited-malformed-prefix", Samples.concat(Samples.delimited(List.of(stream.get(0))),
                new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1}));
        cases.put("delimited-record-too-large", Samples.delimited(List.of(stream.get(0), Samples.fullReport(),
                stream.get(2))));
        cases.put("single-truncated", Arrays.copyOf(full, 25));
        cases.put("merge-concatenated", Samples.concat(
                SensorReport.newBuilder().setSensorId("a").setSeq(1)
                        .setObservedAt(Timestamp.newBuilder().setSeconds(10).setNanos(5))
                        .setLocation(Location.newBuilder().setX(1).setFloor(3))
                        .putLabels("k", "1").putLabels("only_a", "x")
                        .addReadings(Reading.newBuilder().setRssiDbm(-1)).build().toByteArray(),
                SensorReport.newBuilder().setZone("z").build().toByteArray(),
                SensorReport.newBuilder().setSeq(3).setObservedAt(Timestamp.newBuilder().setSeconds(20))
                        .setLocation(Location.newBuilder().setY(2))
                        .putLabels("k", "3")
                        .addReadings(Reading.newBuilder().setRssiDbm(-3)).build().toByteArray()));
        cases.put("unknown-fields-skipped", Samples.concat(stream.get(0).toByteArray(), Samples.raw(out -> {
            out.writeUInt64(100, 5);
            out.writeFixed32(101, 7);
            out.writeString(102, "unknown");
            out.writeTag(103, WireFormat.WIRETYPE_START_GROUP);
            out.writeTag(104, WireFormat.WIRETYPE_START_GROUP);
            out.writeInt32(1, 1);
            out.writeTag(104, WireFormat.WIRETYPE_END_GROUP);
            out.writeTag(103, WireFormat.WIRETYPE_END_GROUP);
            out.writeFixed32(2, 9);
        })));
        cases.put("packed-and-unpacked", Samples.raw(out -> {
            out.writeString(1, "m");
            out.writeTag(4, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(8);
            out.writeFloatNoTag(1.5f);
            out.writeFloatNoTag(2.5f);
            out.writeFloat(4, 3.5f);
        }));
        cases.put("empty-payload-single", new byte[0]);
        cases.put("empty-payload-delimited", new byte[0]);
        return cases;
    }

    @Test
    void committedInputsAreWhatTheGeneratedClassesWrite() throws IOException {
        for (Map.Entry<String, byte[]> c : inputs().entrySet()) {
            Path input = ROOT.resolve(c.getKey()).resolve("input.bin");
            if (REGENERATE) {
                Files.createDirectories(input.getParent());
                Files.write(input, c.getValue());
            }
            assertArrayEquals(c.getValue(), Files.readAllBytes(input), c.getKey());
        }
    }

    @Test
    void committedDescriptorSetDescribesTheGeneratedClasses() throws IOException {
        if (REGENERATE) TestDescriptors.write(TestDescriptors.COMMITTED, TestDescriptors.all());
        assertEquals(TestDescriptors.all(), FileDescriptorSet.parseFrom(Files.readAllBytes(TestDescriptors.COMMITTED)));
    }
}
