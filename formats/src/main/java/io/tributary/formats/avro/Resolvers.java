package io.tributary.formats.avro;

import io.tributary.formats.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.ResolvingDecoder;

/**
 * Decoders that resolve a writer schema to the configured reader schema (Avro schema resolution). Building a
 * resolver is expensive, so each thread keeps its most recently used ones, keyed by writer schema identity
 * (the parsers hand in the same instance for the same schema). A decoder is valid for one datum: callers ask
 * again for each, so a sink that parses from inside a callback cannot disturb them. Thread-safe.
 */
final class Resolvers {
    private record Entry(Schema writer, ResolvingDecoder decoder) {
    }

    private final Schema reader;
    private final int capacity;
    private final ThreadLocal<List<Entry>> recent = ThreadLocal.withInitial(ArrayList::new);

    /** Resolves to {@code reader}, or does nothing when it is null. */
    Resolvers(Schema reader, int capacity) {
        this.reader = reader;
        this.capacity = capacity;
    }

    /** The schema datums are built in: the reader schema, or the writer's own when there is none. */
    Schema target(Schema writer) {
        return reader != null ? reader : writer;
    }

    /** A decoder over {@code src} for datums written with {@code writer}, positioned at {@code src}. */
    Decoder decoder(Schema writer, AvroInput src) throws AvroDataException {
        if (reader == null || reader == writer) return src;
        List<Entry> entries = recent.get();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.writer == writer) {
                if (i > 0) entries.add(0, entries.remove(i));
                return configure(e.decoder, src);
            }
        }
        ResolvingDecoder decoder;
        try {
            decoder = DecoderFactory.get().resolvingDecoder(writer, reader, src);
        } catch (IOException | RuntimeException e) {
            throw new AvroDataException(ErrorCode.AVRO_UNKNOWN_SCHEMA, "Cannot resolve " + writer.getFullName()
                    + " to the reader schema: " + e.getMessage(), src.offsetOf(src.position()));
        }
        if (entries.size() >= capacity) entries.remove(entries.size() - 1);
        entries.add(0, new Entry(writer, decoder));
        return decoder;
    }

    private static Decoder configure(ResolvingDecoder decoder, AvroInput src) throws AvroDataException {
        try {
            decoder.configure(src);
            return decoder;
        } catch (IOException e) {
            throw new AvroDataException(ErrorCode.AVRO_SYNTAX, e.getMessage(), src.offsetOf(src.position()));
        }
    }
}
