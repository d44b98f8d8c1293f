package io.tributary.formats.binary;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.formats.Format;
import io.tributary.formats.Limits;
import io.tributary.formats.Parser;
import io.tributary.formats.Writer;

/**
 * The {@code binary} format: the whole payload, whatever it holds, as one record with one bytes field. An
 * empty payload is one record with empty bytes.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class BinaryFormat implements Format {
    public static final Option<String> FIELD = Option.string("field", "payload",
            "Name of the bytes field that holds the payload.")
            .validate(s -> s.isEmpty() ? "must not be empty" : null);

    private static final OptionSet OPTIONS = OptionSet.of(FIELD);

    @Override
    public String name() {
        return "binary";
    }

    @Override
    public String description() {
        return "Any payload, unparsed, as one record with a bytes field";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Parser parser(Settings settings) {
        return new BinaryParser(settings.get(FIELD), Limits.from(settings));
    }

    @Override
    public boolean hasWriter() {
        return true;
    }

    @Override
    public Writer writer(Settings settings) {
        return new BinaryWriter(settings.get(FIELD));
    }
}
