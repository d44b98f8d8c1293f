package io.tributary.formats.apachelog;

import io.tributary.formats.apachelog.Directive.Kind;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The table of supported LogFormat directives and the fields they fill (documented in
 * {@code docs/formats/apache_log.md}). Stateless.
 */
final class Directives {
    static final String SUPPORTED = "%a %{c}a %A %b %B %{Name}C %D %{Name}e %f %h %{c}h %H %{Name}i %I %k %l %L %m "
            + "%{Name}n %{Name}o %O %p %{canonical|local|remote}p %P %{pid|tid|hextid}P %q %r %R %s %S %t "
            + "%{format}t %T %{s|ms|us}T %u %U %v %V %X %%";

    private Directives() {
    }

    /**
     * The directive for {@code letter} with its {@code {param}} (or null).
     *
     * @throws IllegalArgumentException for an unknown directive or a parameter it does not take
     */
    static Directive of(String spec, char letter, String param, ZoneId zone) {
        return switch (letter) {
            case 'a' -> choice(spec, param, Kind.TEXT, "remote_ip", "c", "peer_ip");
            case 'A' -> plain(spec, param, Kind.TEXT, "local_ip");
            case 'b' -> plain(spec, param, Kind.CLF_BYTES, "bytes");
            case 'B' -> plain(spec, param, Kind.NUMBER, "bytes");
            case 'C' -> named(spec, param, "cookie_");
            case 'D' -> plain(spec, param, Kind.NUMBER, "duration_us");
            case 'e' -> named(spec, param, "env_");
            case 'f' -> plain(spec, param, Kind.TEXT, "filename");
            case 'h' -> choice(spec, param, Kind.TEXT, "remote_host", "c", "peer_host");
            case 'H' -> plain(spec, param, Kind.TEXT, "protocol");
            case 'i' -> named(spec, param, "request_header_");
            case 'I' -> plain(spec, param, Kind.NUMBER, "bytes_received");
            case 'k' -> plain(spec, param, Kind.NUMBER, "keepalive_requests");
            case 'l' -> plain(spec, param, Kind.TEXT, "remote_logname");
            case 'L' -> plain(spec, param, Kind.TEXT, "log_id");
            case 'm' -> plain(spec, param, Kind.TEXT, "method");
            case 'n' -> named(spec, param, "note_");
            case 'o' -> named(spec, param, "response_header_");
            case 'O' -> plain(spec, param, Kind.NUMBER, "bytes_sent");
            case 'p' -> choice(spec, param, Kind.NUMBER, "server_port", "canonical", "server_port",
                    "local", "local_port", "remote", "remote_port");
            case 'P' -> "hextid".equals(param) ? Directive.of(spec, Kind.TEXT, "thread_id_hex")
                    : choice(spec, param, Kind.NUMBER, "process_id", "pid", "process_id", "tid", "thread_id");
            case 'q' -> plain(spec, param, Kind.QUERY, "query");
            case 'r' -> new Directive(spec, Kind.REQUEST,
                    List.of("request", "method", "path", "query", "protocol"), null, false);
            case 'R' -> plain(spec, param, Kind.TEXT, "handler");
            case 's' -> plain(spec, param, Kind.NUMBER, "status");
            case 'S' -> plain(spec, param, Kind.NUMBER, "bytes_transferred");
            case 't' -> time(spec, param, zone);
            case 'T' -> choice(spec, param, Kind.NUMBER, "duration_s", "s", "duration_s", "ms", "duration_ms",
                    "us", "duration_us");
            case 'u' -> plain(spec, param, Kind.TEXT, "remote_user");
            case 'U' -> plain(spec, param, Kind.PATH, "path");
            case 'v' -> plain(spec, param, Kind.TEXT, "virtual_host");
            case 'V' -> plain(spec, param, Kind.TEXT, "server_name");
            case 'X' -> plain(spec, param, Kind.KEEP_DASH, "connection_status");
            default -> throw new IllegalArgumentException("unknown directive " + spec + "; supported: " + SUPPORTED);
        };
    }

    private static Directive plain(String spec, String param, Kind kind, String name) {
        if (param != null) throw new IllegalArgumentException(spec + ": this directive takes no {parameter}");
        return Directive.of(spec, kind, name);
    }

    /** A directive whose optional parameter is one of a few words, given as pairs of word and field name. */
    private static Directive choice(String spec, String param, Kind kind, String name, String... wordsAndNames) {
        if (param == null) return Directive.of(spec, kind, name);
        StringBuilder allowed = new StringBuilder();
        for (int i = 0; i < wordsAndNames.length; i += 2) {
            if (wordsAndNames[i].equals(param)) return Directive.of(spec, kind, wordsAndNames[i + 1]);
            allowed.append(i == 0 ? "" : ", ").append(wordsAndNames[i]);
        }
        throw new IllegalArgumentException(spec + ": unsupported parameter '" + param + "'; supported: " + allowed);
    }

    /** A directive that names a header, variable or cookie: {@code prefix} plus the name in snake case. */
    private static Directive named(String spec, String param, String prefix) {
        if (param == null || param.isBlank()) {
            throw new IllegalArgumentException(spec + ": this directive needs a name, e.g. %{Referer}"
                    + spec.charAt(spec.length() - 1));
        }
        StringBuilder name = new StringBuilder(prefix);
        for (char c : param.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            name.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return Directive.of(spec, Kind.TEXT, name.toString());
    }

    private static Directive time(String spec, String param, ZoneId zone) {
        if (param == null) {
            return new Directive(spec, Kind.TIME, List.of("timestamp"), Strftime.compile(Strftime.CLF, zone), true);
        }
        String name = "timestamp";
        String format = param;
        if (format.startsWith("begin:")) {
            format = format.substring("begin:".length());
        } else if (format.startsWith("end:")) {
            format = format.substring("end:".length());
            name = "timestamp_end";
        }
        return switch (format) {
            case "sec" -> Directive.of(spec, Kind.EPOCH_S, name);
            case "msec" -> Directive.of(spec, Kind.EPOCH_MS, name);
            case "usec" -> Directive.of(spec, Kind.EPOCH_US, name);
            case "msec_frac", "usec_frac" -> throw new IllegalArgumentException(spec + ": " + format
                    + " is not supported; use %{msec}t or %{usec}t");
            default -> new Directive(spec, Kind.TIME, List.of(name), Strftime.compile(format, zone), false);
        };
    }
}
