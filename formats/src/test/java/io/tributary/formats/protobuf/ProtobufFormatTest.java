package io.tributary.formats.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.tributary.formats.CollectingSink;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Formats;
import io.tributary.formats.ParseError;
import io.tributary.formats.ParserContractKit;
import io.tributary.formats.protobuf.gen.KitRecord;
import io.tributary.formats.protobuf.gen.SensorReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser contract for {@code protobuf}, fed with delimited {@code KitRecord} messages. */
class ProtobufFormatTest extends ParserContractKit {
    @Override
    protected String format() {
        return "protobuf";
    }

    @Override
    protected Map<String, String> options() {
        return TestDescriptors.options("KitRecord", "framing", "delimited");
    }

    @Override
    protected byte[] records(int n) {
        List<KitRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(KitRecord.newBuilder().setName("r" + i).addValues(i).addValues(-i).build());
        }
        return Samples.delimited(records);
    }

    @Override
    protected byte[] largeRecord(int bytes) {
        return Samples.delimited(List.of(KitRecord.newBuilder().setName("big")
                .setBlob(ByteString.copyFrom(new byte[bytes])).build()));
    }

    /** {name, values[n - 2]}: two top-level fields plus n - 2 list elements. */
    @Override
    protected byte[] recordWithValues(int n) {
        KitRecord.Builder record = KitRecord.newBuilder().setName("v");
        for (int i = 0; i < n - 2; i++) record.addValues(i + 1);
        return Samples.delimited(List.of(record.build()));
    }

    /** A chain of {@code depth} records: the innermost one's name sits at level {@code depth}. */
    @Override
    protected byte[] nestedRecord(int depth) {
        return Samples.delimited(List.of(chain(depth)));
    }

    private static KitRecord chain(int depth) {
        KitRecord record = KitRecord.newBuilder().setName("leaf").build();
        for (int level = depth - 1; level >= 1; level--) {
            record = KitRecord.newBuilder().setName("n" + level).setChild(record).build();
        }
        return record;
    }

    @Test
    void nestingBeyondProtobufsOwnRecursionLimitIsOurs() {
        byte[] payload = nestedRecord(150);
        assertEquals(1, CollectingSink.parse(parser(Map.of("max.depth", "150")), payload).records.size());
        CollectingSink over = CollectingSink.parse(parser(Map.of("max.depth", "149")), payload);
        assertEquals(List.of(ErrorCode.MAX_DEPTH_EXCEEDED), over.errorCodes());
    }

    @Test
    void deepInputIsStoppedBeforeTheStackRunsOut() throws Exception {
        byte[] deep = KitRecord.newBuilder().setName("leaf").build().toByteArray();
        for (int level = 0; level < 3_000; level++) {
            byte[] inner = deep;
            deep = Samples.raw(out -> out.writeByteArray(3, inner));
        }
        byte[] message = deep;
        byte[] payload = Samples.concat(Samples.raw(out -> out.writeUInt32NoTag(message.length)), message);
        byte[] groups = new byte[200_000];
        for (int i = 0; i < groups.length; i += 2) {
            groups[i] = (byte) 0xFB;
            groups[i + 1] = 0x06;
        }
        List<CollectingSink> sinks = new ArrayList<>();
        Thread smallStack = new Thread(null, () -> {
            sinks.add(parseSafely(parser(Map.of("max.depth", "1000")), payload, "3000 levels"));
            sinks.add(parseSafely(Formats.parser("protobuf", TestDescriptors.options("KitRecord")), groups,
                    "open groups"));
        }, "small-stack", 512 * 1024);
        smallStack.start();
        smallStack.join();
        assertEquals(List.of(ErrorCode.MAX_DEPTH_EXCEEDED), sinks.get(0).errorCodes());
        assertEquals(List.of(ErrorCode.PROTOBUF_SYNTAX), sinks.get(1).errorCodes());
    }

    @Test
    void structNestingCountsRecordLevelsNotMessageLevels() {
        Value leaf = Value.newBuilder().setStringValue("deep").build();
        Value v = leaf;
        for (int i = 0; i < 8; i++) {
            v = i % 2 == 0
                    ? Value.newBuilder().setStructValue(Struct.newBuilder().putFields("s", v)).build()
                    : Value.newBuilder().setListValue(ListValue.newBuilder().addValues(v)).build();
        }
        byte[] payload = SensorReport.newBuilder().setExtra(Struct.newBuilder().putFields("top", v)).build()
                .toByteArray();
        Map<String, String> options = TestDescriptors.options("SensorReport");
        CollectingSink at = CollectingSink.parse(parser(options, "max.depth", "10"), payload);
        assertEquals(List.of(), at.errors);
        assertEquals("deep", at.records.get(0).get("/extra/top/0/s/0/s/0/s/0/s"));
        CollectingSink over = CollectingSink.parse(parser(options, "max.depth", "9"), payload);
        assertEquals(List.of(ErrorCode.MAX_DEPTH_EXCEEDED), over.errorCodes());
    }

    @Test
    void hugeLengthPrefixIsReportedWithoutReadingOn() {
        byte[] payload = Samples.concat(records(1), Samples.raw(out -> out.writeUInt64NoTag(Integer.MAX_VALUE)),
                records(1));
        CollectingSink sink = CollectingSink.parse(parser(Map.of()), payload);
        assertEquals(1, sink.records.size());
        assertEquals(List.of(ErrorCode.RECORD_TOO_LARGE), sink.errorCodes());
        assertEquals(records(1).length, sink.errors.get(0).offset());

        CollectingSink negative = CollectingSink.parse(parser(Map.of()),
                Samples.raw(out -> out.writeUInt64NoTag(-5L)));
        assertEquals(List.of(ErrorCode.PROTOBUF_SYNTAX), negative.errorCodes());
    }

    @Test
    void singleFramingCountsTheWholePayloadAsTheRecord() {
        byte[] payload = KitRecord.newBuilder().setName("x").setBlob(ByteString.copyFrom(new byte[100])).build()
                .toByteArray();
        Map<String, String> single = TestDescriptors.options("KitRecord");
        ParseError error = CollectingSink.parse(parser(single, "max.record.bytes", "100"), payload).errors.get(0);
        assertEquals(ErrorCode.RECORD_TOO_LARGE, error.code());
        assertEquals(1, CollectingSink.parse(parser(single, "max.record.bytes", String.valueOf(payload.length)),
                payload).records.size());
    }

    @Test
    void valueCountIncludesDefaultsWhenTheyAreEmitted() {
        byte[] payload = KitRecord.newBuilder().setName("x").build().toByteArray();
        Map<String, String> single = TestDescriptors.options("KitRecord", "include.defaults", "true");
        assertEquals(3, CollectingSink.parse(parser(single, "max.fields", "3"), payload).records.get(0).size());
        CollectingSink all = CollectingSink.parse(parser(single, "max.fields", "2"), payload);
        assertEquals(List.of(ErrorCode.MAX_FIELDS_EXCEEDED), all.errorCodes());
        CollectingSink fits = CollectingSink.parse(parser(single, "max.fields", "1", "include.defaults", "false"),
                payload);
        assertTrue(fits.errors.isEmpty());
    }

    private static io.tributary.formats.Parser parser(Map<String, String> base, String... more) {
        Map<String, String> options = new java.util.HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) options.put(more[i], more[i + 1]);
        return Formats.parser("protobuf", options);
    }
}
