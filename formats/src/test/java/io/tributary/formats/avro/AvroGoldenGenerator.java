package io.tributary.formats.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.util.Utf8;

/**
 * Writes the binary inputs (and schema files) of the golden cases under
 * {@code src/test/resources/golden/avro/}, using only Avro's own writers plus byte edits for the corrupt
 * cases; the snappy case is framed by hand (Avro's snappy codec needs snappy-java, which is not on the
 * classpath). Values are given in Avro's raw representation (decimals as unscaled bytes, timestamps as
 * longs), so the files do not depend on any conversion code. {@code options.properties}, {@code expected.jsonl}
 * and {@code expected.err} are written by hand.
 *
 * <p>Regenerate by running {@link #main} from the {@code formats} directory with the test classpath (see
 * {@code docs/formats/avro.md}, "Test data"), or from an IDE.
 * {@link AvroGoldenInputsTest} checks that the committed files are what this generator writes.
 */
public final class AvroGoldenGenerator {
    static final byte[] SYNC = "tributary-golden".getBytes(StandardCharsets.US_ASCII);

    static final String TYPES = """
            {"type":"record","name":"Reading","namespace":"golden","fields":[
              {"name":"sensor","type":"string"},
              {"name":"seq","type":"long"},
              {"name":"count","type":"int"},
              {"name":"temp","type":"double"},
              {"name":"ratio","type":"float"},
              {"name":"ok","type":"boolean"},
              {"name":"nothing","type":"null"},
              {"name":"raw","type":"bytes"},
              {"name":"mac","type":{"type":"fixed","name":"Mac","size":6}},
              {"name":"state","type":{"type":"enum","name":"State","symbols":["IDLE","ACTIVE","FAULT"]}},
              {"name":"location","type":{"type":"record","name":"Location","fields":[
                {"name":"x","type":"double"},{"name":"y","type":"double"},{"name":"zone","type":["null","string"]}]}},
              {"name":"rssi","type":{"type":"array","items":"int"}},
              {"name":"labels","type":{"type":"map","values":"string"}},
              {"name":"note","type":["null","string","long"]}]}
            """;

    static final String LOGICAL = """
            {"type":"record","name":"Logical","namespace":"golden","fields":[
              {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},
              {"name":"amount","type":{"type":"fixed","name":"Amount","size":8,"logicalType":"decimal",
                "precision":18,"scale":4}},
              {"name":"big","type":{"type":"bytes","logicalType":"big-decimal"}},
              {"name":"at_millis","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"at_micros","type":{"type":"long","logicalType":"timestamp-micros"}},
              {"name":"at_nanos","type":{"type":"long","logicalType":"timestamp-nanos"}},
              {"name":"local_millis","type":{"type":"long","logicalType":"local-timestamp-millis"}},
              {"name":"local_micros","type":{"type":"long","logicalType":"local-timestamp-micros"}},
              {"name":"day","type":{"type":"int","logicalType":"date"}},
              {"name":"time_ms","type":{"type":"int","logicalType":"time-millis"}},
              {"name":"time_us","type":{"type":"long","logicalType":"time-micros"}},
              {"name":"id","type":{"type":"string","logicalType":"uuid"}},
              {"name":"id_fixed","type":{"type":"fixed","name":"Uuid","size":16,"logicalType":"uuid"}},
              {"name":"span","type":{"type":"fixed","name":"Duration","size":12,"logicalType":"duration"}}]}
            """;

    /** A small reading: a union first, so a datum's first byte is a union index. */
    static final String SMALL = """
            {"type":"record","name":"Small","namespace":"golden","fields":[
              {"name":"note","type":["null","string"]},
              {"name":"id","type":"int"},
              {"name":"name","type":"string"}]}
            """;

    static final String SMALL_READER = """
            {"type":"record","name":"Small","namespace":"golden","fields":[
              {"name":"id","type":"long"},
              {"name":"name","type":"string","aliases":["label"]},
              {"name":"unit","type":"string","default":"celsius"},
              {"name":"tags","type":{"type":"array","items":"string"},"default":[]}]}
            """;

    static final String SMALL_V2 = """
            {"type":"record","name":"Small","namespace":"golden","fields":[
              {"name":"id","type":"long"},
              {"name":"name","type":"string"},
              {"name":"unit","type":"string","default":"celsius"}]}
            """;

    static final String LIST = """
            {"type":"record","name":"Node","namespace":"golden","fields":[
              {"name":"value","type":"long"},
              {"name":"attrs","type":{"type":"map","values":{"type":"array","items":"string"}}},
              {"name":"next","type":["null","Node"]}]}
            """;

    private final Path root;

