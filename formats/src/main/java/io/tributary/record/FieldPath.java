package io.tributary.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled path into a record's fields, written as a JSON Pointer (RFC 6901): {@code /location/x},
 * {@code /readings/0/rssi}; {@code ~1} stands for {@code /} and {@code ~0} for {@code ~} inside a name. A
 * string without a leading {@code /} names one top-level field as it is. List elements are addressed by a
 * decimal index.
 *
 * <p>Stable API since 0.1. Immutable and thread-safe: compile once, use from any thread.
 */
public final class FieldPath {
    private final String text;
    private final String[] segments;

    private FieldPath(String text, String[] segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Compiles a path.
     *
     * @throws IllegalArgumentException for an empty path or a bad {@code ~} escape
     */
    public static FieldPath of(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw new IllegalArgumentException("Invalid field path '" + path + "': it names no field");
        }
        if (path.charAt(0) != '/') {
            return new FieldPath(path, new String[] {path});
        }
        List<String> parts = new ArrayList<>();
        for (String raw : path.substring(1).split("/", -1)) {
            parts.add(unescape(path, raw));
        }
        return new FieldPath(path, parts.toArray(new String[0]));
    }

    private static String unescape(String path, String raw) {
        if (raw.indexOf('~') < 0) return raw;
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                sb.append(c);
                continue;
            }
            char next = i + 1 < raw.length() ? raw.charAt(++i) : ' ';
            if (next == '0') sb.append('~');
            else if (next == '1') sb.append('/');
            else throw new IllegalArgumentException("Invalid field path '" + path + "': '~' must be followed by 0 or 1");
        }
        return sb.toString();
    }

    /** The value at this path, or null when any part of it is missing. */
    public Object get(Map<String, Object> fields) {
        Object current = fields.get(segments[0]);
        for (int i = 1; i < segments.length && current != null; i++) {
            current = child(current, segments[i]);
        }
        return current;
    }

    /**
     * Sets the value at this path, creating missing intermediate maps. A list index may address an existing
     * element or the end of the list (append).
     *
     * @throws IllegalArgumentException when the path runs through a value that is neither map nor list, or
     *     through a list with a bad index
     */
    @SuppressWarnings("unchecked")
    public void set(Map<String, Object> fields, Object normalizedValue) {
        Object container = fields;
        for (int i = 0; i < segments.length - 1; i++) {
            Object next = child(container, segments[i]);
            if (next == null) {
                next = new LinkedHashMap<String, Object>();
                put(container, segments[i], next, i);
            }
            container = next;
        }
        put(container, segments[segments.length - 1], normalizedValue, segments.length - 1);
    }

    /** Removes the value at this path; returns it, or null when nothing was there. */
    @SuppressWarnings("unchecked")
    public Object remove(Map<String, Object> fields) {
        Object container = fields;
        for (int i = 0; i < segments.length - 1 && container != null; i++) {
            container = child(container, segments[i]);
        }
        String last = segments[segments.length - 1];
        if (container instanceof Map<?, ?> m) return ((Map<String, Object>) m).remove(last);
        if (container instanceof List<?> l) {
            int index = index(last);
            return index >= 0 && index < l.size() ? l.remove(index) : null;
        }
        return null;
    }

    private static Object child(Object container, String segment) {
        if (container instanceof Map<?, ?> m) return m.get(segment);
        if (container instanceof List<?> l) {
            int index = index(segment);
            return index >= 0 && index < l.size() ? l.get(index) : null;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private void put(Object container, String segment, Object value, int depth) {
        if (container instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put(segment, value);
            return;
        }
        if (container instanceof List<?> l) {
            int index = index(segment);
            List<Object> list = (List<Object>) l;
            if (index >= 0 && index < list.size()) {
                list.set(index, value);
                return;
            }
            if (index == list.size()) {
                list.add(value);
                return;
            }
        }
        throw new IllegalArgumentException("Cannot set field path '" + text + "': '"
                + String.join("/", Arrays.copyOf(segments, depth + 1)) + "' is not a map or a list index in range");
    }

    private static int index(String segment) {
        if (segment.isEmpty() || segment.length() > 9) return -1;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') return -1;
        }
        return Integer.parseInt(segment);
    }

    /** The segments of the path, unescaped. */
    public List<String> segments() {
        return List.of(segments);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath p && text.equals(p.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
