package io.tributary.wire;

import static io.tributary.wire.WireValues.assertExactlyEqual;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WireCodecRoundTripTest {
    private static final WireCodec CODEC = WireCodec.get();

    private static Record roundTrip(Record record) throws WireFormatException {
        Record decoded = CODEC.decode(CODEC.encode(record));
        assertExactlyEqual(record, decoded);
        return decoded;
    }

    private static void roundTripValues(Object... values) throws WireFormatException {
        Record record = new Record();
        for (int i = 0; i < values.length; i++) record.put("v" + i, values[i]);
        roundTrip(record);
    }

    @Test
    void scalars() throws Exception {
        roundTripValues(null, true, false, 0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, "", "plain");
    }

    @Test
    void doublesKeepTheirBits() throws Exception {
        roundTripValues(0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff0_dead_beef_0001L),
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 3.14159);
        Record decoded = roundTrip(new Record().put("z", -0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) decoded.field("z")));
    }

    @Test
    void decimalsKeepScaleAndPrecision() throws Exception {
        BigInteger huge = BigInteger.TEN.pow(400).add(BigInteger.valueOf(7));
        roundTripValues(new BigDecimal("0"), new BigDecimal("0.00"), new BigDecimal("1.50"), new BigDecimal("-1.5"),
                new BigDecimal("1E+3"), new BigDecimal(BigInteger.valueOf(5), -7), new BigDecimal(huge, 17),
                new BigDecimal(huge.negate(), -400), new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE),
                new BigDecimal(BigInteger.valueOf(-128), Integer.MAX_VALUE), new BigDecimal(Long.MIN_VALUE));
        Record decoded = roundTrip(new Record().put("d", new BigDecimal("1.50")));
        assertEquals(2, ((BigDecimal) decoded.field("d")).scale());
    }

    @Test
    void bytes() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) all[i] = (byte) i;
        roundTripValues(Bytes.EMPTY, Bytes.of(new byte[] {0}), Bytes.of(all), Bytes.of(new byte[100_000]));
    }

    @Test
    void instantsAtEveryPrecisionAndRangeEnd() throws Exception {
        roundTripValues(Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.ofEpochSecond(0, 1),
                Instant.ofEpochSecond(-1, 999_999_999), Instant.parse("1969-07-20T20:17:40.123456789Z"),
                Instant.parse("1600-02-29T12:00:00Z"), Instant.parse("2024-05-01T08:30:00.000000001Z"));
    }

    @Test
    void unicodeStringsAndKeys() throws Exception {
        Record record = new Record().put("", "").put("ключ", "значение").put("emoji 😀", "𝄞 music, 中文, é")
                .put("nul\u0000inside", "\u0000").put("bmp edge", "\uFFFF\uFFFD");
        record.header().key("sensor-ü").source("mqtt:mall/+/😀").attribute("", "").attribute("ç", "✓");
        roundTrip(record);
    }

    @Test
    void nestedListsAndMapsKeepOrder() throws Exception {
        LinkedHashMap<String, Object> inner = new LinkedHashMap<>();
        for (String k : List.of("z", "a", "m", "b", "y")) inner.put(k, k.length());
        Record record = new Record().put("zeta", 1L).put("alpha", List.of(inner, List.of(), Map.of(), "x"))
                .put("mid", inner).put("empty list", List.of()).put("empty map", Map.of());
        roundTrip(record);
        roundTrip(deepMaps(300));
        roundTrip(deepLists(300));
    }

    @Test
    void deepestAllowedNestingRoundTripsAndOneMoreIsRefused() throws Exception {
        roundTrip(deepMaps(WireCodec.MAX_DEPTH));
        roundTrip(deepLists(WireCodec.MAX_DEPTH));
        assertThrows(IllegalArgumentException.class, () -> CODEC.encode(deepMaps(WireCodec.MAX_DEPTH + 1)));
        assertThrows(IllegalArgumentException.class, () -> CODEC.encode(deepLists(WireCodec.MAX_DEPTH + 1)));
    }

    @Test
    void deepestNestingNeedsNoDeepStack() throws Throwable {
        Record maps = deepMaps(WireCodec.MAX_DEPTH);
        Record lists = deepLists(WireCodec.MAX_DEPTH);
        Record[] decoded = new Record[2];
        Throwable[] failure = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                decoded[0] = CODEC.decode(CODEC.encode(maps));
                decoded[1] = CODEC.decode(CODEC.encode(lists));
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "small-stack", 128 * 1024);
        small.start();
        small.join();
        if (failure[0] != null) throw failure[0];
        assertExactlyEqual(maps, decoded[0]);
        assertExactlyEqual(lists, decoded[1]);
    }

    @Test
    void cyclicValueIsRefusedNotAStackOverflow() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        fields.put("loop", cycle);
        assertThrows(IllegalArgumentException.class, () -> CODEC.encode(Record.wrap(fields)));
    }

    /** One record whose deepest value is at {@code depth}, top-level fields being depth 1. */
    static Record deepMaps(int depth) {
        Object value = "leaf";
        for (int level = depth; level > 1; level--) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            m.put("k" + level, value);
            value = m;
        }
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        fields.put("root", value);
        return Record.wrap(fields);
    }

    static Record deepLists(int depth) {
        Object value = 42L;
        for (int level = depth; level > 1; level--) {
            ArrayList<Object> l = new ArrayList<>();
            l.add(value);
            value = l;
        }
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        fields.put("root", value);
        return Record.wrap(fields);
    }

    @Test
    void headerWithEveryPartAndWithNone() throws Exception {
        Record full = new Record().put("x", 1L);
        full.header().key("sensor-42").source("mqtt:mall/+/rssi").receivedAt(Instant.parse("2024-05-01T08:30:00Z"))
                .eventTime(Instant.ofEpochSecond(-5, 7)).attribute("topic", "mall/1/rssi")
                .attribute("remote", "10.0.0.7:5000").attribute("agent", "edge-1");
        roundTrip(full);
        Record none = new Record();
        byte[] message = CODEC.encode(none);
        assertEquals(10 + 6, message.length, "header + key, source, two times, attributes, fields: one byte each");
        roundTrip(none);
    }

    @Test
    void messageStartsWithMagicAndLittleEndianFingerprint() {
        byte[] message = CODEC.encode(new Record());
        long fingerprint = WireCodec.fingerprint(WireCodec.CURRENT_VERSION);
        byte[] expected = new byte[10];
        expected[0] = (byte) 0xC3;
        expected[1] = 0x01;
        for (int i = 0; i < 8; i++) expected[2 + i] = (byte) (fingerprint >>> (8 * i));
        assertArrayEquals(expected, Arrays.copyOf(message, 10));
    }

    @Test
    void thousandsOfRandomRecordsRoundTripExactly() throws Exception {
        WireValues values = new WireValues(20240501L);
        for (int i = 0; i < 5000; i++) {
            Record record = values.record();
            byte[] message = CODEC.encode(record);
            assertExactlyEqual(record, CODEC.decode(message));
            assertArrayEquals(message, CODEC.encode(CODEC.decode(message)), "re-encoding is byte-identical");
        }
    }

    @Test
    void decodesASliceOfALargerArray() throws Exception {
        Record record = new WireValues(5).record();
        byte[] message = CODEC.encode(record);
        byte[] padded = new byte[message.length + 20];
        System.arraycopy(message, 0, padded, 7, message.length);
        assertExactlyEqual(record, CODEC.decode(padded, 7, message.length));
    }

    @Test
    void unencodableRecordsAreRefusedAndTheNextEncodeIsClean() throws Exception {
        Record good = new WireValues(11).record();
        byte[] expected = CODEC.encode(good);
        LinkedHashMap<String, Object> wrongClass = new LinkedHashMap<>();
        wrongClass.put("filler", "x".repeat(5000));
        wrongClass.put("int", 3);
        assertThrows(IllegalArgumentException.class, () -> CODEC.encode(Record.wrap(wrongClass)));
        assertArrayEquals(expected, CODEC.encode(good));
        IllegalArgumentException surrogate = assertThrows(IllegalArgumentException.class,
                () -> CODEC.encode(new Record().put("s", "ab\uD800c")));
        assertTrue(surrogate.getMessage().contains("surrogate"), surrogate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CODEC.encode(new Record().put("s", "?\uDC00")));
        assertThrows(IllegalArgumentException.class, () -> CODEC.encode(new Record().put("s", "é\uD83D")));
        Record badKey = new Record();
        badKey.header().attributes().put("a", null);
        assertThrows(IllegalArgumentException.class, () -> CODEC.encode(badKey));
        assertArrayEquals(expected, CODEC.encode(good));
    }

    @Test
    void unpairedSurrogatesAreFoundAtEveryPositionAndQuestionMarksKept() throws Exception {
        for (int length = 1; length <= 20; length++) {
            for (int at = 0; at < length; at++) {
                char[] chars = "abcdefghijklmnopqrst".substring(0, length).toCharArray();
                chars[at] = '?';
                roundTripValues(new String(chars), "\u00e9" + new String(chars));
                for (char lone : new char[] {'\uD800', '\uDBFF', '\uDC00', '\uDFFF'}) {
                    chars[at] = lone;
                    String bad = new String(chars);
                    assertThrows(IllegalArgumentException.class, () -> CODEC.encode(new Record().put("s", bad)), bad);
                }
            }
        }
        roundTripValues("\uD83D\uDE00?\uDBFF\uDFFF");
    }

    @Test
    void largeRecordsDoNotDisturbLaterOnes() throws Exception {
        Record large = new Record().put("blob", Bytes.of(new byte[1 << 20])).put("s", "x".repeat(200_000));
        roundTrip(large);
        Record small = new WireValues(3).record();
        roundTrip(small);
    }

    @Test
    void concurrentEncodingAndDecodingGiveTheSameBytes() throws Exception {
        List<Record> records = new ArrayList<>();
        WireValues values = new WireValues(77);
        for (int i = 0; i < 200; i++) records.add(values.record());
        List<byte[]> expected = records.stream().map(CODEC::encode).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < records.size(); i++) {
                            byte[] message = CODEC.encode(records.get(i));
                            assertArrayEquals(expected.get(i), message);
                            assertEquals(records.get(i), CODEC.decode(message));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
