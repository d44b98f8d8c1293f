package io.tributary.formats.json;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.formats.Format;
import io.tributary.formats.Parser;
import io.tributary.formats.Writer;
import java.util.List;

/**
 * The {@code json} format: one object, an array of objects, or NDJSON, read by {@link JsonParser} and written by
 * {@link JsonWriter}.
 *
 * <p>Stateless and thread-safe. Stable API since 0.1.
 */
public final class JsonFormat implements Format {
    public static final Option<String> MODE = Option.choice("mode", "auto",
            "How records are laid out: 'object' (one object), 'array' (an array of objects), 'ndjson' (objects "
                    + "one after another, normally one per line), or 'auto': an array when the payload starts "
                    + "with '[', else NDJSON (which includes a single object).",
            "auto", "object", "array", "ndjson");
    public static final Option<String> DECIMALS = Option.choice("decimals", "double",
            "How numbers with a fraction or exponent are read: 'double' (IEEE double), or 'decimal' (exact "
                    + "BigDecimal, keeping every digit and the scale).",
            "double", "decimal");
    public static final Option<List<String>> TIMESTAMP_FIELDS = Option.list("timestamp.fields", List.of(),
            "Top-level fields whose string values are ISO-8601 instants with an offset "
                    + "(2026-11-22T10:15:30.123Z) and become timestamps; other values of these fields are kept.")
            .validate(names -> names.stream().anyMatch(String::isBlank) ? "field names must not be blank" : null);
    public static final Option<String> LAYOUT = Option.choice("layout", "ndjson",
            "Writer only: 'ndjson' writes one object per line, 'array' one array of objects.",
            "ndjson", "array");

    private static final OptionSet OPTIONS = OptionSet.of(MODE, DECIMALS, TIMESTAMP_FIELDS, LAYOUT);

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String description() {
        return "JSON: one object, an array of objects, or newline-delimited objects (NDJSON); one record each";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Parser parser(Settings settings) {
        return new JsonParser(settings);
    }

    @Override
    public boolean hasWriter() {
        return true;
    }

    @Override
    public Writer writer(Settings settings) {
        return new JsonWriter(settings);
    }
}
