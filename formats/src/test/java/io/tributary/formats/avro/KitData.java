package io.tributary.formats.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * The synthetic inputs of the contract kits, written with Avro's own writers (never with {@link AvroWriter}),
 * in a recursive schema so one schema serves every shape the kit asks for.
 */
final class KitData {
    static final String SCHEMA_JSON = """
            {"type":"record","name":"Kit","namespace":"test.kit","fields":[
              {"name":"id","type":"long"},
              {"name":"name","type":"string"},
              {"name":"values","type":["null",{"type":"array","items":"long"}],"default":null},
              {"name":"child","type":["null","Kit"],"default":null}]}""";
    static final Schema SCHEMA = new Schema.Parser().parse(SCHEMA_JSON);

    private KitData() {
    }

    static GenericRecord record(long id, String name, List<Long> values, GenericRecord child) {
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("id", id);
        r.put("name", name);
        r.put("values", values);
        r.put("child", child);
        return r;
    }

    static List<GenericRecord> records(int n) {
        List<GenericRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(record(i, "sensor-" + i, List.of((long) i, i + 1L), null));
        return out;
    }

    static GenericRecord large(int bytes) {
        return record(1, "x".repeat(bytes), null, null);
    }

    /** Four fields plus {@code n - 4} array items: {@code n} values in all. */
    static GenericRecord withValues(int n) {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < n - 4; i++) values.add((long) i);
        return record(1, "many", values, null);
    }

    /** Top-level fields at level 1, the innermost child's at {@code depth}. */
    static GenericRecord nested(int depth) {
        GenericRecord r = record(depth, "level-" + depth, null, null);
        for (int level = depth - 1; level >= 1; level--) r = record(level, "level-" + level, null, r);
        return r;
    }

    static byte[] container(List<GenericRecord> records, CodecFactory codec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(SCHEMA))) {
            writer.setCodec(codec);
            writer.create(SCHEMA, out);
            for (GenericRecord r : records) writer.append(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] binary(List<GenericRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(SCHEMA);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            for (GenericRecord r : records) writer.write(r, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] singleObject(List<GenericRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryMessageEncoder<GenericRecord> encoder = new BinaryMessageEncoder<>(GenericData.get(), SCHEMA);
        try {
            for (GenericRecord r : records) encoder.encode(r, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
