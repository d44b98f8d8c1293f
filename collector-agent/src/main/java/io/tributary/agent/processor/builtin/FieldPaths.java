package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.ProcessingException;
import io.tributary.config.Option;
import io.tributary.record.FieldPath;
import java.util.List;
import java.util.Map;

/**
 * Field-path options and a presence test shared by the built-in processors.
 *
 * <p>Internal: not an API. Stateless and thread-safe.
 */
public final class FieldPaths {
    private FieldPaths() {
    }

    /** A required option holding one field path, checked when the settings are parsed. */
    public static Option<String> required(String name, String doc) {
        return optional(name, doc).required();
    }

    /** An optional option holding one field path (no default). */
    public static Option<String> optional(String name, String doc) {
        return Option.string(name, null, doc).validate(FieldPaths::check);
    }

    /** A required option holding a non-empty list of field paths. */
    public static Option<List<String>> requiredList(String name, String doc) {
        return Option.list(name, null, doc).required().validate(paths -> {
            if (paths.isEmpty()) return "must name at least one field";
            for (String p : paths) {
                String reason = check(p);
                if (reason != null) return reason;
            }
            return null;
        });
    }

    /** The failure for a field that must be there and is not (or is null). */
    static ProcessingException missing(FieldPath path) {
        return new ProcessingException(ErrorCodes.FIELD_MISSING, "field '" + path + "' is missing");
    }

    /** Null when {@code path} compiles, else why not. */
    static String check(String path) {
        try {
            FieldPath.of(path);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Whether {@code path} names a present value in {@code fields}, a null value included ({@link FieldPath#get}
     * cannot tell a null value from a missing one).
     */
    public static boolean exists(Map<String, Object> fields, FieldPath path) {
        List<String> segments = path.segments();
        Object container = fields;
        for (int i = 0; i < segments.size() - 1 && container != null; i++) {
            container = child(container, segments.get(i));
        }
        String last = segments.get(segments.size() - 1);
        if (container instanceof Map<?, ?> m) return m.containsKey(last);
        if (container instanceof List<?> l) {
            int index = index(last);
            return index >= 0 && index < l.size();
        }
        return false;
    }

    private static Object child(Object container, String segment) {
        if (container instanceof Map<?, ?> m) return m.get(segment);
        if (container instanceof List<?> l) {
            int index = index(segment);
            return index >= 0 && index < l.size() ? l.get(index) : null;
        }
        return null;
    }

    private static int index(String segment) {
        if (segment.isEmpty() || segment.length() > 9) return -1;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') return -1;
        }
        return Integer.parseInt(segment);
    }
}
