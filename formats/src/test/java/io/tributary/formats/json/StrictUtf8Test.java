package io.tributary.formats.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.formats.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {
    private static final byte[] PIECES = {'a', 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1,
        (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xA0, (byte) 0xED, (byte) 0x9F, (byte) 0xEF, (byte) 0xF0,
        (byte) 0x90, (byte) 0xF4, (byte) 0x8F, (byte) 0xF5, (byte) 0xFF};

    @Test
    void agreesWithTheJdkDecoderOnRandomInput() {
        Random random = new Random(11);
        for (int round = 0; round < 200_000; round++) {
            byte[] data = new byte[random.nextInt(24)];
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : PIECES[random.nextInt(PIECES.length)];
            }
            int from = data.length == 0 ? 0 : random.nextInt(data.length);
            assertEquals(Utf8.firstInvalid(data, from, data.length - from),
                    StrictUtf8.firstInvalid(data, from, data.length), () -> java.util.Arrays.toString(data));
        }
    }

    @Test
    void findsTheFirstInvalidByteAfterLongAsciiRuns() {
        byte[] text = ("a".repeat(37) + "é😀" + "b".repeat(20)).getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, StrictUtf8.firstInvalid(text, 0, text.length));
        text[50] = (byte) 0xC3;
        assertEquals(50, StrictUtf8.firstInvalid(text, 0, text.length));
        assertEquals(-1, StrictUtf8.firstInvalid(text, 0, 50));
        assertEquals(49, StrictUtf8.firstInvalid(new byte[] {'{', '"', 'x', (byte) 0xE6, (byte) 0x97}, 0, 5) + 46);
    }
}
