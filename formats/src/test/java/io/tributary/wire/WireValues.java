package io.tributary.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.record.Bytes;
import io.tributary.record.Header;
import io.tributary.record.Record;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random records of every value type, and an exact, order-sensitive comparison of records. */
final class WireValues {
    private static final double[] SPECIAL_DOUBLES = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
            Double.longBitsToDouble(0x7ff8_0000_0000_0001L)};
    private static final long[] SPECIAL_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 63, 64, -64, -65};

    private final Random random;

    WireValues(long seed) {
        random = new Random(seed);
    }

    Record record() {
        Record record = Record.wrap(map(0, 6));
        Header h = record.header();
        if (random.nextBoolean()) h.key(string());
        if (random.nextBoolean()) h.source(string());
        if (random.nextBoolean()) h.receivedAt(instant());
        if (random.nextBoolean()) h.eventTime(instant());
        for (int i = random.nextInt(4); i > 0; i--) h.attribute(string(), string());
        return record;
    }

    /** A random value; containers nest at most {@code 8 - depth} more levels. */
    Object value(int depth) {
        int kind = random.nextInt(depth >= 8 ? 8 : 10);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(4) == 0 ? SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)]
                    : random.nextLong() >> random.nextInt(64);
            case 3 -> random.nextInt(4) == 0 ? SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)]
                    : random.nextBoolean() ? random.nextGaussian() * 1e6 : Double.longBitsToDouble(random.nextLong());
            case 4 -> string();
            case 5 -> bytes();
            case 6 -> decimal();
            case 7 -> instant();
            case 8 -> list(depth + 1);
            default -> map(depth + 1, 5);
        };
    }

    private LinkedHashMap<String, Object> map(int depth, int maxSize) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(maxSize + 1); i > 0; i--) map.put(string(), value(depth));
        return map;
    }

    private List<Object> list(int depth) {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) list.add(value(depth));
        return list;
    }

    String string() {
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(5)) {
                case 0, 1 -> 0x20 + random.nextInt(0x5F);
                case 2 -> random.nextInt(0x800);
                case 3 -> {
                    int c = random.nextInt(0x10000);
                    yield Character.isSurrogate((char) c) ? 0x4E2D : c;
                }
                default -> 0x10000 + random.nextInt(0x100000);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private Bytes bytes() {
        byte[] data = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(40)];
        random.nextBytes(data);
        return Bytes.wrap(data);
    }

    private BigDecimal decimal() {
        BigInteger unscaled = new BigInteger(random.nextInt(400), random);
        if (random.nextBoolean()) unscaled = unscaled.negate();
        int scale = switch (random.nextInt(6)) {
            case 0 -> Integer.MIN_VALUE + random.nextInt(3);
            case 1 -> Integer.MAX_VALUE - random.nextInt(3);
            default -> random.nextInt(101) - 50;
        };
        return new BigDecimal(unscaled, scale);
    }

    private Instant instant() {
        return switch (random.nextInt(5)) {
            case 0 -> Instant.MIN;
            case 1 -> Instant.MAX;
            case 2 -> Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
            default -> Instant.ofEpochSecond(
                    random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond() + 1),
                    random.nextInt(1_000_000_000));
        };
    }

    /** Asserts equal headers and fields, including the order of every map and the bits of every double. */
    static void assertExactlyEqual(Record expected, Record actual) {
        assertEquals(expected.header(), actual.header());
        assertEquals(List.copyOf(expected.header().attributes().keySet()),
                List.copyOf(actual.header().attributes().keySet()), "attribute order");
        assertEquals(List.copyOf(expected.fields().keySet()), List.copyOf(actual.fields().keySet()), "field order");
        expected.fields().forEach((name, value) -> assertExactlyEqual(value, actual.field(name), "/" + name));
        assertEquals(expected, actual);
    }

    static void assertExactlyEqual(Object expected, Object actual, String path) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, path);
        } else if (expected instanceof Map<?, ?> e) {
            if (!(actual instanceof LinkedHashMap<?, ?> a)) {
                fail(path + ": expected a LinkedHashMap, got " + actual.getClass().getName());
                return;
            }
            assertEquals(List.copyOf(e.keySet()), List.copyOf(a.keySet()), path + ": keys in order");
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                assertExactlyEqual(entry.getValue(), a.get(entry.getKey()), path + "/" + entry.getKey());
            }
        } else if (expected instanceof List<?> e) {
            if (!(actual instanceof ArrayList<?> a)) {
                fail(path + ": expected an ArrayList, got " + actual.getClass().getName());
                return;
            }
            assertEquals(e.size(), a.size(), path + ": list size");
            for (int i = 0; i < e.size(); i++) assertExactlyEqual(e.get(i), a.get(i), path + "/" + i);
        } else if (expected instanceof Double e) {
            assertEquals(Double.class, actual.getClass(), path);
            assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits((Double) actual), path + ": bits");
        } else {
            assertEquals(expected.getClass(), actual.getClass(), path);
            assertEquals(expected, actual, path);
        }
    }
}
