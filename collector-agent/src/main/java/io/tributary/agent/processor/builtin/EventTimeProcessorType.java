package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.Processor;
import io.tributary.agent.processor.ProcessorType;
import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.record.FieldPath;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The {@code event_time} processor: sets the record's event time ({@code header().eventTime()}) from a field.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class EventTimeProcessorType implements ProcessorType {
    public static final Option<String> FIELD = FieldPaths.required("field",
            "Path of the field holding the time. A timestamp value is used as it is, whatever the format.");
    public static final Option<String> FORMAT = Option.string("format", "iso8601",
            "How the value is read: iso8601 (RFC 3339 / ISO-8601 text, e.g. 2024-05-01T12:00:00.5+02:00; date"
                    + " only or without offset is local time in time.zone), epoch_s, epoch_ms, epoch_us, epoch_ns"
                    + " (a number or numeric string, fractions allowed, since 1970-01-01T00:00:00Z), or a"
                    + " java.time DateTimeFormatter pattern such as 'dd/MM/yyyy HH:mm:ss' (strict; English month"
                    + " and day names).")
            .validate(f -> f.isBlank() ? "must not be empty" : null);
    public static final Option<String> TIME_ZONE = Option.string("time.zone", "UTC",
            "Zone for times written without an offset (iso8601 and patterns only), e.g. UTC, Europe/Berlin, +02:00.")
            .validate(EventTimeProcessorType::checkZone);
    public static final Option<String> IF_MISSING = Option.choice("if.missing", "ignore",
            "When the field is missing or null: ignore (leave the event time as it is) or error ("
                    + ErrorCodes.FIELD_MISSING + ").", "ignore", "error");
    public static final Option<Boolean> REMOVE_FIELD = Option.bool("remove.field", false,
            "Whether to delete the field once its time has been read.");

    private static final OptionSet OPTIONS = OptionSet.of(FIELD, FORMAT, TIME_ZONE, IF_MISSING, REMOVE_FIELD);

    @Override
    public String name() {
        return "event_time";
    }

    @Override
    public String description() {
        return "Sets the record's event time from a field (ISO-8601, epoch or a pattern).";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Processor create(Settings settings) {
        String format = settings.get(FORMAT).trim();
        ZoneId zone = ZoneId.of(settings.get(TIME_ZONE));
        TimeParser parser;
        switch (format) {
            case "epoch_s" -> parser = TimeParser.epoch(1_000_000_000L);
            case "epoch_ms" -> parser = TimeParser.epoch(1_000_000L);
            case "epoch_us" -> parser = TimeParser.epoch(1_000L);
            case "epoch_ns" -> parser = TimeParser.epoch(1L);
            case "iso8601" -> parser = TimeParser.iso(zone);
            default -> {
                try {
                    parser = TimeParser.pattern(format, zone);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(FORMAT.name(), "invalid pattern '" + format + "': " + e.getMessage());
                }
            }
        }
        if (format.startsWith("epoch_") && settings.isSet(TIME_ZONE)) {
            throw new ConfigException(TIME_ZONE.name(), "does not apply to format " + format
                    + ": epoch times have no zone");
        }
        return new EventTimeProcessor(FieldPath.of(settings.get(FIELD)), format, parser,
                settings.get(IF_MISSING).equals("error"), settings.get(REMOVE_FIELD));
    }

    private static String checkZone(String zone) {
        try {
            ZoneId.of(zone);
            return null;
        } catch (DateTimeException e) {
            return "is not a time zone: " + e.getMessage();
        }
    }
}
