package io.tributary.formats.apachelog;

import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Compiles the strftime subset of {@code %{format}t} into a strict, English-locale {@link DateTimeFormatter}:
 * {@code %Y} (4-digit year), {@code %y} (2-digit year, 69-99 = 1969-1999), {@code %m}, {@code %d},
 * {@code %e} (day padded with a space), {@code %j}, {@code %H}, {@code %I} with {@code %p}, {@code %M},
 * {@code %S}, {@code %b}/{@code %h} and {@code %B} (month names), {@code %a} and {@code %A} (weekday names),
 * {@code %z} ({@code -0700}), {@code %s} (epoch seconds), the shorthands {@code %T} ({@code %H:%M:%S}),
 * {@code %R} ({@code %H:%M}), {@code %D} ({@code %m/%d/%y}), {@code %F} ({@code %Y-%m-%d}), and {@code %%}.
 * Other characters are literal. A format without {@code %z} or {@code %s} is read in the given zone.
 *
 * <p>Stateless; the formatters it returns are immutable and thread-safe.
 */
final class Strftime {
    /** The layout of Apache's plain {@code %t}, without its brackets. */
    static final String CLF = "%d/%b/%Y:%H:%M:%S %z";

    private static final int YEAR = 1;
    private static final int MONTH = 2;
    private static final int DAY = 4;
    private static final int DAY_OF_YEAR = 8;
    private static final int HOUR = 16;
    private static final int EPOCH = 32;

    private Strftime() {
    }

    /**
     * @throws IllegalArgumentException for an unsupported conversion, or a format that does not give a full
     *     date and time
     */
    static DateTimeFormatter compile(String format, ZoneId zone) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        int seen = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                b.appendLiteral(c);
            } else if (i + 1 == format.length()) {
                throw new IllegalArgumentException("time format '" + format + "' ends with a lone '%'");
            } else {
                seen |= conversion(b, format.charAt(++i), format);
            }
        }
        boolean date = (seen & (YEAR | MONTH | DAY)) == (YEAR | MONTH | DAY)
                || (seen & (YEAR | DAY_OF_YEAR)) == (YEAR | DAY_OF_YEAR);
        if ((seen & EPOCH) == 0 && !(date && (seen & HOUR) != 0)) {
            throw new IllegalArgumentException("time format '" + format
                    + "' needs a year, month, day and hour (or %s for epoch seconds)");
        }
        return b.toFormatter(Locale.ENGLISH).withChronology(IsoChronology.INSTANCE)
                .withResolverStyle(ResolverStyle.STRICT).withZone(zone);
    }

    /** Appends one conversion; returns the date-part bits it supplies. */
    private static int conversion(DateTimeFormatterBuilder b, char c, String format) {
        switch (c) {
            case 'Y' -> b.appendValue(ChronoField.YEAR, 4);
            case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 1969);
            case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
            case 'b', 'h' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
            case 'B' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
            case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
            case 'e' -> b.padNext(2).appendValue(ChronoField.DAY_OF_MONTH);
            case 'j' -> b.appendValue(ChronoField.DAY_OF_YEAR, 3);
            case 'a' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.SHORT);
            case 'A' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.FULL);
            case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
            case 'I' -> b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 2);
            case 'p' -> b.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
            case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
            case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
            case 'z' -> b.appendOffset("+HHMM", "+0000");
            case 's' -> b.appendValue(ChronoField.INSTANT_SECONDS, 1, 19, SignStyle.NORMAL);
            case 'T' -> {
                return sequence(b, format, 'H', ':', 'M', ':', 'S');
            }
            case 'R' -> {
                return sequence(b, format, 'H', ':', 'M');
            }
            case 'D' -> {
                return sequence(b, format, 'm', '/', 'd', '/', 'y');
            }
            case 'F' -> {
                return sequence(b, format, 'Y', '-', 'm', '-', 'd');
            }
            case '%' -> b.appendLiteral('%');
            default -> throw new IllegalArgumentException("unsupported conversion %" + c + " in time format '"
                    + format + "'; supported: %Y %y %m %d %e %j %H %I %p %M %S %b %h %B %a %A %z %s %T %R %D %F %%");
        }
        return switch (c) {
            case 'Y', 'y' -> YEAR;
            case 'm', 'b', 'h', 'B' -> MONTH;
            case 'd', 'e' -> DAY;
            case 'j' -> DAY_OF_YEAR;
            case 'H', 'I' -> HOUR;
            case 's' -> EPOCH;
            default -> 0;
        };
    }

    /** Conversions at even positions, literal separators at odd ones. */
    private static int sequence(DateTimeFormatterBuilder b, String format, char... parts) {
        int seen = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) seen |= conversion(b, parts[i], format);
            else b.appendLiteral(parts[i]);
        }
        return seen;
    }
}
