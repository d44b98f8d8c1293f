package io.tributary.formats.apachelog;

import io.tributary.formats.apachelog.Directive.Kind;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * An Apache LogFormat string compiled once into a sequence of steps that reads a line left to right in one
 * pass, without regular expressions or backtracking, so the cost of a line is linear in its length.
 *
 * <p>How a directive's text is delimited: numbers are a run of digits or a lone {@code -}; timestamps are
 * what their format reads; a directive between double quotes (the literal before it ends with {@code "}
 * and the one after it starts with {@code "}) runs to the first {@code "} not escaped by a backslash, and
 * its {@code \"} and {@code \\} are unescaped; any other directive runs to the first occurrence of the
 * literal text after it, or to the end of the line when it is last; a directive directly followed by
 * another runs to the next whitespace ({@code %U} also stops at {@code ?}, so {@code %U%q} works).
 *
 * <p>Literal text in the format understands {@code %%}, and the escapes {@code \"}, {@code \\} and
 * {@code \t} of httpd.conf. Field names that occur twice get a suffix: {@code status_2}.
 *
 * <p>Immutable and thread-safe.
 */
final class LogFormat {
    private enum Scan { LITERAL, TIME, NUMBER, QUOTED, UNTIL, END, TOKEN }

    /** A literal to match, or a directive to read; {@code literal} is also the delimiter of UNTIL. */
    private record Step(Scan scan, String literal, Directive directive) {
    }

    private final String source;
    private final Step[] steps;
    private final int fieldCount;

    private LogFormat(String source, List<Step> steps, int fieldCount) {
        this.source = source;
        this.steps = steps.toArray(new Step[0]);
        this.fieldCount = fieldCount;
    }

    /**
     * Compiles {@code format}; timestamps without an offset are read in {@code zone}.
     *
     * @throws IllegalArgumentException with the reason when the format has an unknown or malformed directive
     */
    static LogFormat compile(String format, ZoneId zone) {
        List<Object> elements = tokenize(format, zone);
        if (elements.isEmpty()) throw new IllegalArgumentException("the LogFormat is empty");
        Set<String> used = new HashSet<>();
        List<Step> steps = new ArrayList<>(elements.size());
        int fieldCount = 0;
        for (int k = 0; k < elements.size(); k++) {
            if (elements.get(k) instanceof String literal) {
                steps.add(new Step(Scan.LITERAL, literal, null));
                continue;
            }
            Directive d = unique((Directive) elements.get(k), used);
            fieldCount += d.names().size();
            String before = k > 0 && elements.get(k - 1) instanceof String s ? s : null;
            String after = k + 1 < elements.size() && elements.get(k + 1) instanceof String s ? s : null;
            Scan scan;
            if (d.kind() == Kind.TIME) scan = Scan.TIME;
            else if (d.kind().numeric()) scan = Scan.NUMBER;
            else if (before != null && before.endsWith("\"") && after != null && after.startsWith("\"")) {
                scan = Scan.QUOTED;
            } else if (after != null) scan = Scan.UNTIL;
            else if (k + 1 == elements.size()) scan = Scan.END;
            else scan = Scan.TOKEN;
            steps.add(new Step(scan, scan == Scan.UNTIL ? after : null, d));
        }
        return new LogFormat(format, steps, fieldCount);
    }

    /** Literal strings (adjacent text merged) and directives, in order. */
    private static List<Object> tokenize(String format, ZoneId zone) {
        List<Object> elements = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int n = format.length();
        int i = 0;
        while (i < n) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < n && format.charAt(i + 1) == '%') {
                literal.append('%');
                i += 2;
            } else if (c == '%') {
                int j = i + 1;
                String param = null;
                while (j < n && "{!<>,0123456789".indexOf(format.charAt(j)) >= 0) {
                    if (format.charAt(j) == '{') {
                        int close = format.indexOf('}', j);
                        if (close < 0) {
                            throw new IllegalArgumentException("unterminated '{' in '" + format.substring(i) + "'");
                        }
                        param = format.substring(j + 1, close);
                        j = close;
                    }
                    j++;
                }
                if (j >= n) throw new IllegalArgumentException("incomplete directive '" + format.substring(i) + "'");
                Directive d = Directives.of(format.substring(i, j + 1), format.charAt(j), param, zone);
                if (d.bracketed()) literal.append('[');
                if (literal.length() > 0) elements.add(literal.toString());
                literal.setLength(0);
                elements.add(d);
                if (d.bracketed()) literal.append(']');
                i = j + 1;
            } else if (c == '\\' && i + 1 < n && "\"\\t".indexOf(format.charAt(i + 1)) >= 0) {
                char e = format.charAt(i + 1);
                literal.append(e == 't' ? '\t' : e);
                i += 2;
            } else if (c == '\n' || c == '\r' || (c == '\\' && i + 1 < n && "nr".indexOf(format.charAt(i + 1)) >= 0)) {
                throw new IllegalArgumentException("a line break in the LogFormat: entries must be one line each");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) elements.add(literal.toString());
        return elements;
    }

    private static Directive unique(Directive d, Set<String> used) {
        List<String> names = new ArrayList<>(d.names().size());
        for (String name : d.names()) {
            String candidate = name;
            for (int suffix = 2; !used.add(candidate); suffix++) candidate = name + "_" + suffix;
            names.add(candidate);
        }
        return names.equals(d.names()) ? d : d.withNames(names);
    }

    /** How many fields a matching line fills. */
    int fieldCount() {
        return fieldCount;
    }

    /**
     * Reads {@code line} into {@code out}, in LogFormat order.
     *
     * @return null when the line matches, else the reason it does not (with a 1-based column)
     */
    String match(String line, LinkedHashMap<String, Object> out) {
        int pos = 0;
        for (Step step : steps) {
            Directive d = step.directive();
            if (step.scan() == Scan.LITERAL) {
                if (!line.startsWith(step.literal(), pos)) {
                    return "expected '" + step.literal() + "' at column " + (pos + 1) + ", found " + excerpt(line, pos);
                }
                pos += step.literal().length();
            } else if (step.scan() == Scan.TIME) {
                ParsePosition position = new ParsePosition(pos);
                try {
                    out.put(d.names().get(0), Instant.from(d.time().parse(line, position)));
                } catch (DateTimeException e) {
                    return d.spec() + " at column " + (pos + 1) + ": not a timestamp: " + excerpt(line, pos);
                }
                pos = position.getIndex();
            } else {
                int end = end(step, line, pos);
                if (end < 0) {
                    return d.spec() + " at column " + (pos + 1) + ": "
                            + (step.scan() == Scan.QUOTED ? "no closing '\"'" : "no '" + step.literal() + "' after it");
                }
                if (step.scan() == Scan.NUMBER && end == pos) {
                    return d.spec() + " at column " + (pos + 1) + ": expected a number or '-', found "
                            + excerpt(line, pos);
                }
                String text = line.substring(pos, end);
                if (step.scan() == Scan.QUOTED && text.indexOf('\\') >= 0) text = unescape(text);
                String problem = d.convert(text, out);
                if (problem != null) return d.spec() + " at column " + (pos + 1) + ": " + problem;
                pos = end;
            }
        }
        return pos == line.length() ? null : "unexpected text at column " + (pos + 1) + ": " + excerpt(line, pos);
    }

    /** Where the directive's text ends, or -1 when its delimiter is missing. */
    private static int end(Step step, String line, int pos) {
        int n = line.length();
        int i = pos;
        switch (step.scan()) {
            case NUMBER -> {
                if (i < n && line.charAt(i) == '-') return i + 1;
                while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') i++;
                return i;
            }
            case QUOTED -> {
                for (; i < n; i++) {
                    char c = line.charAt(i);
                    if (c == '\\') i++;
                    else if (c == '"') return i;
                }
                return -1;
            }
            case UNTIL -> {
                return line.indexOf(step.literal(), pos);
            }
            case END -> {
                return n;
            }
            default -> {
                Kind kind = step.directive().kind();
                if (kind == Kind.QUERY && (i == n || line.charAt(i) != '?')) return i;
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    if (kind == Kind.PATH && line.charAt(i) == '?') break;
                    i++;
                }
                return i;
            }
        }
    }

    private static String unescape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                c = text.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String excerpt(String line, int pos) {
        if (pos >= line.length()) return "the end of the line";
        int end = Math.min(line.length(), pos + 32);
        return "'" + line.substring(pos, end) + (end < line.length() ? "...'" : "'");
    }

    @Override
    public String toString() {
        return source;
    }
}
