package io.tributary.formats.avro;

import io.tributary.formats.Writer;
import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes records with the configured schema as an Avro object container file ({@code codec} null or
 * deflate), as raw binary datums back to back, or as single-object encoded datums back to back. Values are
 * encoded by {@link DatumEncoder}; every record is encoded before anything is written, so a record that does
 * not fit the schema ({@link IllegalArgumentException} naming the field) leaves {@code out} untouched.
 *
 * <p>Immutable and thread-safe.
 */
final class AvroWriter implements Writer {
    private final Schema schema;
    private final String encoding;
    private final String codec;
    private final byte[] singleObjectHeader;

    AvroWriter(AvroConfig config) {
        this.schema = config.writers().get(0);
        this.encoding = config.encoding();
        this.codec = config.codec();
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        ByteBuffer header = ByteBuffer.allocate(AvroDatumParser.SINGLE_OBJECT_HEADER)
                .order(ByteOrder.LITTLE_ENDIAN);
        header.put(AvroDatumParser.MARKER_0).put(AvroDatumParser.MARKER_1).putLong(fingerprint);
        this.singleObjectHeader = header.array();
    }

    @Override
    public void write(List<Record> records, OutputStream out) throws IOException {
        List<byte[]> datums = new ArrayList<>(records.size());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = null;
        for (Record record : records) {
            buffer.reset();
            encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
            DatumEncoder.write(schema, record.fields(), encoder);
            encoder.flush();
            datums.add(buffer.toByteArray());
        }
        if (encoding.equals(AvroFormat.CONTAINER)) {
            out.write(container(datums));
            return;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] datum : datums) {
            if (encoding.equals(AvroFormat.SINGLE_OBJECT)) all.write(singleObjectHeader);
            all.write(datum);
        }
        all.writeTo(out);
    }

    private byte[] container(List<byte[]> datums) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (DataFileWriter<Object> writer = new DataFileWriter<>(new GenericDatumWriter<>())) {
            writer.setCodec(CodecFactory.fromString(codec));
            writer.create(schema, file);
            for (byte[] datum : datums) writer.appendEncoded(ByteBuffer.wrap(datum));
        }
        return file.toByteArray();
    }
}
