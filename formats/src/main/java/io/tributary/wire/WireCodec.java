package io.tributary.wire;

import io.tributary.formats.ErrorCode;
import io.tributary.record.Record;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * The edge-to-cloud wire format: a {@link Record} as one Avro
 * <a href="https://avro.apache.org/docs/current/specification/#single-object-encoding">single-object
 * encoded</a> envelope. A message is the two magic bytes {@code C3 01}, the 8-byte little-endian CRC-64-AVRO
 * fingerprint of the envelope schema's Parsing Canonical Form, then the Avro binary datum. The schema is the
 * resource {@code io/tributary/wire/envelope-v1.avsc}; any Avro library can read the messages with it
 * (docs/wire-format.md shows how). Records are walked directly with Avro's binary encoder and decoder, not
 * through generic records; the decoder keeps the order of the fields and attributes.
 *
 * <p><b>Versioning.</b> The fingerprint is the version: {@link #encode} always writes the current version,
 * and {@link #decode} keeps a table from the fingerprint of every released schema version to a reader for
 * it, so after a v2 is added, v1 messages still in Kafka, in a spool or on disk still decode. Rules: a released
 * {@code envelope-vN.avsc} never changes except in doc strings (which are not part of the fingerprint); a new
 * version keeps the full name {@code io.tributary.wire.Envelope} and stays resolvable from the previous one by
 * Avro's schema resolution rules (new fields have defaults), so generic Avro consumers can read old messages
 * with the new schema; readers are deployed before writers (cloud tier before agents).
 *
 * <p><b>Errors.</b> {@link #decode} throws only {@link WireFormatException}, with code
 * {@link ErrorCode#WIRE_BAD_MAGIC} (not a single-object encoding), {@link ErrorCode#WIRE_UNKNOWN_VERSION}
 * (a fingerprint not in the table, e.g. from a newer agent) or {@link ErrorCode#WIRE_MALFORMED} (truncated,
 * corrupt, trailing bytes, invalid UTF-8, a timestamp outside {@link java.time.Instant}'s range, nesting
 * deeper than {@link #MAX_DEPTH}). Counts and lengths are checked against the bytes left before anything is
 * allocated, so memory grows with the size of the input, never with what a corrupt length claims; nesting is
 * bounded and read without recursion, so no input can overflow the stack. {@link #encode} throws {@link IllegalArgumentException} for a record it cannot write
 * faithfully.
 *
 * <p>Stable API since 0.1. Thread-safe: encoding reuses a per-thread buffer, decoding keeps no state.
 */
public final class WireCodec {
    /** The deepest nesting written and read: top-level fields are level 1, as in {@code max.depth}. */
    public static final int MAX_DEPTH = 1000;
    /** The schema version {@link #encode} writes. */
    public static final int CURRENT_VERSION = 1;

    static final int HEADER_LENGTH = 10;
    static final byte MAGIC_0 = (byte) 0xC3;
    static final byte MAGIC_1 = 0x01;
    private static final int RETAINED_BUFFER_BYTES = 64 * 1024;

    private static final WireVersion[] VERSIONS = {WireVersion.load(1, "envelope-v1.avsc", EnvelopeV1Reader::read)};
    private static final WireVersion CURRENT = VERSIONS[CURRENT_VERSION - 1];
    private static final WireCodec INSTANCE = new WireCodec();
    private static final ThreadLocal<EncodeState> ENCODE_STATE = ThreadLocal.withInitial(EncodeState::new);

    private WireCodec() {
    }

    /** The codec; it has no configuration, so one instance serves every caller. */
    public static WireCodec get() {
        return INSTANCE;
    }

    /** The schema {@link #encode} writes. */
    public static Schema schema() {
        return CURRENT.schema();
    }

    /**
     * The schema of a released version.
     *
     * @throws IllegalArgumentException for a version that does not exist
     */
    public static Schema schema(int version) {
        return version(version).schema();
    }

    /** The CRC-64-AVRO fingerprint that marks messages of {@code version}. */
    public static long fingerprint(int version) {
        return version(version).fingerprint();
    }

    private static WireVersion version(int version) {
        if (version < 1 || version > VERSIONS.length) {
            throw new IllegalArgumentException("Unknown envelope version " + version + "; known: 1 to "
                    + VERSIONS.length);
        }
        return VERSIONS[version - 1];
    }

    /**
     * Encodes {@code record} with the current schema version.
     *
     * @throws IllegalArgumentException when the record holds a value of a class outside
     *     {@link io.tributary.record.FieldType}, a null map key or attribute, a string with an unpaired
     *     surrogate (not valid Unicode, so not UTF-8 encodable), or nests deeper than {@link #MAX_DEPTH}
     */
    public byte[] encode(Record record) {
        Objects.requireNonNull(record, "record");
        EncodeState state = ENCODE_STATE.get();
        boolean reusable = false;
        try {
            state.buffer.reset();
            state.buffer.write(CURRENT.header());
            EnvelopeV1Writer.write(record, state.encoder);
            state.encoder.flush();
            byte[] message = state.buffer.toByteArray();
            reusable = state.buffer.capacity() <= RETAINED_BUFFER_BYTES;
            return message;
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        } finally {
            if (!reusable) ENCODE_STATE.remove();
        }
    }

    /** Decodes a whole message; see {@link #decode(byte[], int, int)}. */
    public Record decode(byte[] message) throws WireFormatException {
        return decode(message, 0, message.length);
    }

    /**
     * Decodes the message in {@code length} bytes of {@code bytes} from {@code offset}. The bytes are not
     * retained.
     *
     * @throws WireFormatException for anything but a well-formed message of a known version
     * @throws IndexOutOfBoundsException when the range lies outside {@code bytes}
     */
    public Record decode(byte[] bytes, int offset, int length) throws WireFormatException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if ((length > 0 && bytes[offset] != MAGIC_0) || (length > 1 && bytes[offset + 1] != MAGIC_1)) {
            throw new WireFormatException(ErrorCode.WIRE_BAD_MAGIC, "Not a Tributary envelope: it starts with "
                    + hex(bytes, offset, Math.min(length, 2)) + ", not the Avro single-object marker C3 01", 0);
        }
        if (length < HEADER_LENGTH) {
            throw new WireFormatException(ErrorCode.WIRE_MALFORMED, "Malformed envelope: truncated to " + length
                    + " bytes, shorter than the 10-byte header", length);
        }
        long fingerprint = 0;
        for (int i = 7; i >= 0; i--) fingerprint = (fingerprint << 8) | (bytes[offset + 2 + i] & 0xFF);
        WireVersion version = versionOf(fingerprint);
        if (version == null) {
            throw new WireFormatException(ErrorCode.WIRE_UNKNOWN_VERSION, "Unknown envelope schema fingerprint "
                    + String.format("%016x", fingerprint) + " (this reader knows versions 1 to " + VERSIONS.length
                    + "; a newer writer?)", 2);
        }
        BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, offset + HEADER_LENGTH,
                length - HEADER_LENGTH, null);
        try {
            return version.reader().read(in, length);
        } catch (IOException | RuntimeException e) {
            long at = length - Math.max(0, in.remainingBytes());
            String what = e instanceof EOFException ? "truncated" : String.valueOf(e.getMessage());
            throw new WireFormatException(ErrorCode.WIRE_MALFORMED, "Malformed envelope at byte " + at + ": " + what,
                    at, e);
        }
    }

    private static WireVersion versionOf(long fingerprint) {
        for (WireVersion v : VERSIONS) {
            if (v.fingerprint() == fingerprint) return v;
        }
        return null;
    }

    private static String hex(byte[] bytes, int offset, int length) {
        if (length == 0) return "nothing";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) sb.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[offset + i]));
        return sb.toString();
    }

    /** One thread's output buffer and the Avro encoder writing into it. */
    private static final class EncodeState {
        final Buffer buffer = new Buffer();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(buffer, null);
    }

    /** An unsynchronized growable byte array. */
    private static final class Buffer extends OutputStream {
        private byte[] data = new byte[1024];
        private int size;

        void reset() {
            size = 0;
        }

        int capacity() {
            return data.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(data, size);
        }

        @Override
        public void write(int b) {
            ensure(1);
            data[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, data, size, len);
            size += len;
        }

        private void ensure(int extra) {
            if (size + extra > data.length) {
                data = Arrays.copyOf(data, Math.max(size + extra, Math.min(Integer.MAX_VALUE - 8, data.length * 2)));
            }
        }
    }
}
