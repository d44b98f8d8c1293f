package io.tributary.agent.spool;

import io.tributary.agent.delivery.Outgoing;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of one spooled {@link Outgoing}, format version 1 (the version of the segment file that holds
 * it; a new entry layout means a new segment format version). All integers big-endian:
 *
 * <pre>
 * i32 topic length, topic UTF-8
 * i32 key length (-1 = null key), key bytes
 * i32 value length, value bytes
 * i32 header count, then per header: i32 name length, name UTF-8, i32 value length, value UTF-8
 * </pre>
 */
final class EntryCodec {
    /** The smallest encoding: an empty topic, null key, empty value, no headers. */
    static final int MIN_BYTES = 16;

    private EntryCodec() {}

    static byte[] encode(Outgoing o) {
        byte[] topic = utf8(o.topic());
        int size = 4 + topic.length + 4 + (o.key() == null ? 0 : o.key().length) + 4 + o.value().length + 4;
        List<byte[]> headers = new ArrayList<>(o.headers().size() * 2);
        for (Map.Entry<String, String> h : o.headers().entrySet()) {
            byte[] name = utf8(h.getKey());
            byte[] value = utf8(h.getValue());
            headers.add(name);
            headers.add(value);
            size = Math.addExact(size, 8 + name.length + value.length);
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(topic.length).put(topic);
        if (o.key() == null) {
            b.putInt(-1);
        } else {
            b.putInt(o.key().length).put(o.key());
        }
        b.putInt(o.value().length).put(o.value());
        b.putInt(o.headers().size());
        for (byte[] part : headers) b.putInt(part.length).put(part);
        return b.array();
    }

    /** Decodes an entry whose CRC matched; a malformed one means a bug or a misread version, so it fails. */
    static Outgoing decode(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
        try {
            String topic = string(b);
            int keyLength = b.getInt();
            byte[] key = keyLength == -1 ? null : bytes(b, keyLength);
            byte[] value = bytes(b, b.getInt());
            int count = b.getInt();
            if (count < 0 || count > b.remaining() / 8) throw new IOException("header count " + count);
            Map<String, String> headers = new LinkedHashMap<>(Math.max(4, count * 2));
            for (int i = 0; i < count; i++) headers.put(string(b), string(b));
            if (b.hasRemaining()) throw new IOException(b.remaining() + " trailing bytes");
            return new Outgoing(topic, key, value, headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(headers));
        } catch (BufferUnderflowException | IOException e) {
            throw new IOException("Malformed spool entry (" + length + " bytes): "
                    + (e.getMessage() == null ? "truncated" : e.getMessage()), e);
        }
    }

    private static String string(ByteBuffer b) throws IOException {
        return new String(bytes(b, b.getInt()), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer b, int length) throws IOException {
        if (length < 0 || length > b.remaining()) throw new IOException("length " + length + " out of range");
        byte[] out = new byte[length];
        b.get(out);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
