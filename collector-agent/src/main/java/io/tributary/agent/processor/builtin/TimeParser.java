package io.tributary.agent.processor.builtin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads an event time from a field value in one {@code event_time} format. A timestamp value is taken as it
 * is whatever the format.
 *
 * <p>Immutable and thread-safe.
 */
abstract class TimeParser {
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    /**
     * The instant {@code value} stands for.
     *
     * @throws IllegalArgumentException with the reason when it is not a time in this format
     */
    final Instant parse(Object value) {
        if (value instanceof Instant i) return i;
        try {
            return read(value);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    abstract Instant read(Object value);

    /** Seconds, milliseconds, microseconds or nanoseconds since 1970-01-01T00:00:00Z. */
    static TimeParser epoch(long nanosPerUnit) {
        return new Epoch(nanosPerUnit);
    }

    /** ISO-8601 / RFC 3339 text; a text without an offset is local time in {@code zone}. */
    static TimeParser iso(ZoneId zone) {
        DateTimeFormatter f = new DateTimeFormatterBuilder().parseCaseInsensitive()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
                .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HH", "Z").optionalEnd()
                .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']')
                .optionalEnd()
                .optionalEnd()
                .toFormatter(Locale.ROOT).withChronology(IsoChronology.INSTANCE)
                .withResolverStyle(ResolverStyle.STRICT);
        return new Text(f, zone, true);
    }

    /**
     * A {@link DateTimeFormatter} pattern; a text without an offset or zone is local time in {@code zone}.
     * {@code yyyy} works without an era. Strict: February 30 is an error, not March 2.
     *
     * @throws IllegalArgumentException when the pattern is malformed or cannot read back a time it writes
     *     (e.g. it has no year)
     */
    static TimeParser pattern(String pattern, ZoneId zone) {
        DateTimeFormatter f = new DateTimeFormatterBuilder().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT).withChronology(IsoChronology.INSTANCE)
                .withResolverStyle(ResolverStyle.STRICT);
        Text parser = new Text(f, zone, false);
        String sample;
        try {
            sample = f.format(ZonedDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_789, zone));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("cannot be used: " + e.getMessage());
        }
        try {
            parser.read(sample);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("cannot read back the time it writes ('" + sample
                    + "'); does it have a full date (year, month, day)?");
        }
        return parser;
    }

    private static final class Epoch extends TimeParser {
        private final long nanosPerUnit;
        private final long unitsPerSecond;

        Epoch(long nanosPerUnit) {
            this.nanosPerUnit = nanosPerUnit;
            this.unitsPerSecond = 1_000_000_000L / nanosPerUnit;
        }

        @Override
        Instant read(Object value) {
            if (value instanceof Long n) {
                long seconds = Math.floorDiv(n, unitsPerSecond);
                return Instant.ofEpochSecond(seconds, Math.floorMod(n, unitsPerSecond) * nanosPerUnit);
            }
            if (value instanceof Double d) {
                if (d.isNaN() || d.isInfinite()) throw new IllegalArgumentException("not a finite number");
                return fromDecimal(BigDecimal.valueOf(d));
            }
            if (value instanceof BigDecimal d) return fromDecimal(d);
            if (value instanceof String s) {
                String t = s.trim();
                if (t.isEmpty() || t.length() > 64) throw new IllegalArgumentException("not a number");
                try {
                    return fromDecimal(new BigDecimal(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number");
                }
            }
            throw new IllegalArgumentException("expected a number or a numeric string");
        }

        private Instant fromDecimal(BigDecimal d) {
            // Rejects absurd exponents before scaling, which could otherwise take very long.
            if (d.scale() > 100 || d.precision() - d.scale() > 40) throw new DateTimeException("out of range");
            BigInteger nanos = d.multiply(BigDecimal.valueOf(nanosPerUnit)).setScale(0, RoundingMode.FLOOR)
                    .toBigIntegerExact();
            BigInteger[] qr = nanos.divideAndRemainder(NANOS_PER_SECOND);
            BigInteger seconds = qr[0];
            BigInteger rest = qr[1];
            if (rest.signum() < 0) {
                seconds = seconds.subtract(BigInteger.ONE);
                rest = rest.add(NANOS_PER_SECOND);
            }
            if (seconds.bitLength() > 63) throw new DateTimeException("out of range");
            return Instant.ofEpochSecond(seconds.longValue(), rest.longValue());
        }
    }

    private static final class Text extends TimeParser {
        private final DateTimeFormatter formatter;
        private final ZoneId zone;
        private final boolean iso;

        Text(DateTimeFormatter formatter, ZoneId zone, boolean iso) {
            this.formatter = formatter;
            this.zone = zone;
            this.iso = iso;
        }

        @Override
        Instant read(Object value) {
            String text;
            if (value instanceof String s) {
                text = s;
            } else if (!iso && value instanceof Long n) {
                text = n.toString();
            } else {
                throw new IllegalArgumentException("expected a string");
            }
            if (iso && text.length() > 10 && text.charAt(10) == ' ') {
                text = text.substring(0, 10) + 'T' + text.substring(11); // RFC 3339 allows a space
            }
            TemporalAccessor t = formatter.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
            if (t instanceof ZonedDateTime z) return z.toInstant();
            if (t instanceof LocalDateTime l) return l.atZone(zone).toInstant();
            return ((LocalDate) t).atStartOfDay(zone).toInstant();
        }
    }
}
