package io.tributary.formats.avro;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.Limits;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.record.Record;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Parses raw Avro binary datums written with the configured schema ({@code encoding=binary}), or Avro
 * single-object encoded datums ({@code encoding=single_object}: {@code C3 01}, the little-endian CRC-64-AVRO
 * fingerprint of the writer schema's parsing canonical form, then the datum), whose schema is looked up by
 * fingerprint among the configured ones. Either way the payload may hold several datums back to back; an
 * empty payload holds none.
 *
 * <p>Errors: raw datums carry no framing, so the first bad datum (or bad marker, or unknown fingerprint,
 * reported as {@link ErrorCode#AVRO_UNKNOWN_SCHEMA}) ends the payload; the records before it have been
 * emitted. A datum larger than {@code max.record.bytes} is skipped and parsing goes on. Offsets are exact.
 *
 * <p>Immutable and thread-safe.
 */
final class AvroDatumParser implements Parser {
    static final int SINGLE_OBJECT_HEADER = 10;
    static final byte MARKER_0 = (byte) 0xC3;
    static final byte MARKER_1 = 0x01;

    private final Limits limits;
    private final boolean singleObject;
    private final List<Schema> writers;
    private final Map<Long, Schema> byFingerprint = new HashMap<>();
    private final Resolvers resolvers;

    AvroDatumParser(AvroConfig config) {
        this.limits = config.limits();
        this.singleObject = config.singleObject();
        this.writers = config.writers();
        for (Schema s : writers) byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(s), s);
        this.resolvers = new Resolvers(config.reader(), writers.size() + 1);
    }

    @Override
    public void parse(byte[] payload, RecordSink sink) {
        if (!limits.acceptPayload(payload, sink)) return;
        AvroInput src = new AvroInput(payload, 0, payload.length, -1, limits.maxFields());
        try {
            while (!src.atEnd()) {
                int start = src.position();
                Schema writer = singleObject ? header(payload, src) : writers.get(0);
                LinkedHashMap<String, Object> fields =
                        new DatumBuilder(limits, src, resolvers.decoder(writer, src)).read(resolvers.target(writer));
                int bytes = src.position() - start;
                ParseError tooLarge = limits.checkRecordBytes(bytes, start);
                if (tooLarge != null) sink.error(tooLarge);
                else sink.record(Record.wrap(fields));
                if (bytes == 0 && !src.atEnd()) {
                    throw src.syntax(src.remainingBytes() + " bytes after a datum that takes none");
                }
            }
        } catch (AvroDataException e) {
            sink.error(e.toParseError());
        }
    }

    /** Reads a single-object header and returns the writer schema it names. */
    private Schema header(byte[] payload, AvroInput src) throws AvroDataException {
        int at = src.position();
        if (src.remainingBytes() < SINGLE_OBJECT_HEADER || payload[at] != MARKER_0 || payload[at + 1] != MARKER_1) {
            throw src.syntax("Not an Avro single-object datum (no C3 01 marker and fingerprint)");
        }
        long fingerprint = 0;
        for (int i = 7; i >= 0; i--) fingerprint = fingerprint << 8 | (payload[at + 2 + i] & 0xFF);
        Schema writer = byFingerprint.get(fingerprint);
        if (writer == null) {
            throw new AvroDataException(ErrorCode.AVRO_UNKNOWN_SCHEMA, String.format(
                    "Schema fingerprint %016x is not one of the configured schemas", fingerprint), at + 2);
        }
        src.skipFixed(SINGLE_OBJECT_HEADER);
        return writer;
    }
}
