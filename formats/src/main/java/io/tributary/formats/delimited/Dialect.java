package io.tributary.formats.delimited;

import io.tributary.config.ConfigException;
import io.tributary.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated settings of one delimited dialect, shared by its parser and writer. The structural characters
 * are ASCII bytes ({@link #NONE} when switched off), so rows can be found in the raw bytes before any decoding.
 *
 * @param columns the declared column names, empty when they come from the header line
 * @param types declared column types by name; a column not in the map is a string column
 * @param nullValue the raw text of an unquoted field that stands for null, or null when nothing does
 */
record Dialect(int delimiter, int quote, int escape, int comment, boolean headerLine, List<String> columns,
        Map<String, ColumnType> types, String nullValue, boolean trim, boolean skipEmptyLines, String lineEnding) {
    static final int NONE = -1;

    /**
     * The dialect of {@code settings}.
     *
     * @throws ConfigException naming every key of an invalid combination
     */
    static Dialect from(DelimitedFormat f, Settings settings) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        int delimiter = settings.get(f.delimiter);
        int quote = optionalChar(settings.get(f.quote));
        int escape = optionalChar(settings.get(f.escape));
        int comment = optionalChar(settings.get(f.comment));
        requireDistinct(problems, "quote", quote, delimiter, NONE, NONE);
        requireDistinct(problems, "escape", escape, delimiter, quote, NONE);
        requireDistinct(problems, "comment", comment, delimiter, quote, escape);
        if (escape != NONE) {
            for (int c : new int[] {escape, delimiter, comment}) {
                if (c == 'n' || c == 'r' || c == 't') {
                    problems.add(new ConfigException.Problem("escape", "cannot be combined with the character '"
                            + (char) c + "': the escape sequence " + (char) escape + (char) c
                            + " means a control character"));
                    break;
                }
            }
        }

        boolean headerLine = settings.get(f.headerLine);
        List<String> columns = settings.get(f.columns);
        if (!headerLine && columns.isEmpty()) {
            problems.add(new ConfigException.Problem("columns", "is required when header.line=false"));
        }
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (c.isEmpty()) problems.add(new ConfigException.Problem("columns", "has an empty column name"));
            else if (!seen.add(c)) problems.add(new ConfigException.Problem("columns", "names '" + c + "' twice"));
        }
        Map<String, ColumnType> types = parseTypes(settings.get(f.types), columns, problems);

        String nullValue = settings.get(f.nullValue);
        if (nullValue != null) {
            for (char ch : nullValue.toCharArray()) {
                if (ch == '\r' || ch == '\n' || ch == delimiter) {
                    problems.add(new ConfigException.Problem("null.value", "invalid value '" + nullValue
                            + "': an unquoted field can never be exactly this text"));
                    break;
                }
            }
        }
        String lineEnding = settings.get(f.lineEnding).equals("crlf") ? "\r\n" : "\n";
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new Dialect(delimiter, quote, escape, comment, headerLine, columns, types, nullValue,
                settings.get(f.trim), settings.get(f.skipEmptyLines), lineEnding);
    }

    /** The type of column {@code name}. */
    ColumnType typeOf(String name) {
        return types.getOrDefault(name, ColumnType.STRING);
    }

    /** Whether {@code b} is blank space that {@code trim} removes. */
    boolean isBlank(int b) {
        return (b == ' ' || b == '\t') && b != delimiter;
    }

    private static Map<String, ColumnType> parseTypes(List<String> entries, List<String> columns,
            List<ConfigException.Problem> problems) {
        Map<String, ColumnType> types = new HashMap<>();
        for (String entry : entries) {
            int colon = entry.lastIndexOf(':');
            ColumnType type = colon < 0 ? null : ColumnType.named(entry.substring(colon + 1));
            String name = colon < 0 ? entry : entry.substring(0, colon).trim();
            if (colon <= 0 || name.isEmpty()) {
                problems.add(new ConfigException.Problem("types", "entry '" + entry + "' is not 'name:type'"));
            } else if (type == null) {
                problems.add(new ConfigException.Problem("types", "entry '" + entry + "' has an unknown type; "
                        + "types are " + ColumnType.names()));
            } else if (!columns.isEmpty() && !columns.contains(name)) {
                problems.add(new ConfigException.Problem("types", "entry '" + entry + "' names no column; "
                        + "columns are " + columns));
            } else if (types.put(name, type) != null) {
                problems.add(new ConfigException.Problem("types", "names column '" + name + "' twice"));
            }
        }
        return Map.copyOf(types);
    }

    private static void requireDistinct(List<ConfigException.Problem> problems, String key, int c, int... others) {
        if (c == NONE) return;
        for (int other : others) {
            if (c == other) {
                problems.add(new ConfigException.Problem(key, "invalid value '" + (char) c
                        + "': already used as the delimiter, quote or escape character"));
                return;
            }
        }
    }

    /** The character of an optional single-character option value, or {@link #NONE}. */
    static int optionalChar(String value) {
        return switch (value) {
            case "", "none" -> NONE;
            case "\\t", "tab" -> '\t';
            case "\\\\" -> '\\';
            default -> value.charAt(0);
        };
    }

    /** Validator of optional single-character options: null when fine, else the reason. */
    static String checkOptionalChar(String value) {
        int c = switch (value) {
            case "", "none", "\\t", "tab", "\\\\" -> optionalChar(value);
            default -> value.length() == 1 ? value.charAt(0) : Integer.MIN_VALUE;
        };
        if (c == Integer.MIN_VALUE) return "must be one character, or 'none'";
        return c == NONE ? null : checkStructural((char) c);
    }

    /** Validator of structural characters: null when fine, else the reason. */
    static String checkStructural(char c) {
        if (c >= 0x80) return "must be an ASCII character (rows are split on bytes, before decoding)";
        if (c == '\r' || c == '\n') return "must not be a line break";
        return null;
    }
}
