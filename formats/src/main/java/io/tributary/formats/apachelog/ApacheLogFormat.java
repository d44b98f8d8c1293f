package io.tributary.formats.apachelog;

import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Format;
import io.tributary.formats.Limits;
import io.tributary.formats.Parser;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code apache_log} format: Apache httpd access logs, one record per line, in a preset or a custom
 * LogFormat (see {@link LogFormat} for how lines are read and {@code docs/formats/apache_log.md} for the
 * field of every directive). Lines that do not match are reported as {@link ErrorCode#LOG_MISMATCH} and
 * skipped. There is no writer.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class ApacheLogFormat implements Format {
    static final String COMMON = "%h %l %u %t \"%r\" %>s %b";
    static final String COMBINED = COMMON + " \"%{Referer}i\" \"%{User-Agent}i\"";
    /** The presets of httpd's default configuration, by name. */
    static final Map<String, String> PRESETS = Map.of(
            "common", COMMON,
            "combined", COMBINED,
            "combinedio", COMBINED + " %I %O",
            "vhost_combined", "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"");

    public static final Option<String> LOG_FORMAT = Option.string("log.format", "combined",
            "The log layout: a preset (common, combined, combinedio, vhost_combined) or an Apache LogFormat "
                    + "string such as '%h %l %u %t \"%r\" %>s %b %D'.")
            .validate(ApacheLogFormat::checkLogFormat);
    public static final Option<String> TIME_ZONE = Option.string("time.zone", "UTC",
            "Time zone for %{format}t timestamps whose format has no %z offset (plain %t always has one).")
            .validate(ApacheLogFormat::checkZone);

    private static final OptionSet OPTIONS = OptionSet.of(LOG_FORMAT, TIME_ZONE);

    @Override
    public String name() {
        return "apache_log";
    }

    @Override
    public String description() {
        return "Apache httpd access logs (common, combined or a custom LogFormat), one record per line.";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Parser parser(Settings settings) {
        LogFormat format;
        try {
            format = compile(settings.get(LOG_FORMAT), ZoneId.of(settings.get(TIME_ZONE)));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ConfigException(LOG_FORMAT.name(), e.getMessage());
        }
        return new ApacheLogParser(format, Limits.from(settings));
    }

    /** Compiles a preset name or a LogFormat string. */
    static LogFormat compile(String value, ZoneId zone) {
        String preset = PRESETS.get(value.trim().toLowerCase(Locale.ROOT));
        if (preset != null) return LogFormat.compile(preset, zone);
        if (value.indexOf('%') < 0) {
            throw new IllegalArgumentException("'" + value + "' is neither a preset " + PRESETS.keySet()
                    + " nor a LogFormat string with % directives");
        }
        return LogFormat.compile(value, zone);
    }

    private static String checkLogFormat(String value) {
        try {
            compile(value, ZoneOffset.UTC);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String checkZone(String value) {
        try {
            ZoneId.of(value);
            return null;
        } catch (DateTimeException e) {
            return "not a time zone ID such as UTC, Europe/Berlin or +02:00";
        }
    }
}
