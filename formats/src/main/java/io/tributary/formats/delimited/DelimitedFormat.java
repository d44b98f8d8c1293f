package io.tributary.formats.delimited;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Format;
import io.tributary.formats.Limits;
import io.tributary.formats.Parser;
import io.tributary.formats.Writer;
import java.util.List;

/**
 * Delimited text (CSV, TSV and custom dialects): one row is one record, a map from column name to value.
 * Subclasses are presets that only choose the defaults of the options ({@link CsvFormat}, {@link TsvFormat});
 * a user's own dialect (say pipe-separated) is a ten-line subclass registered like any other {@link Format}.
 *
 * <p>Stateless and thread-safe; the parser and writer it builds are immutable. Invalid option combinations
 * raise {@link io.tributary.config.ConfigException} naming every offending key.
 *
 * <p>Stable API since 0.1.
 */
public abstract class DelimitedFormat implements Format {
    final Option<Character> delimiter;
    final Option<String> quote;
    final Option<String> escape;
    final Option<Boolean> headerLine;
    final Option<List<String>> columns;
    final Option<List<String>> types;
    final Option<String> nullValue;
    final Option<Boolean> trim;
    final Option<Boolean> skipEmptyLines;
    final Option<String> comment;
    final Option<String> lineEnding;

    private final String name;
    private final String description;
    private final OptionSet options;

    /**
     * A preset.
     *
     * @param quote the default quote character as an option value ({@code "} or {@code none})
     * @param lineEnding the writer's default line ending, {@code crlf} or {@code lf}
     */
    protected DelimitedFormat(String name, String description, char delimiter, String quote, String lineEnding) {
        this.name = name;
        this.description = description;
        this.delimiter = Option.character("delimiter", delimiter,
                "Field separator, one ASCII character (tab may be written as 'tab' or '\\t').")
                .validate(c -> Dialect.checkStructural(c));
        this.quote = Option.string("quote", quote,
                "Quote character around fields holding delimiters, quotes or line breaks; "
                        + "'none' or empty turns quoting off. Inside quotes a quote is doubled.")
                .validate(Dialect::checkOptionalChar);
        this.escape = Option.string("escape", "none",
                "Escape character, e.g. '\\\\'; it makes the next character literal ('n', 'r' and 't' after it "
                        + "stand for line feed, carriage return and tab); 'none' or empty for no escaping.")
                .validate(Dialect::checkOptionalChar);
        this.headerLine = Option.bool("header.line", true,
                "Whether the first row names the columns; when 'columns' is also set the header row is "
                        + "skipped and the declared names are used.");
        this.columns = Option.list("columns", List.of(),
                "Column names in order; required when header.line=false, overrides the header line otherwise.");
        this.types = Option.list("types", List.of(),
                "Column types as 'name:type', type one of " + ColumnType.names() + " (bytes as base64, "
                        + "timestamp as ISO-8601); columns not listed are strings. A value that does not convert "
                        + "skips its row (" + ErrorCode.CSV_TYPE + ").");
        this.nullValue = Option.string("null.value", null,
                "Text of an unquoted field, as written (escapes not resolved), that stands for null: e.g. empty, "
                        + "'NULL' or '\\N'; a quoted field is never null. Unset: no field is null and an empty "
                        + "field is an empty string.");
        this.trim = Option.bool("trim", false,
                "Whether to strip spaces and tabs around unquoted fields and around the quotes of quoted ones.");
        this.skipEmptyLines = Option.bool("skip.empty.lines", true,
                "Whether to skip lines with no characters at all; when false such a line is a row with one "
                        + "empty field.");
        this.comment = Option.string("comment", "none",
                "Lines starting with this character are skipped; 'none' or empty for no comments.")
                .validate(Dialect::checkOptionalChar);
        this.lineEnding = Option.choice("line.ending", lineEnding,
                "Line ending the writer uses; the parser reads CRLF, LF and lone CR alike.", "crlf", "lf");
        this.options = OptionSet.of(this.delimiter, this.quote, this.escape, this.headerLine, this.columns,
                this.types, this.nullValue, this.trim, this.skipEmptyLines, this.comment, this.lineEnding);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final OptionSet options() {
        return options;
    }

    @Override
    public final Parser parser(Settings settings) {
        return new DelimitedParser(Dialect.from(this, settings), Limits.from(settings));
    }

    @Override
    public final boolean hasWriter() {
        return true;
    }

    @Override
    public final Writer writer(Settings settings) {
        return new DelimitedWriter(Dialect.from(this, settings));
    }
}
