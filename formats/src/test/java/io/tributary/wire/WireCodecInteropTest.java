package io.tributary.wire;

import static io.tributary.wire.WireValues.assertExactlyEqual;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/** The codec against Avro's own generic reader and writer, with the schema resource as the only shared part. */
class WireCodecInteropTest {
    private static final WireCodec CODEC = WireCodec.get();

    private static Record sample() {
        Record record = new Record().put("sensor", "s-1").put("rssi", -67L).put("ok", true).put("v", -0.0)
                .put("d", new BigDecimal("-12.3450")).put("big", new BigDecimal("1E+12")).put("raw", Bytes.EMPTY)
                .put("t", Instant.parse("1969-12-31T23:59:59.999999999Z"))
                .put("readings", List.of(Map.of("mac", "a4:5e", "rssi", -70L), List.of(1L, "two", List.of())))
                .put("nothing", null).put("ünï", "😀");
        record.header().key("s-1").source("udp:5683").receivedAt(Instant.MAX).eventTime(Instant.MIN)
                .attribute("b", "2").attribute("a", "1");
        return record;
    }

    @Test
    void schemaResourceIsTheSchemaAndFingerprintIsCrc64OfItsCanonicalForm() throws Exception {
        try (InputStream in = WireCodec.class.getResourceAsStream("envelope-v1.avsc")) {
            Schema parsed = new Schema.Parser().parse(in);
            assertEquals(parsed, WireCodec.schema());
            assertEquals(SchemaNormalization.parsingFingerprint64(parsed), WireCodec.fingerprint(1));
        }
        assertEquals("io.tributary.wire.Envelope", WireCodec.schema().getFullName());
        assertEquals(List.of("key", "source", "received_at", "event_time", "attributes", "fields"),
                WireCodec.schema().getFields().stream().map(Schema.Field::name).toList());
    }

    @Test
    void everyRecordAndFieldOfTheSchemaIsDocumented() {
        List<Schema> records = List.of(WireCodec.schema(), AvroGeneric.ENVELOPE.getField("fields").schema()
                .getValueType(), named("Timestamp"), named("Decimal"));
        for (Schema record : records) {
            assertTrue(record.getDoc() != null && !record.getDoc().isBlank(), record.getFullName());
            for (Schema.Field f : record.getFields()) {
                assertTrue(f.doc() != null && !f.doc().isBlank(), record.getName() + "." + f.name());
            }
        }
    }

    private static Schema named(String name) {
        return AvroGeneric.ENVELOPE.getField("fields").schema().getValueType().getField("v").schema().getTypes()
                .stream().filter(s -> name.equals(s.getName())).findFirst().orElseThrow();
    }

    @Test
    void avroGenericReaderReadsOurDatumAfterTheHeader() throws Exception {
        WireValues values = new WireValues(99);
        for (int i = 0; i < 1000; i++) {
            Record record = i == 0 ? sample() : values.record();
            byte[] message = CODEC.encode(record);
            BinaryDecoder in = DecoderFactory.get().binaryDecoder(message, 10, message.length - 10, null);
            GenericRecord generic = AvroGeneric.orderedReader().read(null, in);
            assertTrue(in.isEnd(), "Avro consumed the whole datum");
            assertExactlyEqual(record, AvroGeneric.fromGeneric(generic));
        }
    }

    @Test
    void avroMessageDecoderReadsOurMessages() throws Exception {
        BinaryMessageDecoder<GenericRecord> decoder = new BinaryMessageDecoder<>(GenericData.get(),
                AvroGeneric.ENVELOPE);
        Record record = sample();
        GenericRecord generic = decoder.decode(CODEC.encode(record));
        assertEquals(record, AvroGeneric.fromGeneric(generic));
    }

    @Test
    void avroMessageEncoderWritesTheSameBytesAndWeReadThem() throws Exception {
        BinaryMessageEncoder<GenericRecord> encoder = new BinaryMessageEncoder<>(GenericData.get(),
                AvroGeneric.ENVELOPE);
        WireValues values = new WireValues(123);
        for (int i = 0; i < 1000; i++) {
            Record record = i == 0 ? sample() : values.record();
            ByteBuffer buffer = encoder.encode(AvroGeneric.toGeneric(record));
            byte[] avroBytes = Arrays.copyOfRange(buffer.array(), buffer.arrayOffset() + buffer.position(),
                    buffer.arrayOffset() + buffer.limit());
            assertExactlyEqual(record, CODEC.decode(avroBytes));
            assertArrayEquals(avroBytes, CODEC.encode(record), "same canonical bytes as Avro's encoder");
        }
    }

    @Test
    void avroDatumWriterWithMultiBlockMapsAndArraysIsReadByUs() throws Exception {
        Record record = sample();
        for (int i = 0; i < 300; i++) record.put("f" + i, List.of("item " + i, (long) i, Map.of("k", "v" + i)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Arrays.copyOf(CODEC.encode(new Record()), 10));
        BinaryEncoder blocking = new EncoderFactory().configureBlockSize(64).blockingBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(AvroGeneric.ENVELOPE).write(AvroGeneric.toGeneric(record), blocking);
        blocking.flush();
        byte[] blocked = out.toByteArray();
        assertFalse(Arrays.equals(blocked, CODEC.encode(record)), "Avro wrote sized blocks, not our layout");
        assertExactlyEqual(record, CODEC.decode(blocked));
    }
}