    private AvroGoldenGenerator(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws IOException {
        generate(Path.of(args.length > 0 ? args[0] : "src/test/resources/golden/avro"));
    }

    /** Writes every generated file under {@code root}; returns their paths relative to it. */
    static List<String> generate(Path root) throws IOException {
        AvroGoldenGenerator g = new AvroGoldenGenerator(root);
        return List.copyOf(g.all().keySet());
    }

    private Map<String, byte[]> all() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Schema types = parse(TYPES);
        Schema logical = parse(LOGICAL);
        Schema small = parse(SMALL);
        Schema smallV2 = parse(SMALL_V2);
        Schema list = parse(LIST);
        List<GenericRecord> readings = readings(types);
        List<GenericRecord> smalls = List.of(small(small, null, 1, "one"), small(small, "hi", 2, "two"),
                small(small, null, 3, "three"));

        files.put("container-types/input.avro", container(types, CodecFactory.nullCodec(), readings, 3));
        files.put("container-logical-types/input.avro",
                container(logical, CodecFactory.nullCodec(), logicals(logical), 2));
        files.put("container-deflate-blocks/input.avro",
                container(types, CodecFactory.deflateCodec(9), readings, 1));
        files.put("container-snappy/input.avro", snappyContainer(small, smalls));
        files.put("container-unsupported-codec/input.avro", container(small, CodecFactory.bzip2Codec(), smalls, 3));
        files.put("container-empty/input.avro", container(small, CodecFactory.nullCodec(), List.of(), 1));
        files.put("container-not-a-record/input.avro", container(Schema.create(Schema.Type.STRING),
                CodecFactory.nullCodec(), List.of(), 1));
        byte[] oneEach = container(small, CodecFactory.nullCodec(), smalls, 1);
        files.put("container-bad-sync/input.avro", edit(oneEach, b -> b[nthSync(b, 2)] ^= 0x01));
        files.put("container-truncated/input.avro", Arrays.copyOf(oneEach, nthSync(oneEach, 2) - 2));
        files.put("container-bad-magic/input.avro", edit(oneEach, b -> b[0] = 'o'));
        files.put("container-invalid-utf8/input.avro", container(small, CodecFactory.nullCodec(),
                List.of(small(small, null, 1, "one"), small(small, null, 2, new Utf8(new byte[] {'b', 'a', 'd', -1})),
                        small(small, null, 3, "three"), small(small, null, 4, "four")), 3));
        files.put("container-trailing-bytes-in-block/input.avro",
                edit(container(small, CodecFactory.nullCodec(), smalls, 2), b -> b[nthSync(b, 0) + SYNC.length] = 2));
        byte[] deflated = container(small, CodecFactory.deflateCodec(9), smalls, 1);
        files.put("container-corrupt-deflate/input.avro", edit(deflated, b -> {
            int block = nthSync(b, 0) + SYNC.length;
            b[block + 2] = (byte) 0xFF;
            b[block + 3] = (byte) 0xFF;
        }));
        files.put("container-reader-schema/input.avro", container(small, CodecFactory.nullCodec(), smalls, 3));
        files.put("container-reader-schema/reader.avsc", bytes(SMALL_READER));

        files.put("binary-datums/input.bin", datums(list, List.of(node(list, 1, null), node(list, 2, node(list, 3,
                node(list, 4, null))))));
        files.put("binary-datums/schema.avsc", bytes(LIST));
        byte[] smallDatums = datums(small, smalls);
        files.put("binary-truncated/input.bin", Arrays.copyOf(smallDatums, smallDatums.length - 3));
        files.put("binary-truncated/schema.avsc", bytes(SMALL));
        int secondDatum = datumLength(small, smalls.get(0));
        files.put("binary-bad-union-index/input.bin", edit(smallDatums, b -> b[secondDatum] = 8));
        files.put("binary-bad-union-index/schema.avsc", bytes(SMALL));
        files.put("binary-invalid-utf8/input.bin", datums(small, List.of(small(small, "fine", 1, "one"),
                small(small, new Utf8(new byte[] {'o', 'k', (byte) 0xC3, 0x28}), 2, "two"))));
        files.put("binary-invalid-utf8/schema.avsc", bytes(SMALL));
        files.put("binary-reader-schema/input.bin", smallDatums);
        files.put("binary-reader-schema/schema.avsc", bytes(SMALL));
        files.put("binary-reader-schema/reader.avsc", bytes(SMALL_READER));
        files.put("binary-record-too-large/input.bin", datums(small, List.of(small(small, null, 1, "a"),
                small(small, null, 2, "x".repeat(40)), small(small, null, 3, "c"))));
        files.put("binary-record-too-large/schema.avsc", bytes(SMALL));

        byte[] v1 = singleObject(small, smalls.get(0));
        byte[] v2 = singleObject(smallV2, smallV2(smallV2, 7, "seven", "kelvin"));
        files.put("single-object-two-versions/input.bin", concat(v1, v2, singleObject(small, smalls.get(1))));
        files.put("single-object-two-versions/v1.avsc", bytes(SMALL));
        files.put("single-object-two-versions/v2.avsc", bytes(SMALL_V2));
        files.put("single-object-unknown-fingerprint/input.bin", concat(v2));
        files.put("single-object-unknown-fingerprint/v1.avsc", bytes(SMALL));
        files.put("single-object-bad-marker/input.bin", edit(v1, b -> b[1] = 0x02));
        files.put("single-object-bad-marker/v1.avsc", bytes(SMALL));
        files.put("single-object-reader-schema/input.bin", concat(v1, v2));
        files.put("single-object-reader-schema/v1.avsc", bytes(SMALL));
        files.put("single-object-reader-schema/v2.avsc", bytes(SMALL_V2));
        files.put("single-object-reader-schema/reader.avsc", bytes(SMALL_READER));

        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = root.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return files;
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<GenericRecord> readings(Schema s) {
        Schema location = s.getField("location").schema();
        GenericRecord a = new GenericData.Record(s);
        a.put("sensor", "gate-1");
        a.put("seq", 9_007_199_254_740_993L);
        a.put("count", -7);
        a.put("temp", 21.5);
        a.put("ratio", 0.5f);
        a.put("ok", true);
        a.put("raw", ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xFF}));
        a.put("mac", new GenericData.Fixed(s.getField("mac").schema(),
                new byte[] {0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F}));
        a.put("state", new GenericData.EnumSymbol(s.getField("state").schema(), "ACTIVE"));
        a.put("location", location(location, 1.5, -2.25, "food-court"));
        a.put("rssi", List.of(-61, -70, -85));
        a.put("labels", new LinkedHashMap<>(Map.of("floor", "1")));
        a.put("note", "first");
        GenericRecord b = new GenericData.Record(s);
        b.put("sensor", "Zürich ✓ 🚪");
        b.put("seq", -1L);
        b.put("count", Integer.MAX_VALUE);
        b.put("temp", -0.125);
        b.put("ratio", -1.25f);
        b.put("ok", false);
        b.put("raw", ByteBuffer.wrap(new byte[0]));
        b.put("mac", new GenericData.Fixed(s.getField("mac").schema(), new byte[6]));
        b.put("state", new GenericData.EnumSymbol(s.getField("state").schema(), "FAULT"));
        b.put("location", location(location, 0.0, 1e10, null));
        b.put("rssi", List.of());
        b.put("labels", Map.of());
        b.put("note", 42L);
        GenericRecord c = new GenericData.Record((GenericData.Record) b, true);
        c.put("sensor", "");
        c.put("seq", Long.MIN_VALUE);
        c.put("state", new GenericData.EnumSymbol(s.getField("state").schema(), "IDLE"));
        c.put("note", null);
        return List.of(a, b, c);
    }

    private static GenericRecord location(Schema s, double x, double y, String zone) {
        GenericRecord r = new GenericData.Record(s);
        r.put("x", x);
        r.put("y", y);
        r.put("zone", zone);
        return r;
    }

    private static List<GenericRecord> logicals(Schema s) {
        Conversions.BigDecimalConversion big = new Conversions.BigDecimalConversion();
        GenericRecord a = new GenericData.Record(s);
        a.put("price", ByteBuffer.wrap(new byte[] {0x04, (byte) 0xD2}));
        a.put("amount", new GenericData.Fixed(s.getField("amount").schema(),
                new byte[] {0, 0, 0, 0, 0x49, (byte) 0x96, 0x02, (byte) 0xD2}));
        a.put("big", big.toBytes(new BigDecimal("3.14159"), null, LogicalTypes.bigDecimal()));
        a.put("at_millis", 1_700_000_000_123L);
        a.put("at_micros", 1_700_000_000_123_456L);
        a.put("at_nanos", 1_700_000_000_123_456_789L);
        a.put("local_millis", 0L);
        a.put("local_micros", 1_700_000_000_000_001L);
        a.put("day", 19_675);
        a.put("time_ms", 45_296_789);
        a.put("time_us", 45_296_789_012L);
        a.put("id", "0f8fad5b-d9cb-469f-a165-70867728950e");
        a.put("id_fixed", new GenericData.Fixed(s.getField("id_fixed").schema(), new byte[] {0x0f, (byte) 0x8f,
                (byte) 0xad, 0x5b, (byte) 0xd9, (byte) 0xcb, 0x46, (byte) 0x9f, (byte) 0xa1, 0x65, 0x70, (byte) 0x86,
                0x77, 0x28, (byte) 0x95, 0x0e}));
        a.put("span", new GenericData.Fixed(s.getField("span").schema(), new byte[] {1, 0, 0, 0, 2, 0, 0, 0, 3, 0,
                0, 0}));
        GenericRecord b = new GenericData.Record((GenericData.Record) a, true);
        b.put("price", ByteBuffer.wrap(new byte[] {(byte) 0xFB}));
        b.put("amount", new GenericData.Fixed(s.getField("amount").schema(),
                new byte[] {-1, -1, -1, -1, -1, -1, (byte) 0xD8, (byte) 0xF0}));
        b.put("big", big.toBytes(new BigDecimal("-1E+3"), null, LogicalTypes.bigDecimal()));
        b.put("at_millis", -1L);
        b.put("at_micros", -1L);
        b.put("at_nanos", -1L);
        b.put("day", -1);
        return List.of(a, b);
    }

    private static GenericRecord small(Schema s, Object note, int id, Object name) {
        GenericRecord r = new GenericData.Record(s);
        r.put("note", note);
        r.put("id", id);
        r.put("name", name);
        return r;
    }

    private static GenericRecord smallV2(Schema s, long id, String name, String unit) {
        GenericRecord r = new GenericData.Record(s);
        r.put("id", id);
        r.put("name", name);
        r.put("unit", unit);
        return r;
    }

    private static GenericRecord node(Schema s, long value, GenericRecord next) {
        GenericRecord r = new GenericData.Record(s);
        r.put("value", value);
        r.put("attrs", value % 2 == 0 ? Map.of("tags", List.of("even", "n" + value)) : Map.of());
        r.put("next", next);
        return r;
    }

    /** A container file with a fixed sync marker, a block boundary forced every {@code perBlock} records. */
    private static byte[] container(Schema s, CodecFactory codec, List<GenericRecord> records, int perBlock)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(s))) {
            w.setCodec(codec);
            w.create(s, out, SYNC);
            for (int i = 0; i < records.size(); i++) {
                w.append(records.get(i));
                if ((i + 1) % perBlock == 0) w.sync();
            }
        }
        return out.toByteArray();
    }

    /** A snappy container framed by hand: the block is one literal then a copy of the datums again. */
    private static byte[] snappyContainer(Schema s, List<GenericRecord> records) throws IOException {
        byte[] once = datums(s, records);
        byte[] twice = concat(once, once);
        if (once.length > 60) throw new IllegalStateException("the literal must fit in a one-byte tag");
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        writeUnsignedVarint(compressed, twice.length);
        compressed.write((once.length - 1) << 2);
        compressed.write(once);
        for (int left = once.length; left > 0; left -= 64) {
            int n = Math.min(64, left);
            compressed.write((n - 1) << 2 | 2);
            compressed.write(once.length & 0xFF);
            compressed.write(once.length >>> 8);
        }
        CRC32 crc = new CRC32();
        crc.update(twice);
        compressed.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder e = EncoderFactory.get().directBinaryEncoder(out, null);
        out.write(new byte[] {'O', 'b', 'j', 1});
        e.writeMapStart();
        e.setItemCount(2);
        e.startItem();
        e.writeString("avro.schema");
        e.writeBytes(bytes(s.toString()));
        e.startItem();
        e.writeString("avro.codec");
        e.writeBytes(bytes("snappy"));
        e.writeMapEnd();
        e.writeFixed(SYNC);
        e.writeLong(records.size() * 2L);
        e.writeBytes(compressed.toByteArray());
        e.writeFixed(SYNC);
        e.flush();
        return out.toByteArray();
    }

    private static void writeUnsignedVarint(ByteArrayOutputStream out, int n) {
        while ((n & ~0x7F) != 0) {
            out.write((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out.write(n);
    }

    private static byte[] datums(Schema s, List<GenericRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder e = EncoderFactory.get().directBinaryEncoder(out, null);
        GenericDatumWriter<GenericRecord> w = new GenericDatumWriter<>(s);
        for (GenericRecord r : records) w.write(r, e);
        e.flush();
        return out.toByteArray();
    }

    private static int datumLength(Schema s, GenericRecord r) throws IOException {
        return datums(s, List.of(r)).length;
    }

    private static byte[] singleObject(Schema s, GenericRecord r) throws IOException {
        return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), s).encode(r).array();
    }

    /** Offset of the {@code n}-th (0 = the header's) sync marker. */
    static int nthSync(byte[] file, int n) {
        for (int i = 0, seen = 0; i <= file.length - SYNC.length; i++) {
            if (Arrays.equals(file, i, i + SYNC.length, SYNC, 0, SYNC.length) && seen++ == n) return i;
        }
        throw new IllegalArgumentException("no sync marker " + n);
    }

    private static byte[] edit(byte[] data, Consumer<byte[]> change) {
        byte[] copy = data.clone();
        change.accept(copy);
        return copy;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
