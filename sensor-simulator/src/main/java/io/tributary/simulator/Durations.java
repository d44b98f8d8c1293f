package io.tributary.simulator;

import java.time.Duration;
import java.util.Locale;

/**
 * Parses durations as written on the command line: {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d},
 * {@code 500ms}, ISO-8601 {@code PT1H}, or plain seconds.
 */
final class Durations {
    private Durations() {
    }

    static Duration parse(String text) {
        Duration d;
        try {
            d = parseUnchecked(text.trim().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            d = null;
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("invalid duration '" + text + "' (use e.g. 90s, 15m, 2h, 1d)");
        }
        return d;
    }

    private static Duration parseUnchecked(String t) {
        if (t.startsWith("p")) return Duration.parse(t.toUpperCase(Locale.ROOT));
        if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
        char unit = t.charAt(t.length() - 1);
        if (Character.isDigit(unit)) return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        double n = Double.parseDouble(t.substring(0, t.length() - 1).trim());
        long factor = switch (unit) {
            case 's' -> 1000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default -> 0;
        };
        return factor == 0 ? null : Duration.ofMillis(Math.round(n * factor));
    }
}
