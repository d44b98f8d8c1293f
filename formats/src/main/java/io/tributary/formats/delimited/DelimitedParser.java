package io.tributary.formats.delimited;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.Limits;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.formats.Utf8;
import io.tributary.record.Record;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Parser of one delimited {@link Dialect}: each row becomes a record mapping column name to value.
 *
 * <p>Immutable and thread-safe. Never throws for bad data; a bad row is reported and skipped and parsing
 * carries on with the next row: {@code CSV_SYNTAX} (garbage after a closing quote; an unterminated quote ends
 * the payload), {@code RECORD_TOO_LARGE}, {@code INVALID_UTF8}, {@code MAX_FIELDS_EXCEEDED},
 * {@code CSV_COLUMN_COUNT}, {@code CSV_TYPE}, each at the byte offset of the problem. A header row that cannot
 * be read (with no declared columns to fall back on) is reported and ends the payload, since no later row could
 * be named.
 */
final class DelimitedParser implements Parser {
    private static final int SHOWN_CHARS = 60;

    private final Dialect d;
    private final Limits limits;

    DelimitedParser(Dialect dialect, Limits limits) {
        this.d = dialect;
        this.limits = limits;
    }

    @Override
    public void parse(byte[] payload, RecordSink sink) {
        if (!limits.acceptPayload(payload, sink)) return;
        RowScanner rows = new RowScanner(payload, d, limits.maxFields());
        List<String> columns = d.columns();
        boolean header = d.headerLine();
        int row = 0;
        while (rows.next()) {
            if (header) {
                header = false;
                List<String> names = readHeader(rows, payload, columns, sink);
                if (columns.isEmpty()) {
                    if (names == null) return;
                    columns = names;
                }
                continue;
            }
            Record record = readRow(rows, payload, columns, ++row, sink);
            if (record != null) sink.record(record);
        }
    }

    /** The column names of the header row, or null after reporting why there are none. */
    private List<String> readHeader(RowScanner rows, byte[] payload, List<String> declared, RecordSink sink) {
        if (!checkRow(rows, payload, 0, sink)) return null;
        if (!declared.isEmpty()) {
            if (rows.fieldCount == declared.size()) return declared;
            sink.error(new ParseError(ErrorCode.CSV_COLUMN_COUNT, where(rows, 0) + " has " + rows.fieldCount
                    + " fields, but " + declared.size() + " columns are declared", rows.rowStart));
            return null;
        }
        List<String> names = new ArrayList<>(rows.fieldCount);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.fieldCount; i++) {
            String name = rows.text(i);
            if (!seen.add(name)) {
                sink.error(new ParseError(ErrorCode.CSV_SYNTAX, where(rows, 0) + " names column " + show(name)
                        + " twice; declare distinct names with the 'columns' option", rows.starts[i]));
                return null;
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** The record of the current data row, or null after reporting why it has none. */
    private Record readRow(RowScanner rows, byte[] payload, List<String> columns, int row, RecordSink sink) {
        if (!checkRow(rows, payload, row, sink)) return null;
        if (rows.fieldCount != columns.size()) {
            sink.error(new ParseError(ErrorCode.CSV_COLUMN_COUNT, where(rows, row) + " has " + rows.fieldCount
                    + " fields, expected " + columns.size() + " " + columns, rows.rowStart));
            return null;
        }
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>(Math.max(4, columns.size() * 2));
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String text = rows.text(i);
            if (rows.isNull(i)) {
                fields.put(column, null);
                continue;
            }
            ColumnType type = d.typeOf(column);
            try {
                fields.put(column, type.parse(text));
            } catch (IllegalArgumentException e) {
                sink.error(new ParseError(ErrorCode.CSV_TYPE, where(rows, row) + ", column '" + column + "': "
                        + show(text) + " " + e.getMessage() + " (declared " + type.typeName() + ")",
                        rows.starts[i]));
                return null;
            }
        }
        return Record.wrap(fields);
    }

    /** Checks the row's syntax, size, encoding and field count; reports the first problem. */
    private boolean checkRow(RowScanner rows, byte[] payload, int row, RecordSink sink) {
        ParseError error;
        if (rows.error != null) {
            error = new ParseError(ErrorCode.CSV_SYNTAX, where(rows, row) + ": " + rows.error, rows.errorOffset);
        } else {
            error = limits.checkRecordBytes(rows.rowEnd - rows.rowStart, rows.rowStart);
        }
        if (error == null) {
            long invalid = Utf8.firstInvalid(payload, rows.rowStart, rows.rowEnd - rows.rowStart);
            if (invalid >= 0) {
                error = new ParseError(ErrorCode.INVALID_UTF8, where(rows, row) + ": invalid UTF-8 at byte offset "
                        + invalid, invalid);
            }
        }
        if (error == null && rows.fieldCount > limits.maxFields()) {
            error = new ParseError(ErrorCode.MAX_FIELDS_EXCEEDED, where(rows, row) + " has " + rows.fieldCount
                    + " fields, more than max.fields=" + limits.maxFields(), rows.rowStart);
        }
        if (error == null) return true;
        sink.error(error);
        return false;
    }

    /** The current row for a message; {@code row} 0 is the header line. */
    private static String where(RowScanner rows, int row) {
        String line = "(line " + rows.lineAt(rows.rowStart) + ")";
        return row == 0 ? "The header line " + line : "Row " + row + " " + line;
    }

    private static String show(String value) {
        String shown = value.length() <= SHOWN_CHARS ? value : value.substring(0, SHOWN_CHARS) + "...";
        return "'" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}
