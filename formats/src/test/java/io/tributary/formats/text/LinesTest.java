package io.tributary.formats.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinesTest {
    /** Each line as "offset:length". */
    private static List<String> split(String text) {
        return split(text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length());
    }

    private static List<String> split(byte[] data, int from, int to) {
        List<String> out = new ArrayList<>();
        Lines lines = new Lines(data, from, to);
        while (lines.next()) out.add(lines.offset() + ":" + lines.length());
        assertFalse(lines.next(), "stays at the end");
        return out;
    }

    @Test
    void lfAndCrlfEndLinesAndTheirCrIsNotContent() {
        assertEquals(List.of("0:1", "2:2", "6:0", "7:1"), split("a\nbb\r\n\nc\n"));
    }

    @Test
    void aFinalLineWithoutLineEndCountsButNoEmptyLineAfterTheLastLf() {
        assertEquals(List.of("0:1", "2:3"), split("a\nxyz"));
        assertEquals(List.of("0:1"), split("a\n"));
        assertEquals(List.of("0:1", "2:0"), split("a\n\n"));
        assertEquals(List.of(), split(""));
    }

    @Test
    void aCrInsideALineIsContentButATrailingCrAtTheEndIsALineEnd() {
        assertEquals(List.of("0:3", "4:1"), split("a\rb\nc\r"));
        assertEquals(List.of("0:0"), split("\r"));
        assertEquals(List.of("0:2"), split("a\r\r\n"));
    }

    @Test
    void aLeadingByteOrderMarkIsSkipped() {
        byte[] data = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i', '\n', 'x'};
        assertEquals(List.of("3:2", "6:1"), split(data, 0, data.length));
        byte[] notAtStart = {'a', '\n', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertEquals(List.of("0:1", "2:3"), split(notAtStart, 0, notAtStart.length));
    }

    @Test
    void aRangeKeepsTheOffsetsOfTheWholeArray() {
        byte[] data = "xx\nab\ncd\nyy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of("3:2", "6:2"), split(data, 3, 9));
        Lines lines = new Lines(data);
        assertSame(data, lines.data());
        assertThrows(IndexOutOfBoundsException.class, () -> new Lines(data, 4, 3));
    }
}
