package io.tributary.agent.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One message bound for Kafka: a record in the wire format, or an error record. This is also what the spool
 * stores, so a replayed message is exactly the message that would have been sent.
 *
 * <p>Immutable once built: the arrays are not copied and must not be changed afterwards.
 *
 * @param topic the destination topic
 * @param key the Kafka key (UTF-8 record key), or null
 * @param value the Kafka value
 * @param headers Kafka headers, values UTF-8; insertion-ordered
 */
public record Outgoing(String topic, byte[] key, byte[] value, Map<String, String> headers) {
    public Outgoing {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
        headers = headers == null ? Map.of() : headers;
    }

    /** The key as text, or null. */
    public String keyString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** Bytes this message takes, roughly, in memory and in the spool. */
    public int sizeEstimate() {
        int size = 16 + topic.length() + value.length + (key == null ? 0 : key.length);
        for (Map.Entry<String, String> h : headers.entrySet()) size += 8 + h.getKey().length() + h.getValue().length();
        return size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outgoing other && topic.equals(other.topic) && Arrays.equals(key, other.key)
                && Arrays.equals(value, other.value) && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, Arrays.hashCode(key), Arrays.hashCode(value), headers);
    }

    @Override
    public String toString() {
        return "Outgoing{topic=" + topic + ", key=" + keyString() + ", value=" + value.length + " bytes, headers="
                + headers + '}';
    }
}
