package io.tributary.formats.avro;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.Limits;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.formats.Utf8;
import io.tributary.record.Record;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Parses Avro object container files: the header (magic, metadata with the schema and codec, sync marker),
 * then blocks of datums, each followed by the sync marker.
 *
 * <p>Errors: a bad header, an unsupported codec or an unusable schema ends the payload with one error. A block
 * whose framing is broken (bad count or size, truncated, wrong sync marker) ends the payload too; the records
 * of the blocks before it have been emitted. A bad datum inside a well-framed block ends that block (the
 * datums after it cannot be located) and parsing goes on with the next block; so does a block that
 * decompresses to more than {@code max.block.bytes}. Offsets are exact except inside compressed blocks, where
 * they point at the block.
 *
 * <p>Immutable and thread-safe. Parsed file schemas are cached by their JSON text.
 */
final class AvroContainerParser implements Parser {
    private static final byte[] MAGIC = {'O', 'b', 'j', 1};
    private static final int SYNC_SIZE = 16;
    private static final int SCHEMA_CACHE_SIZE = 64;

    /** A file schema as parsed and checked once: either usable ({@code problem == null}) or not. */
    private record FileSchema(Schema writer, long minDatumBytes, String problemCode, String problem) {
    }

    private record Header(FileSchema schema, String codec, byte[] sync) {
    }

    private final Limits limits;
    private final int maxBlockBytes;
    private final Schema reader;
    private final Resolvers resolvers;
    private final ConcurrentHashMap<String, FileSchema> schemas = new ConcurrentHashMap<>();

    AvroContainerParser(AvroConfig config) {
        this.limits = config.limits();
        this.maxBlockBytes = config.maxBlockBytes();
        this.reader = config.reader();
        this.resolvers = new Resolvers(reader, 8);
    }

    @Override
    public void parse(byte[] payload, RecordSink sink) {
        if (!limits.acceptPayload(payload, sink)) return;
        AvroInput in = new AvroInput(payload, 0, payload.length, -1, limits.maxFields());
        try {
            Header header = header(payload, in);
            while (!in.atEnd()) block(payload, in, header, sink);
        } catch (AvroDataException e) {
            sink.error(e.toParseError());
        }
    }

