package io.tributary.formats.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tributary.formats.CollectingSink;
import io.tributary.formats.Formats;
import io.tributary.formats.Writer;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interoperability with Avro's own Java implementation, both ways: files written by Avro's
 * {@code DataFileWriter} (with Avro's logical-type conversions doing the encoding) in a schema built here and
 * never seen by the parser's configuration, and payloads of {@link AvroWriter} read back by Avro's
 * {@code DataFileReader}, {@code GenericDatumReader} and {@code BinaryMessageDecoder}.
 */
class AvroInteropTest {
    private static final Schema POSITION = SchemaBuilder.record("Position").namespace("interop.geo").fields()
            .requiredDouble("x").requiredDouble("y")
            .name("floor").type().unionOf().nullType().and().intType().endUnion().nullDefault()
            .endRecord();
    private static final Schema SCHEMA = SchemaBuilder.record("Observation").namespace("interop.test").fields()
            .requiredString("device")
            .name("position").type(POSITION).noDefault()
            .name("rssi").type().array().items().intType().noDefault()
            .name("meta").type().map().values().stringType().noDefault()
            .name("extra").type().unionOf().nullType().and().stringType().and().doubleType().and()
            .type(POSITION).endUnion().noDefault()
            .name("kind").type().enumeration("Kind").symbols("WIFI", "BLE", "UWB").noDefault()
            .name("serial").type().fixed("Serial").size(4).noDefault()
            .name("price").type(LogicalTypes.decimal(12, 3).addToSchema(Schema.create(Schema.Type.BYTES))).noDefault()
            .name("seen").type(LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
            .endRecord();

    private static GenericData model() {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        return model;
    }

    private static GenericRecord position(double x, double y, Integer floor) {
        GenericRecord p = new GenericData.Record(POSITION);
        p.put("x", x);
        p.put("y", y);
        p.put("floor", floor);
        return p;
    }

    private static List<GenericRecord> observations() {
        Schema kind = SCHEMA.getField("kind").schema();
        Schema serial = SCHEMA.getField("serial").schema();
        List<GenericRecord> out = new ArrayList<>();
        Object[][] rows = {
            {"ap-17", position(3.25, -1.5, 2), List.of(-48, -63), Map.of("fw", "2.1.0"), "late", "WIFI",
                new byte[] {1, 2, 3, 4}, new BigDecimal("12.500"), Instant.parse("2024-03-01T12:00:00.123456Z")},
            {"ble-03", position(0, 0, null), List.of(), Map.of(), 98.25, "BLE",
                new byte[] {(byte) 0xFF, 0, (byte) 0x80, 0x7F}, new BigDecimal("-0.001"),
                Instant.parse("1969-12-31T23:59:59.999999Z")},
            {"uwb-9 ✓", position(1e-3, 7, -1), List.of(Integer.MIN_VALUE), new LinkedHashMap<>(Map.of("a", "1")),
                position(5, 6, 7), "UWB", new byte[4], new BigDecimal("999999999.999"), Instant.EPOCH},
            {"null-extra", position(1, 2, null), List.of(1), Map.of(), null, "WIFI", new byte[] {9, 9, 9, 9},
                new BigDecimal("0.000"), Instant.parse("2262-04-11T23:47:16.854775Z")},
        };
        for (Object[] row : rows) {
            GenericRecord r = new GenericData.Record(SCHEMA);
            r.put("device", row[0]);
            r.put("position", row[1]);
            r.put("rssi", row[2]);
            r.put("meta", row[3]);
            r.put("extra", row[4]);
            r.put("kind", new GenericData.EnumSymbol(kind, (String) row[5]));
            r.put("serial", new GenericData.Fixed(serial, (byte[]) row[6]));
            r.put("price", row[7]);
            r.put("seen", row[8]);
            out.add(r);
        }
        return out;
    }

    private static byte[] avroContainer(List<GenericRecord> records, CodecFactory codec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(SCHEMA, model()))) {
            w.setCodec(codec);
            w.create(SCHEMA, out);
            for (GenericRecord r : records) w.append(r);
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "deflate"})
    void parsesAFileWrittenByAvrosDataFileWriterAndChecksEveryValue(String codec) throws IOException {
        byte[] file = avroContainer(observations(), CodecFactory.fromString(codec));
        CollectingSink sink = CollectingSink.parse(Formats.parser("avro", Map.of()), file);
        assertEquals(List.of(), sink.errors);
        assertEquals(4, sink.records.size());

        Map<String, Object> first = sink.records.get(0).fields();
        assertEquals(List.of("device", "position", "rssi", "meta", "extra", "kind", "serial", "price", "seen"),
                List.copyOf(first.keySet()));
        assertEquals("ap-17", first.get("device"));
        assertEquals(map("x", 3.25, "y", -1.5, "floor", 2L), first.get("position"));
        assertEquals(List.of("x", "y", "floor"), List.copyOf(((Map<?, ?>) first.get("position")).keySet()));
        assertEquals(List.of(-48L, -63L), first.get("rssi"));
        assertEquals(Map.of("fw", "2.1.0"), first.get("meta"));
        assertEquals("late", first.get("extra"));
        assertEquals("WIFI", first.get("kind"));
        assertEquals(Bytes.of(new byte[] {1, 2, 3, 4}), first.get("serial"));
        assertEquals(new BigDecimal("12.500"), first.get("price"));
        assertEquals(3, ((BigDecimal) first.get("price")).scale());
        assertEquals(Instant.parse("2024-03-01T12:00:00.123456Z"), first.get("seen"));

        Map<String, Object> second = sink.records.get(1).fields();
        assertEquals("ble-03", second.get("device"));
        assertEquals(map("x", 0.0, "y", 0.0, "floor", null), second.get("position"));
        assertEquals(List.of(), second.get("rssi"));
        assertEquals(Map.of(), second.get("meta"));
        assertEquals(98.25, second.get("extra"));
        assertEquals("BLE", second.get("kind"));
        assertEquals(Bytes.of(new byte[] {(byte) 0xFF, 0, (byte) 0x80, 0x7F}), second.get("serial"));
        assertEquals(new BigDecimal("-0.001"), second.get("price"));
        assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), second.get("seen"));

        Map<String, Object> third = sink.records.get(2).fields();
        assertEquals("uwb-9 ✓", third.get("device"));
        assertEquals(map("x", 1e-3, "y", 7.0, "floor", -1L), third.get("position"));
        assertEquals(List.of((long) Integer.MIN_VALUE), third.get("rssi"));
        assertEquals(Map.of("a", "1"), third.get("meta"));
        assertEquals(map("x", 5.0, "y", 6.0, "floor", 7L), third.get("extra"));
        assertEquals("UWB", third.get("kind"));
        assertEquals(Bytes.of(new byte[4]), third.get("serial"));
        assertEquals(new BigDecimal("999999999.999"), third.get("price"));
        assertEquals(Instant.EPOCH, third.get("seen"));

        Map<String, Object> fourth = sink.records.get(3).fields();
        assertNull(fourth.get("extra"));
        assertEquals(new BigDecimal("0.000"), fourth.get("price"));
        assertEquals(Instant.parse("2262-04-11T23:47:16.854775Z"), fourth.get("seen"));

        for (Record r : sink.records) assertInstanceOf(LinkedHashMap.class, r.fields().get("meta"));
        assertEquals(observations().stream().map(AvroInteropTest::normalized).toList(),
                sink.records.stream().map(Record::fields).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "deflate"})
    void avrosDataFileReaderReadsTheWritersContainerFiles(String codec) throws IOException {
        List<Record> records = parsedObservations();
        byte[] file = writer(Map.of("codec", codec)).toBytes(records);
        List<Object> read = new ArrayList<>();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(new SeekableByteArrayInput(file),
                new GenericDatumReader<>(null, null, model()))) {
            assertEquals(codec, reader.getMetaString("avro.codec"));
            for (GenericRecord r : reader) read.add(normalized(r));
        }
        assertEquals(records.stream().map(Record::fields).toList(), read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "single_object"})
    void avrosDecodersReadTheWritersDatums(String encoding) throws IOException {
        List<Record> records = parsedObservations();
        byte[] payload = writer(Map.of("encoding", encoding)).toBytes(records);
        List<Object> read = new ArrayList<>();
        if (encoding.equals("binary")) {
            GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(SCHEMA, SCHEMA, model());
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, null);
            while (!decoder.isEnd()) read.add(normalized(reader.read(null, decoder)));
        } else {
            BinaryMessageDecoder<GenericRecord> decoder = new BinaryMessageDecoder<>(model(), SCHEMA);
            ByteArrayInputStream in = new ByteArrayInputStream(payload);
            while (in.available() > 0) read.add(normalized(decoder.decode(in, null)));
        }
        assertEquals(records.stream().map(Record::fields).toList(), read);
    }

    private static List<Record> parsedObservations() throws IOException {
        CollectingSink sink = CollectingSink.parse(Formats.parser("avro", Map.of()),
                avroContainer(observations(), CodecFactory.nullCodec()));
        assertEquals(List.of(), sink.errors);
        return sink.records;
    }

    private static Writer writer(Map<String, String> options) {
        Map<String, String> all = new LinkedHashMap<>(options);
        all.put("schema", SCHEMA.toString());
        return Formats.writer("avro", all);
    }

    /** Avro's generic representation (with conversions) mapped to record values, independently of the parser. */
    private static Object normalized(Object v) {
        if (v instanceof GenericRecord r) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (Schema.Field f : r.getSchema().getFields()) out.put(f.name(), normalized(r.get(f.name())));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, value) -> out.put(k.toString(), normalized(value)));
            return out;
        }
        if (v instanceof List<?> l) return new ArrayList<>(l.stream().map(AvroInteropTest::normalized).toList());
        if (v instanceof Utf8 || v instanceof GenericData.EnumSymbol) return v.toString();
        if (v instanceof Integer i) return i.longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof ByteBuffer b) return Bytes.of(b);
        if (v instanceof GenericFixed f) return Bytes.of(f.bytes());
        return v;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }
}
