package io.tributary.formats.apachelog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One compiled LogFormat directive: how its text is read and the record fields it fills. Built by
 * {@link Directives}; immutable.
 *
 * @param spec the directive as written, e.g. {@code %{Referer}i}, for messages
 * @param kind how the text converts to field values
 * @param names the field names it fills: five for {@link Kind#REQUEST}, one for every other kind
 * @param time the formatter of a {@link Kind#TIME} directive, else null
 * @param bracketed whether the text is enclosed in {@code [...]} (plain {@code %t})
 */
record Directive(String spec, Kind kind, List<String> names, DateTimeFormatter time, boolean bracketed) {
    /** How a directive's text becomes values; {@code -} is null unless said otherwise. */
    enum Kind {
        /** A string. */
        TEXT,
        /** A URL path: a string, which ends at {@code ?} when another directive follows directly. */
        PATH,
        /** A query string: without its leading {@code ?}; empty is null. */
        QUERY,
        /** A string where {@code -} is a value, not a missing one ({@code %X}). */
        KEEP_DASH,
        /** A non-negative integer as a Long. */
        NUMBER,
        /** Like {@link #NUMBER}, but {@code -} is 0 ({@code %b}). */
        CLF_BYTES,
        /** The request line, split into request, method, path, query, protocol. */
        REQUEST,
        /** A timestamp read by {@link #time()}. */
        TIME,
        /** Epoch seconds, milliseconds or microseconds as a timestamp. */
        EPOCH_S, EPOCH_MS, EPOCH_US;

        /** Whether the value is read as a run of digits or a lone {@code -}. */
        boolean numeric() {
            return this == NUMBER || this == CLF_BYTES || this == EPOCH_S || this == EPOCH_MS || this == EPOCH_US;
        }
    }

    private static final String DASH = "-";

    static Directive of(String spec, Kind kind, String name) {
        return new Directive(spec, kind, List.of(name), null, false);
    }

    Directive withNames(List<String> newNames) {
        return new Directive(spec, kind, List.copyOf(newNames), time, bracketed);
    }

    /**
     * Converts the directive's text (not {@link Kind#TIME}) and puts its fields into {@code out}.
     *
     * @return null, or why the text is not a valid value
     */
    String convert(String text, LinkedHashMap<String, Object> out) {
        String name = names.get(0);
        switch (kind) {
            case TEXT, PATH -> out.put(name, DASH.equals(text) ? null : text);
            case KEEP_DASH -> out.put(name, text);
            case QUERY -> {
                String q = text.startsWith("?") ? text.substring(1) : text;
                out.put(name, q.isEmpty() || DASH.equals(q) ? null : q);
            }
            case REQUEST -> request(text, out);
            case NUMBER, CLF_BYTES, EPOCH_S, EPOCH_MS, EPOCH_US -> {
                if (DASH.equals(text)) {
                    out.put(name, kind == Kind.CLF_BYTES ? 0L : null);
                    return null;
                }
                long n = digits(text);
                if (n < 0) return "'" + text + "' is not a number";
                try {
                    out.put(name, switch (kind) {
                        case EPOCH_S -> Instant.ofEpochSecond(n);
                        case EPOCH_MS -> Instant.ofEpochMilli(n);
                        case EPOCH_US -> Instant.ofEpochSecond(n / 1_000_000, n % 1_000_000 * 1000);
                        default -> n;
                    });
                } catch (DateTimeException e) {
                    return "'" + text + "' is out of the timestamp range";
                }
            }
            case TIME -> throw new IllegalStateException(spec + " is read by its formatter");
        }
        return null;
    }

    /** The value of a non-empty string of ASCII digits, or -1. */
    private static long digits(String text) {
        if (text.isEmpty() || text.length() > 18) return -1;
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** {@code METHOD SP target [SP PROTOCOL]}; parts that are not there are null. */
    private void request(String text, LinkedHashMap<String, Object> out) {
        String request = DASH.equals(text) ? null : text;
        String method = null;
        String path = null;
        String query = null;
        String protocol = null;
        int space = request == null ? -1 : request.indexOf(' ');
        if (space > 0) {
            method = request.substring(0, space);
            String target = request.substring(space + 1);
            int last = target.lastIndexOf(' ');
            if (last >= 0 && isProtocol(target, last + 1)) {
                protocol = target.substring(last + 1);
                target = target.substring(0, last);
            }
            int q = target.indexOf('?');
            if (q >= 0) {
                query = q + 1 < target.length() ? target.substring(q + 1) : null;
                target = target.substring(0, q);
            }
            path = target.isEmpty() ? null : target;
        }
        out.put(names.get(0), request);
        out.put(names.get(1), method);
        out.put(names.get(2), path);
        out.put(names.get(3), query);
        out.put(names.get(4), protocol);
    }

    /** Whether {@code s} from {@code from} looks like {@code HTTP/1.1}: letters, a slash, a digit. */
    private static boolean isProtocol(String s, int from) {
        int slash = s.indexOf('/', from);
        if (slash <= from || slash + 1 >= s.length()) return false;
        char digit = s.charAt(slash + 1);
        if (digit < '0' || digit > '9') return false;
        for (int i = from; i < slash; i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') return false;
        }
        return true;
    }
}
