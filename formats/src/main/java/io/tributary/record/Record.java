package io.tributary.record;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one data model every part of Tributary speaks: a {@link Header} plus an insertion-ordered map of named
 * fields. A field value is one of the classes of {@link FieldType}; nested values are reached by
 * {@link FieldPath} ({@code /readings/0/rssi}).
 *
 * <p>Stable API since 0.1. Mutable and not thread-safe: a record is owned by one thread at a time, and is
 * handed over (to a queue, a sink) rather than shared. {@code Serializable}; for Spark, register it with Kryo
 * through {@link RecordKryo}.
 */
public final class Record implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Header header;
    private final LinkedHashMap<String, Object> fields;

    /** An empty record with an empty header. */
    public Record() {
        this(new Header(), new LinkedHashMap<>());
    }

    private Record(Header header, LinkedHashMap<String, Object> fields) {
        this.header = header;
        this.fields = fields;
    }

    /**
     * A record holding a normalized copy of {@code fields}.
     *
     * @throws IllegalArgumentException when a value cannot be normalized (see {@link Values#normalize})
     */
    @SuppressWarnings("unchecked")
    public static Record of(Map<String, ?> fields) {
        return new Record(new Header(), (LinkedHashMap<String, Object>) Values.normalize(fields));
    }

    /**
     * A record that takes ownership of {@code fields} without copying or checking it. For parsers and codecs
     * that build values of the {@link FieldType} classes only; anything else must use {@link #of(Map)}.
     */
    public static Record wrap(LinkedHashMap<String, Object> fields) {
        return new Record(new Header(), fields);
    }

    public Header header() {
        return header;
    }

    /** The fields, read-only and live. */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public int size() {
        return fields.size();
    }

    /** The top-level field with exactly this name, or null. */
    public Object field(String name) {
        return fields.get(name);
    }

    /** The value at {@code path} (see {@link FieldPath}), or null when missing. */
    public Object get(String path) {
        return FieldPath.of(path).get(fields);
    }

    public Object get(FieldPath path) {
        return path.get(fields);
    }

    /** Sets the top-level field {@code name}; the value is normalized. Returns this record. */
    public Record put(String name, Object value) {
        fields.put(Objects.requireNonNull(name, "name"), Values.normalize(value));
        return this;
    }

    /** Sets the value at {@code path}, creating intermediate maps; the value is normalized. */
    public Record set(String path, Object value) {
        return set(FieldPath.of(path), value);
    }

    public Record set(FieldPath path, Object value) {
        path.set(fields, Values.normalize(value));
        return this;
    }

    /** Removes the value at {@code path}; returns it, or null. */
    public Object remove(String path) {
        return FieldPath.of(path).remove(fields);
    }

    public Object remove(FieldPath path) {
        return path.remove(fields);
    }

    /** A deep copy: header and every nested list and map are new. */
    @SuppressWarnings("unchecked")
    public Record copy() {
        Record copy = new Record(new Header().copyFrom(header),
                (LinkedHashMap<String, Object>) Values.deepCopy(fields));
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record r && header.equals(r.header) && fields.equals(r.fields);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + fields.hashCode();
    }

    @Override
    public String toString() {
        return "Record{" + header + ", fields=" + fields + '}';
    }
}
