package io.tributary.formats.text;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Format;
import io.tributary.formats.Limits;
import io.tributary.formats.Parser;
import io.tributary.formats.Writer;

/**
 * The {@code text} format: one record per line, with the line in one string field.
 *
 * <p>Lines end with LF or CRLF (see {@link Lines}); each must be valid UTF-8 ({@link ErrorCode#INVALID_UTF8}
 * otherwise) and at most {@code max.line.length} bytes long ({@link ErrorCode#LINE_TOO_LONG} otherwise); a bad
 * line is skipped and parsing carries on. The writer writes the field's value as one line per record.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class TextFormat implements Format {
    public static final Option<String> FIELD = Option.string("field", "line",
            "Name of the string field that holds the line.")
            .validate(name -> name.isEmpty() ? "must not be empty" : null);
    public static final Option<Integer> MAX_LINE_LENGTH = Option.intValue("max.line.length", 64 * 1024, 1,
            Integer.MAX_VALUE - 16, "Longest line in bytes, without its line end; a longer line is skipped ("
                    + ErrorCode.LINE_TOO_LONG + ").");
    public static final Option<Boolean> SKIP_EMPTY_LINES = Option.bool("skip.empty.lines", true,
            "Whether empty lines are skipped; when false each becomes a record with an empty string.");

    private static final OptionSet OPTIONS = OptionSet.of(FIELD, MAX_LINE_LENGTH, SKIP_EMPTY_LINES);

    @Override
    public String name() {
        return "text";
    }

    @Override
    public String description() {
        return "Plain text, one record per line (LF or CRLF), the line in one string field.";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Parser parser(Settings settings) {
        LineReader reader = new LineReader(Limits.from(settings), settings.get(MAX_LINE_LENGTH),
                settings.get(SKIP_EMPTY_LINES));
        return new TextParser(reader, settings.get(FIELD));
    }

    @Override
    public boolean hasWriter() {
        return true;
    }

    @Override
    public Writer writer(Settings settings) {
        return new TextWriter(settings.get(FIELD));
    }
}
