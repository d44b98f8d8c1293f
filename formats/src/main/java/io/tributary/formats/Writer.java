package io.tributary.formats;

import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Turns records into one payload of a format: what a {@link Parser} of the same format and settings reads
 * back as the same records (as far as the format can represent them).
 *
 * <p>Lifecycle and threading as for {@link Parser}: immutable, no resources, safe for concurrent use. A record
 * the format cannot represent (e.g. a nested map in CSV) raises {@link IllegalArgumentException} naming the
 * field; nothing is written for that call.
 *
 * <p>Stable API since 0.1.
 */
public interface Writer {
    /** Writes {@code records} as one payload to {@code out}; does not close it. */
    void write(List<Record> records, OutputStream out) throws IOException;

    /** The payload for {@code records} as bytes. */
    default byte[] toBytes(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * Math.max(1, records.size()));
        try {
            write(records, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
