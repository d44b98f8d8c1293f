package io.tributary.formats.delimited;

import io.tributary.formats.Writer;
import io.tributary.record.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writer of one delimited {@link Dialect}, in UTF-8: a header line (the declared columns, else the first
 * record's field names) when {@code header.line} is set, then one row per record, each ended by the dialect's
 * line ending. A field is quoted (or, with quoting off, escaped) only when the parser would otherwise read it
 * differently; typed values are rendered by {@link ColumnType#render} so the parser with the same settings
 * reads back equal records. A missing field is written as null.
 *
 * <p>Immutable and thread-safe. Raises {@link IllegalArgumentException} naming the field, and writes nothing,
 * for a record it cannot represent: a nested map or list, a field that is not a column, a value of another
 * class than its column's declared type, or text that needs quoting when both quoting and escaping are off.
 * A null written without {@code null.value} set reads back as an empty string.
 */
final class DelimitedWriter implements Writer {
    private final Dialect d;

    DelimitedWriter(Dialect dialect) {
        this.d = dialect;
    }

    @Override
    public void write(List<Record> records, OutputStream out) throws IOException {
        List<String> columns = d.columns();
        if (columns.isEmpty() && !records.isEmpty()) {
            columns = List.copyOf(records.get(0).fields().keySet());
            if (columns.isEmpty()) throw new IllegalArgumentException("A record with no fields cannot be a row");
        }
        Set<String> known = new HashSet<>(columns);
        StringBuilder sb = new StringBuilder(64 * (records.size() + 1));
        if (d.headerLine() && !columns.isEmpty()) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) sb.append((char) d.delimiter());
                appendText(sb, columns.get(i), columns.get(i), i, columns.size(), false);
            }
            sb.append(d.lineEnding());
        }
        for (Record record : records) {
            for (String name : record.fields().keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("Field '" + name + "' is not one of the columns " + columns);
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) sb.append((char) d.delimiter());
                appendValue(sb, columns.get(i), record.field(columns.get(i)), i, columns.size());
            }
            sb.append(d.lineEnding());
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void appendValue(StringBuilder sb, String column, Object value, int index, int count) {
        if (value == null && d.nullValue() != null) {
            String text = d.nullValue();
            if (count == 1 && text.isEmpty() && d.skipEmptyLines()
                    || index == 0 && !text.isEmpty() && text.charAt(0) == d.comment()) {
                throw new IllegalArgumentException("Field '" + column + "': null.value '" + text + "' would read"
                        + " back as an empty or comment line here");
            }
            sb.append(text);
            return;
        }
        ColumnType declared = d.types().get(column);
        if (value != null && declared != null && !declared.accepts(value)) {
            throw new IllegalArgumentException("Field '" + column + "' holds a " + value.getClass().getSimpleName()
                    + ", but its column is declared " + declared.typeName());
        }
        String text;
        try {
            text = value == null ? "" : ColumnType.render(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Field '" + column + "': " + e.getMessage()
                    + "; delimited formats cannot nest", e);
        }
        appendText(sb, column, text, index, count, true);
    }

    private void appendText(StringBuilder sb, String column, String text, int index, int count, boolean nullable) {
        boolean special = nullable && text.equals(d.nullValue())
                || count == 1 && text.isEmpty() && d.skipEmptyLines()
                || index == 0 && !text.isEmpty() && text.charAt(0) == d.comment()
                || d.trim() && !text.isEmpty()
                        && (d.isBlank(text.charAt(0)) || d.isBlank(text.charAt(text.length() - 1)));
        for (int i = 0; i < text.length() && !special; i++) {
            int c = text.charAt(i);
            special = c == d.delimiter() || c == '\r' || c == '\n' || c == d.quote() || c == d.escape();
        }
        if (!special) {
            sb.append(text);
        } else if (d.quote() != Dialect.NONE) {
            sb.append((char) d.quote());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == d.quote() || c == d.escape()) sb.append(c);
                sb.append(c);
            }
            sb.append((char) d.quote());
        } else if (d.escape() != Dialect.NONE) {
            appendEscaped(sb, column, text, index, nullable);
        } else {
            throw new IllegalArgumentException("Field '" + column + "': value " + shown(text) + " cannot be written"
                    + " with both quote and escape off (it holds the delimiter or a line break, or would read back"
                    + " as null, a comment or an empty line)");
        }
    }

    private void appendEscaped(StringBuilder sb, String column, String text, int index, boolean nullable) {
        char esc = (char) d.escape();
        boolean equalsNullText = nullable && text.equals(d.nullValue());
        StringBuilder raw = new StringBuilder(text.length() + 8);
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> raw.append(esc).append('n');
                case '\r' -> raw.append(esc).append('r');
                case '\t' -> raw.append(esc).append('t');
                default -> {
                    if (c == d.delimiter() || c == esc
                            || i == 0 && index == 0 && c == d.comment()
                            || (i == 0 || i == last) && d.trim() && d.isBlank(c)
                            || equalsNullText && c != 'n' && c != 'r' && c != 't') {
                        raw.append(esc);
                        equalsNullText = false;
                    }
                    raw.append(c);
                }
            }
        }
        if (raw.length() == 0 || nullable && raw.toString().equals(d.nullValue())) {
            throw new IllegalArgumentException("Field '" + column + "': value " + shown(text) + " cannot be told"
                    + " apart from null or an empty line without quoting; set 'quote'");
        }
        sb.append(raw);
    }

    private static String shown(String text) {
        return "'" + (text.length() <= 60 ? text : text.substring(0, 60) + "...") + "'";
    }
}
