package io.tributary.agent.cli;

import io.tributary.config.Option;
import io.tributary.formats.Format;
import io.tributary.formats.Formats;
import io.tributary.formats.Limits;
import java.util.ArrayList;
import java.util.List;

/** The formats section of {@code tributary parse --help}, generated from the formats' option declarations. */
final class FormatHelp {
    private FormatHelp() {
    }

    static String[] lines() {
        List<String> lines = new ArrayList<>();
        for (Format format : Formats.all()) {
            lines.add(String.format("  %s%s: %s", format.name(), format.hasWriter() ? " (also writes)" : "",
                    format.description()));
            for (Option<?> option : format.options().options()) lines.add(describe(option));
        }
        lines.add("");
        lines.add("  Options of every format:");
        for (Option<?> option : Limits.OPTIONS.options()) lines.add(describe(option));
        return lines.toArray(new String[0]);
    }

    private static String describe(Option<?> option) {
        String value = option.isRequired() ? "required"
                : option.defaultValue() == null ? "no default" : "default " + printable(option.defaultValue());
        return String.format("      %s (%s; %s)%n          %s", option.name(), option.type(), value, option.doc());
    }

    private static String printable(Object value) {
        String s = String.valueOf(value);
        return s.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
