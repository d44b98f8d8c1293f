package io.tributary.formats.delimited;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The RFC 4180 state machine: finds the rows of one payload and the byte span of each field, without decoding
 * (every structural character is ASCII, so it can never be part of a multi-byte UTF-8 sequence). Skips a
 * leading UTF-8 byte order mark, comment lines and, if configured, empty lines. A row ends at CRLF, LF or a
 * lone CR outside quotes, or at the end of the payload.
 *
 * <p>After a malformed row ({@link #error} set) scanning resumes at the next line, except after an
 * unterminated quote or a trailing escape, which run to the end of the payload. One instance per parse call;
 * not thread-safe.
 */
final class RowScanner {
    /** Field flag: the field was quoted; its span excludes the quotes. */
    static final int QUOTED = 1;
    /** Field flag: the span holds doubled quotes or escape sequences to resolve. */
    static final int ESCAPED = 2;

    private final byte[] p;
    private final int len;
    private final Dialect d;
    private final int maxStored;
    private final byte[] nullText;
    private int pos;
    private int lineCursor;
    private int lineNumber = 1;

    /** Span of the current row, without its line break. */
    int rowStart;
    int rowEnd;
    /** Fields in the current row; only the first {@code maxStored} spans are kept. */
    int fieldCount;
    int[] starts = new int[16];
    int[] ends = new int[16];
    byte[] flags = new byte[16];
    /** Why the current row is malformed, or null; and where. */
    String error;
    int errorOffset;

    RowScanner(byte[] payload, Dialect dialect, int maxStored) {
        this.p = payload;
        this.len = payload.length;
        this.d = dialect;
        this.maxStored = maxStored;
        this.nullText = dialect.nullValue() == null ? null : dialect.nullValue().getBytes(StandardCharsets.UTF_8);
        boolean bom = len >= 3 && (p[0] & 0xFF) == 0xEF && (p[1] & 0xFF) == 0xBB && (p[2] & 0xFF) == 0xBF;
        this.pos = bom ? 3 : 0;
    }

    /** Moves to the next row; false at the end of the payload. */
    boolean next() {
        while (pos < len) {
            int b = p[pos] & 0xFF;
            if (b == d.comment() || d.skipEmptyLines() && (b == '\r' || b == '\n')) {
                pos = afterLineBreak(lineEnd(pos));
                continue;
            }
            scanRow();
            return true;
        }
        return false;
    }

    /** The 1-based line on which {@code offset} lies; offsets must be asked in increasing order. */
    int lineAt(int offset) {
        if (offset < lineCursor) {
            lineCursor = 0;
            lineNumber = 1;
        }
        for (; lineCursor < offset; lineCursor++) {
            int b = p[lineCursor];
            if (b == '\n' || b == '\r' && (lineCursor + 1 >= len || p[lineCursor + 1] != '\n')) lineNumber++;
        }
        return lineNumber;
    }

    /** Whether field {@code i} is unquoted and its raw text (escapes unresolved, trimmed if set) is null.value. */
    boolean isNull(int i) {
        if (nullText == null || (flags[i] & QUOTED) != 0) return false;
        int s = starts[i];
        int e = ends[i];
        if (d.trim()) {
            while (s < e && d.isBlank(p[s] & 0xFF)) s++;
            while (e > s && d.isBlank(p[e - 1] & 0xFF)) e--;
        }
        return Arrays.equals(p, s, e, nullText, 0, nullText.length);
    }

    /** The text of field {@code i}, quotes and escapes resolved, trimmed if configured; the row is UTF-8. */
    String text(int i) {
        int s = starts[i];
        int e = ends[i];
        boolean quoted = (flags[i] & QUOTED) != 0;
        boolean trim = d.trim() && !quoted;
        if (trim) {
            while (s < e && d.isBlank(p[s] & 0xFF)) s++;
        }
        if ((flags[i] & ESCAPED) == 0) {
            if (trim) {
                while (e > s && d.isBlank(p[e - 1] & 0xFF)) e--;
            }
            return new String(p, s, e - s, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[e - s];
        int n = 0;
        int keep = 0;
        for (int k = s; k < e; k++) {
            int b = p[k] & 0xFF;
            if (b == d.escape()) {
                out[n++] = (byte) unescape(p[++k] & 0xFF);
                keep = n;
            } else if (quoted && b == d.quote()) {
                out[n++] = (byte) b;
                k++;
            } else {
                out[n++] = (byte) b;
                if (!d.isBlank(b)) keep = n;
            }
        }
        return new String(out, 0, trim ? keep : n, StandardCharsets.UTF_8);
    }

    private static int unescape(int b) {
        return switch (b) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> b;
        };
    }

    private void scanRow() {
        rowStart = pos;
        fieldCount = 0;
        error = null;
        int i = pos;
        while (true) {
            int j = i;
            if (d.trim()) j = skipBlanks(j);
            int k;
            if (d.quote() != Dialect.NONE && j < len && (p[j] & 0xFF) == d.quote()) {
                k = scanQuoted(j);
                if (k < 0) return;
                if (d.trim()) k = skipBlanks(k);
                if (k < len && (p[k] & 0xFF) != d.delimiter() && !isLineBreak(k)) {
                    fail(k, "unexpected character after the closing quote of a field");
                    rowEnd = lineEnd(k);
                    pos = afterLineBreak(rowEnd);
                    return;
                }
            } else {
                k = scanUnquoted(i);
                if (k < 0) return;
            }
            if (k < len && (p[k] & 0xFF) == d.delimiter()) {
                i = k + 1;
            } else {
                rowEnd = k;
                pos = afterLineBreak(k);
                return;
            }
        }
    }

    /** Scans the quoted field opening at {@code open}; returns the offset after its closing quote, or -1. */
    private int scanQuoted(int open) {
        int flag = QUOTED;
        int k = open + 1;
        while (true) {
            if (k >= len) return failToEnd(open, "unterminated quoted field");
            int b = p[k] & 0xFF;
            if (b == d.escape()) {
                if (k + 1 >= len) return failToEnd(k, "escape character at the end of the payload");
                flag |= ESCAPED;
                k += 2;
            } else if (b == d.quote()) {
                if (k + 1 >= len || (p[k + 1] & 0xFF) != d.quote()) break;
                flag |= ESCAPED;
                k += 2;
            } else {
                k++;
            }
        }
        addField(open + 1, k, flag);
        return k + 1;
    }

    /** Scans the unquoted field starting at {@code start}; returns the offset of what ends it, or -1. */
    private int scanUnquoted(int start) {
        int flag = 0;
        int k = start;
        while (k < len) {
            int b = p[k] & 0xFF;
            if (b == d.delimiter() || b == '\r' || b == '\n') break;
            if (b == d.escape()) {
                if (k + 1 >= len) return failToEnd(k, "escape character at the end of the payload");
                flag |= ESCAPED;
                k += 2;
            } else {
                k++;
            }
        }
        addField(start, k, flag);
        return k;
    }

    private void addField(int start, int end, int flag) {
        if (fieldCount < maxStored) {
            if (fieldCount == starts.length) {
                int n = Math.min(maxStored, fieldCount * 2);
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                flags = Arrays.copyOf(flags, n);
            }
            starts[fieldCount] = start;
            ends[fieldCount] = end;
            flags[fieldCount] = (byte) flag;
        }
        fieldCount++;
    }

    private void fail(int offset, String message) {
        error = message;
        errorOffset = offset;
    }

    private int failToEnd(int offset, String message) {
        fail(offset, message);
        rowEnd = len;
        pos = len;
        return -1;
    }

    private int skipBlanks(int k) {
        while (k < len && d.isBlank(p[k] & 0xFF)) k++;
        return k;
    }

    private boolean isLineBreak(int k) {
        return p[k] == '\r' || p[k] == '\n';
    }

    private int lineEnd(int k) {
        while (k < len && !isLineBreak(k)) k++;
        return k;
    }

    private int afterLineBreak(int k) {
        if (k >= len) return len;
        return p[k] == '\r' && k + 1 < len && p[k + 1] == '\n' ? k + 2 : k + 1;
    }
}
