package io.tributary.agent.processor.builtin.expression;

import io.tributary.record.Bytes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The comparison operators of filter expressions. Values of incompatible types (a string and a number, a
 * boolean and a string) make every comparison false, {@code !=} included; {@code null} (a missing field) is
 * equal only to {@code null} and has no order. Numbers compare by value across long, double and decimal; a
 * double counts as its shortest decimal text, so the double 0.1 equals the decimal 0.1. NaN compares false.
 * Strings order by UTF-16 code unit; a timestamp compares with a timestamp or an ISO-8601 instant string.
 */
final class Comparison {
    enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        static Op of(String symbol) {
            for (Op op : values()) if (op.symbol.equals(symbol)) return op;
            return null;
        }
    }

    private static final int INCOMPATIBLE = Integer.MIN_VALUE;
    private static final int UNORDERED_EQUAL = Integer.MIN_VALUE + 1;
    private static final int UNORDERED_DIFFERENT = Integer.MIN_VALUE + 2;

    private Comparison() {
    }

    static boolean test(Op op, Object a, Object b) {
        int c = compare(a, b);
        if (c == INCOMPATIBLE) return false;
        if (c == UNORDERED_EQUAL || c == UNORDERED_DIFFERENT) {
            boolean equal = c == UNORDERED_EQUAL;
            return op == Op.EQ ? equal : op == Op.NE && !equal;
        }
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    /** Negative, zero or positive; or one of the markers for values without order or of incompatible types. */
    private static int compare(Object a, Object b) {
        if (a == null || b == null) return equality(a == b);
        if (isNumber(a) && isNumber(b)) return compareNumbers(a, b);
        if (a instanceof String x && b instanceof String y) return Integer.signum(x.compareTo(y));
        if (a instanceof Instant x) return compareInstant(x, b);
        if (b instanceof Instant y) {
            int c = compareInstant(y, a);
            return c == INCOMPATIBLE ? c : -c;
        }
        if ((a instanceof Boolean && b instanceof Boolean) || (a instanceof Bytes && b instanceof Bytes)
                || (a instanceof List && b instanceof List) || (a instanceof Map && b instanceof Map)) {
            return equality(a.equals(b));
        }
        return INCOMPATIBLE;
    }

    private static int equality(boolean equal) {
        return equal ? UNORDERED_EQUAL : UNORDERED_DIFFERENT;
    }

    private static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof BigDecimal;
    }

    private static int compareNumbers(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof Double x && x.isNaN() || b instanceof Double y && y.isNaN()) return INCOMPATIBLE;
        if (a instanceof Double x && b instanceof Double y) {
            double p = x;
            double q = y;
            return p < q ? -1 : p > q ? 1 : 0; // not Double.compare: -0.0 must equal 0.0
        }
        if (a instanceof Double x && x.isInfinite()) return x > 0 ? 1 : -1;
        if (b instanceof Double y && y.isInfinite()) return y > 0 ? -1 : 1;
        return decimal(a).compareTo(decimal(b));
    }

    private static BigDecimal decimal(Object n) {
        if (n instanceof BigDecimal d) return d;
        if (n instanceof Long l) return BigDecimal.valueOf(l);
        return BigDecimal.valueOf((Double) n);
    }

    private static int compareInstant(Instant x, Object other) {
        if (other instanceof Instant y) return x.compareTo(y);
        if (other instanceof String s) {
            try {
                return x.compareTo(Instant.parse(s));
            } catch (DateTimeParseException e) {
                return INCOMPATIBLE;
            }
        }
        return INCOMPATIBLE;
    }
}
