package io.tributary.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.record.Record;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsAndUtf8Test {
    @Test
    void shapeCheckCountsValuesAtEveryLevelAndDepth() {
        Record r = Record.of(Map.of("a", Map.of("b", List.of(1, 2, Map.of("c", 3)))));
        // values: a, b, 1, 2, {c}, c = 6; depth: a(1) -> b(2) -> list items(3) -> c(4)
        assertNull(new Limits(100, 100, 4, 6).checkShape(r, 0));
        assertEquals(ErrorCode.MAX_DEPTH_EXCEEDED, new Limits(100, 100, 3, 6).checkShape(r, 0).code());
        assertEquals(ErrorCode.MAX_FIELDS_EXCEEDED, new Limits(100, 100, 4, 5).checkShape(r, 0).code());
    }

    @Test
    void payloadAndRecordSizes() {
        CollectingSink sink = new CollectingSink();
        Limits limits = new Limits(3, 2, 1, 1);
        assertEquals(true, limits.acceptPayload(new byte[3], sink));
        assertEquals(false, limits.acceptPayload(new byte[4], sink));
        assertEquals(List.of(ErrorCode.PAYLOAD_TOO_LARGE), sink.errorCodes());
        assertNull(limits.checkRecordBytes(2, 0));
        assertEquals(ErrorCode.RECORD_TOO_LARGE, limits.checkRecordBytes(3, 7).code());
        assertEquals(7, limits.checkRecordBytes(3, 7).offset());
    }

    @Test
    void utf8IsStrictAndReportsTheOffset() throws Exception {
        assertEquals("héllo ✓", Utf8.decode("héllo ✓".getBytes(StandardCharsets.UTF_8)));
        assertEquals("ascii", Utf8.decode("xxasciixx".getBytes(StandardCharsets.US_ASCII), 2, 5));
        byte[] bad = {'o', 'k', (byte) 0xC3, '(', 'x'};
        assertEquals(2, assertThrows(Utf8.InvalidUtf8Exception.class, () -> Utf8.decode(bad)).offset());
        byte[] overlong = {'a', (byte) 0xC0, (byte) 0xAF};
        assertEquals(1, Utf8.firstInvalid(overlong, 0, 3));
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertEquals(0, Utf8.firstInvalid(surrogate, 0, 3));
        byte[] truncated = {'a', 'b', (byte) 0xE2, (byte) 0x9C};
        assertEquals(2, Utf8.firstInvalid(truncated, 0, 4));
        assertEquals(-1, Utf8.firstInvalid(bad, 0, 2));
    }
}
