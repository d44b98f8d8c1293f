package io.tributary.formats.json;

/**
 * Converts the common simple JSON numbers straight from the parser's character buffer, exactly as
 * {@code Double.parseDouble} and {@code Long.parseLong} would but without making a string first: integers of up to
 * 18 digits, and decimals of at most 15 significant digits with a decimal exponent within ±22, which one
 * multiplication or division of two exactly representable doubles rounds correctly (Clinger's fast path). Any
 * other number is left to Jackson. Stateless and thread-safe.
 */
final class SimpleNumbers {
    /** The answer for numbers this class does not convert; JSON text never denotes NaN. */
    static final double NOT_SIMPLE = Double.NaN;
    /** The answer for integers this class does not convert. */
    static final long NOT_SIMPLE_LONG = Long.MIN_VALUE;

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }

    private SimpleNumbers() {
    }

    /** A JSON integer of at most 18 digits, or {@link #NOT_SIMPLE_LONG}. */
    static long toLong(char[] text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = text[i] == '-';
        if (negative) i++;
        if (end - i > 18 || i == end) return NOT_SIMPLE_LONG;
        long value = 0;
        for (; i < end; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) return NOT_SIMPLE_LONG;
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** A JSON number with a fraction or an exponent, or {@link #NOT_SIMPLE}. */
    static double toDouble(char[] text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = text[i] == '-';
        if (negative) i++;
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean fraction = false;
        for (; i < end; i++) {
            char c = text[i];
            if (c == '.' && !fraction) {
                fraction = true;
                continue;
            }
            int digit = c - '0';
            if (digit < 0 || digit > 9) break;
            if (mantissa != 0 || digit != 0) {
                if (++significant > 15) return NOT_SIMPLE;
                mantissa = mantissa * 10 + digit;
            }
            if (fraction) exponent--;
        }
        if (i < end) {
            char c = text[i];
            if (c != 'e' && c != 'E') return NOT_SIMPLE;
            i++;
            boolean negativeExponent = i < end && text[i] == '-';
            if (i < end && (text[i] == '-' || text[i] == '+')) i++;
            if (i == end || end - i > 3) return NOT_SIMPLE;
            int e = 0;
            for (; i < end; i++) {
                int digit = text[i] - '0';
                if (digit < 0 || digit > 9) return NOT_SIMPLE;
                e = e * 10 + digit;
            }
            exponent += negativeExponent ? -e : e;
        }
        double value;
        if (mantissa == 0) {
            value = 0;
        } else if (exponent < 0) {
            if (exponent < -22) return NOT_SIMPLE;
            value = mantissa / POWERS_OF_TEN[-exponent];
        } else {
            if (exponent > 22) return NOT_SIMPLE;
            value = mantissa * POWERS_OF_TEN[exponent];
        }
        return negative ? -value : value;
    }
}
