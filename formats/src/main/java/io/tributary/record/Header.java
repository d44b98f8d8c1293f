package io.tributary.record;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record's envelope data: the key (the Kafka key, normally a device or sensor id, so per-device order holds
 * end to end), the source (the origin id, e.g. {@code mqtt:mall/+/rssi}), the time the agent received it, the
 * event time when known, and free string attributes (topic, remote address, content type, agent id, ...).
 *
 * <p>Stable API since 0.1. Mutable and not thread-safe: a header belongs to one record.
 */
public final class Header implements Serializable {
    private static final long serialVersionUID = 1L;

    private String key;
    private String source;
    private Instant receivedAt;
    private Instant eventTime;
    private final LinkedHashMap<String, String> attributes = new LinkedHashMap<>(4);

    public String key() {
        return key;
    }

    public Header key(String key) {
        this.key = key;
        return this;
    }

    public String source() {
        return source;
    }

    public Header source(String source) {
        this.source = source;
        return this;
    }

    /** When the agent received the payload this record came from; null when not received by an agent. */
    public Instant receivedAt() {
        return receivedAt;
    }

    public Header receivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    /** When the event happened, as taken from the data; null when unknown. */
    public Instant eventTime() {
        return eventTime;
    }

    public Header eventTime(Instant eventTime) {
        this.eventTime = eventTime;
        return this;
    }

    /** The attributes, live and insertion-ordered. */
    public Map<String, String> attributes() {
        return attributes;
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    /** Sets an attribute; a null value removes it. */
    public Header attribute(String name, String value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(Objects.requireNonNull(name, "name"), value);
        }
        return this;
    }

    /** Copies every part of {@code other} into this header. */
    public Header copyFrom(Header other) {
        key = other.key;
        source = other.source;
        receivedAt = other.receivedAt;
        eventTime = other.eventTime;
        attributes.clear();
        attributes.putAll(other.attributes);
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Header h && Objects.equals(key, h.key) && Objects.equals(source, h.source)
                && Objects.equals(receivedAt, h.receivedAt) && Objects.equals(eventTime, h.eventTime)
                && attributes.equals(h.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, source, receivedAt, eventTime, attributes);
    }

    @Override
    public String toString() {
        return "Header{key=" + key + ", source=" + source + ", receivedAt=" + receivedAt + ", eventTime="
                + eventTime + ", attributes=" + attributes + '}';
    }
}
