package io.tributary.formats.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Int64Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import io.tributary.formats.protobuf.gen.Kind;
import io.tributary.formats.protobuf.gen.LegacyReading;
import io.tributary.formats.protobuf.gen.Location;
import io.tributary.formats.protobuf.gen.Reading;
import io.tributary.formats.protobuf.gen.SensorReport;
import io.tributary.formats.protobuf.gen.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Sample messages built with the generated classes, and helpers for hand-made wire bytes. */
final class Samples {
    private Samples() {
    }

    /** A report with every field of SensorReport set (the oneof to its location). */
    static SensorReport fullReport() {
        return SensorReport.newBuilder()
                .setSensorId("s-17")
                .setSeq(1_234_567_890_123L)
                .setBatteryMv(3300)
                .setObservedAt(Timestamp.newBuilder().setSeconds(1_718_000_000L).setNanos(250_000_000))
                .setStatus(Status.STATUS_OK)
                .addReadings(Reading.newBuilder().setDeviceMac("aa:bb:cc:00:11:22").setRssiDbm(-67)
                        .setDistanceM(4.25).addSamples(0.1f).addSamples(-1.5f))
                .addReadings(Reading.newBuilder().setDeviceMac("aa:bb:cc:00:11:23").setRssiDbm(-80))
                .putLabels("floor", "2")
                .putLabels("wing", "north")
                .setRawFrame(ByteString.copyFrom(new byte[] {0, 1, 2, (byte) 0xFF}))
                .setLocation(Location.newBuilder().setX(12.5).setY(-3.0).setFloor(0))
                .setUptimeTicks(86_400_000L)
                .setChecksum(0xDEADBEEFL)
                .setTemperatureCenti(-1250)
                .setCalibrated(true)
                .setGain(0.75f)
                .putChannelGain(1, 1.0)
                .putChannelGain(6, 0.5)
                .setLastSeenMs(Int64Value.of(1_718_000_000_123L))
                .setFirmware(StringValue.of("2.1.0"))
                .setExtra(Struct.newBuilder()
                        .putFields("mode", Value.newBuilder().setStringValue("scan").build())
                        .putFields("interval_s", Value.newBuilder().setNumberValue(5).build())
                        .putFields("tags", Value.newBuilder().setListValue(ListValue.newBuilder()
                                .addValues(Value.newBuilder().setStringValue("a"))
                                .addValues(Value.newBuilder().setBoolValue(false))).build())
                        .putFields("debug", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
                        .putFields("nested", Value.newBuilder().setStructValue(Struct.newBuilder()
                                .putFields("ok", Value.newBuilder().setBoolValue(true).build())).build()))
                .setNote("")
                .addHistory(Status.STATUS_OK)
                .addHistory(Status.STATUS_DEGRADED)
                .putByDevice("aa:bb:cc:00:11:22", Reading.newBuilder().setRssiDbm(-67).build())
                .addHeartbeats(Timestamp.newBuilder().setSeconds(-1).setNanos(500_000_000))
                .build();
    }

    /** Three small reports for a delimited stream: the oneof set to a zone, to a location, and unset. */
    static List<SensorReport> streamReports() {
        return List.of(
                SensorReport.newBuilder().setSensorId("s-1").setSeq(1).setZone("entrance").build(),
                SensorReport.newBuilder().setSensorId("s-2").setSeq(2).setStatus(Status.STATUS_FAULT)
                        .setLocation(Location.newBuilder().setX(1).setY(2)).build(),
                SensorReport.newBuilder().setSensorId("s-3").setSeq(3)
                        .addReadings(Reading.newBuilder().setRssiDbm(-90)).build());
    }

    static LegacyReading legacyReading() {
        return LegacyReading.newBuilder()
                .setId("lr-1")
                .setPosition(LegacyReading.Position.newBuilder().setX(1.5).setY(0))
                .setKind(Kind.KIND_BLE)
                .addTags("t1")
                .addTags("t2")
                .addCounts(3)
                .addCounts(-4)
                .build();
    }

    /** The bytes of {@code messages}, each preceded by its length (writeDelimitedTo). */
    static byte[] delimited(List<? extends Message> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Message m : messages) m.writeDelimitedTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Bytes written by hand through a CodedOutputStream. */
    static byte[] raw(WireWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream coded = CodedOutputStream.newInstance(out);
        try {
            writing.write(coded);
            coded.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @FunctionalInterface
    interface WireWriting {
        void write(CodedOutputStream out) throws IOException;
    }
}
