package io.tributary.formats.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimpleNumbersTest {
    private static double toDouble(String text) {
        return SimpleNumbers.toDouble(("#" + text).toCharArray(), 1, text.length());
    }

    private static long toLong(String text) {
        return SimpleNumbers.toLong(("#" + text + "#").toCharArray(), 1, text.length());
    }

    private static void assertExact(String text) {
        double simple = toDouble(text);
        if (!Double.isNaN(simple)) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(simple),
                    text);
        }
    }

    @Test
    void simpleDecimalsConvertExactlyLikeTheJdk() {
        for (String text : new String[] {"0.0", "-0.0", "21.5", "40.10", "0.87", "-67.25", "1e22", "1E+3", "1.5e-3",
            "0.000123", "123456789012345", "12345678901234.5", "0.1", "0.2", "0.3", "9.99999999999999e22",
            "4.9e-21", "1e-22", "0e5", "-0e-5"}) {
            assertExact(text);
            assertTrue(!Double.isNaN(toDouble(text)), text + " takes the fast path");
        }
    }

    @Test
    void othersAreLeftToJackson() {
        for (String text : new String[] {"1e23", "1e-23", "1.0e-22", "1234567890123456.0", "0.1234567890123456",
            "1e400", "1e1000", "9007199254740993.0"}) {
            assertTrue(Double.isNaN(toDouble(text)), text);
        }
    }

    @Test
    void randomDecimalsConvertExactly() {
        Random random = new Random(5);
        for (int i = 0; i < 300_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextBoolean()) sb.append('-');
            int intDigits = 1 + random.nextInt(10);
            sb.append(1 + random.nextInt(9));
            for (int d = 1; d < intDigits; d++) sb.append(random.nextInt(10));
            if (random.nextInt(4) != 0) {
                sb.append('.');
                int fraction = 1 + random.nextInt(12);
                for (int d = 0; d < fraction; d++) sb.append(random.nextInt(10));
            }
            if (random.nextInt(3) == 0) sb.append(random.nextBoolean() ? "e" : "E-").append(random.nextInt(30));
            assertExact(sb.toString());
        }
    }

    @Test
    void integers() {
        assertEquals(0, toLong("-0"));
        assertEquals(-67, toLong("-67"));
        assertEquals(999_999_999_999_999_999L, toLong("999999999999999999"));
        assertEquals(-999_999_999_999_999_999L, toLong("-999999999999999999"));
        assertEquals(SimpleNumbers.NOT_SIMPLE_LONG, toLong("1000000000000000000"));
        assertEquals(SimpleNumbers.NOT_SIMPLE_LONG, toLong("-9223372036854775808"));
        Random random = new Random(8);
        for (int i = 0; i < 100_000; i++) {
            long n = random.nextLong() / (1L << random.nextInt(64));
            if (Math.abs(n) < 1_000_000_000_000_000_000L) assertEquals(n, toLong(Long.toString(n)));
        }
    }
}