    private Header header(byte[] payload, AvroInput in) throws AvroDataException {
        if (payload.length < MAGIC.length || !Arrays.equals(payload, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new AvroDataException(ErrorCode.AVRO_SYNTAX, "Not an Avro container file (no 'Obj' 1 magic)", 0);
        }
        String json = null;
        String codec = "null";
        int codecAt = 0;
        in.skipFixed(MAGIC.length);
        for (long n = in.readMapStart(); n > 0; n = in.mapNext()) {
            for (long i = 0; i < n; i++) {
                String key = in.readString();
                int at = in.position();
                int length = in.readLength();
                in.skipFixed(length);
                if (key.equals("avro.schema")) json = text(payload, at, in.position() - length, length);
                if (key.equals("avro.codec")) {
                    codec = text(payload, at, in.position() - length, length);
                    codecAt = at;
                }
            }
        }
        if (json == null) throw in.syntax("Container header has no avro.schema");
        if (!BlockCodec.SUPPORTED.contains(codec)) {
            throw new AvroDataException(ErrorCode.AVRO_SYNTAX, "Unsupported container codec '" + codec
                    + "'; supported are " + BlockCodec.SUPPORTED, codecAt);
        }
        byte[] sync = new byte[SYNC_SIZE];
        in.readFixed(sync, 0, SYNC_SIZE);
        FileSchema schema = schema(json);
        if (schema.problem != null) throw new AvroDataException(schema.problemCode, schema.problem, 0);
        return new Header(schema, codec, sync);
    }

    private static String text(byte[] payload, int at, int start, int length) throws AvroDataException {
        try {
            return Utf8.decode(payload, start, length);
        } catch (Utf8.InvalidUtf8Exception e) {
            throw new AvroDataException(ErrorCode.AVRO_SYNTAX, "Container header value is not UTF-8", at);
        }
    }

    private FileSchema schema(String json) {
        FileSchema cached = schemas.get(json);
        if (cached != null) return cached;
        FileSchema parsed = parseSchema(json);
        if (schemas.size() >= SCHEMA_CACHE_SIZE) schemas.clear();
        schemas.put(json, parsed);
        return parsed;
    }

    /** Parses an untrusted schema: Avro's parser signals bad input with assorted runtime exceptions. */
    private FileSchema parseSchema(String json) {
        Schema writer;
        try {
            writer = new Schema.Parser().parse(json);
        } catch (RuntimeException | StackOverflowError e) {
            return new FileSchema(null, 0, ErrorCode.AVRO_SYNTAX, "Invalid schema in container header: " + e);
        }
        if (writer.getType() != Schema.Type.RECORD) {
            return new FileSchema(null, 0, ErrorCode.AVRO_SYNTAX,
                    "Container schema is a " + writer.getType().getName() + "; the top-level type must be a record");
        }
        if (reader != null) {
            if (reader.equals(writer)) return new FileSchema(reader, minDatumBytes(reader), null, null);
            SchemaCompatibility.SchemaPairCompatibility c =
                    SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            if (c.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                return new FileSchema(null, 0, ErrorCode.AVRO_UNKNOWN_SCHEMA, "Container schema "
                        + writer.getFullName() + " cannot be read with reader.schema: " + c.getDescription());
            }
        }
        return new FileSchema(writer, minDatumBytes(writer), null, null);
    }

    private void block(byte[] payload, AvroInput in, Header header, RecordSink sink) throws AvroDataException {
        int blockStart = in.position();
        long count = in.readLong();
        if (count < 0) throw in.syntax("Negative block record count " + count);
        int size = in.readLength();
        int dataStart = in.position();
        in.skipFixed(size);
        if (in.remainingBytes() < SYNC_SIZE) throw in.syntax("Block is not followed by the sync marker");
        int syncAt = in.position();
        if (!Arrays.equals(payload, syncAt, syncAt + SYNC_SIZE, header.sync, 0, SYNC_SIZE)) {
            throw in.syntax("Sync marker mismatch after the block at offset " + blockStart);
        }
        in.skipFixed(SYNC_SIZE);
        records(payload, dataStart, size, count, blockStart, header, sink);
    }

    private void records(byte[] payload, int dataStart, int size, long count, int blockStart, Header header,
            RecordSink sink) {
        AvroInput src;
        try {
            if (header.codec.equals("null")) {
                src = new AvroInput(payload, dataStart, dataStart + size, -1, limits.maxFields());
            } else {
                byte[] data = BlockCodec.decompress(header.codec, payload, dataStart, size, maxBlockBytes, blockStart);
                src = new AvroInput(data, 0, data.length, blockStart, limits.maxFields());
            }
            long most = header.schema.minDatumBytes > 0 ? src.remainingBytes() / header.schema.minDatumBytes
                    : limits.maxPayloadBytes();
            if (count > most) throw src.syntax("Block claims " + count + " records; at most " + most + " fit");
        } catch (AvroDataException e) {
            sink.error(skipped(e.toParseError(), "; the block's " + count + " records were skipped", count));
            return;
        }
        Schema writer = header.schema.writer;
        Schema target = resolvers.target(writer);
        for (long i = 0; i < count; i++) {
            int start = src.position();
            LinkedHashMap<String, Object> fields;
            try {
                fields = new DatumBuilder(limits, src, resolvers.decoder(writer, src)).read(target);
            } catch (AvroDataException e) {
                long rest = count - i - 1;
                sink.error(skipped(e.toParseError(), "; " + rest + " more records of the block were skipped", rest));
                return;
            }
            ParseError tooLarge = limits.checkRecordBytes(src.position() - start, src.offsetOf(start));
            if (tooLarge != null) sink.error(tooLarge);
            else sink.record(Record.wrap(fields));
        }
        if (!src.atEnd()) {
            sink.error(src.syntax("Block at offset " + blockStart + " has " + src.remainingBytes()
                    + " bytes after its " + count + " records").toParseError());
        }
    }

    /** The fewest bytes a datum of {@code schema} can take; 0 for a record of nulls only. */
    static long minDatumBytes(Schema schema) {
        return minBytes(schema, new IdentityHashMap<>());
    }

    private static long minBytes(Schema s, IdentityHashMap<Schema, Boolean> visiting) {
        switch (s.getType()) {
            case NULL:
                return 0;
            case FLOAT:
                return 4;
            case DOUBLE:
                return 8;
            case FIXED:
                return s.getFixedSize();
            case RECORD: {
                if (visiting.put(s, Boolean.TRUE) != null) return 0;
                long sum = 0;
                for (Schema.Field f : s.getFields()) sum += minBytes(f.schema(), visiting);
                visiting.remove(s);
                return sum;
            }
            default:
                return 1;
        }
    }

    private static ParseError skipped(ParseError e, String note, long lost) {
        return lost <= 0 ? e : new ParseError(e.code(), e.message() + note, e.offset());
    }
}
