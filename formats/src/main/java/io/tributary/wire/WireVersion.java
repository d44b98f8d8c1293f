package io.tributary.wire;

import io.tributary.record.Record;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;

/**
 * One released version of the envelope schema: its number, its schema (a resource next to this class), the
 * fingerprint that identifies it on the wire, and the reader for its datums. Immutable.
 */
final class WireVersion {
    /** Reads one datum of a version; {@code in} ends where the message ends. */
    @FunctionalInterface
    interface Reader {
        Record read(BinaryDecoder in, int messageLength) throws IOException, WireFormatException;
    }

    private final int number;
    private final Schema schema;
    private final long fingerprint;
    private final byte[] header;
    private final Reader reader;

    private WireVersion(int number, Schema schema, Reader reader) {
        this.number = number;
        this.schema = schema;
        this.fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        this.reader = reader;
        this.header = new byte[WireCodec.HEADER_LENGTH];
        header[0] = WireCodec.MAGIC_0;
        header[1] = WireCodec.MAGIC_1;
        for (int i = 0; i < 8; i++) header[2 + i] = (byte) (fingerprint >>> (8 * i));
    }

    static WireVersion load(int number, String resource, Reader reader) {
        try (InputStream in = WireVersion.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Envelope schema resource " + resource + " is missing");
            return new WireVersion(number, new Schema.Parser().parse(in), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read envelope schema resource " + resource, e);
        }
    }

    int number() {
        return number;
    }

    Schema schema() {
        return schema;
    }

    long fingerprint() {
        return fingerprint;
    }

    /** The 10 bytes every message of this version starts with: magic and fingerprint. Do not modify. */
    byte[] header() {
        return header;
    }

    Reader reader() {
        return reader;
    }
}
