package io.tributary.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.record.Record;
import io.tributary.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecodedTest {
    private static final byte[] KEY = "dev-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void decodesAWireRecordAndTakesTheKafkaKeyWhenTheHeaderHasNone() {
        Record r = new Record().put("value", 7L);
        Decoded d = Decoded.of("t", 1, 42, KEY, WireCodec.get().encode(r));
        assertTrue(d.ok());
        assertEquals(7L, d.record.field("value"));
        assertEquals("dev-1", d.record.header().key());
    }

    @Test
    void keepsTheHeaderKey() {
        Record r = new Record().put("value", 7L);
        r.header().key("own");
        assertEquals("own", Decoded.of("t", 0, 0, KEY, WireCodec.get().encode(r)).record.header().key());
    }

    @Test
    void garbageKeepsItsBytesWithACode() {
        byte[] junk = "not a wire record".getBytes(StandardCharsets.UTF_8);
        Decoded d = Decoded.of("t", 1, 42, KEY, junk);
        assertFalse(d.ok());
        assertNull(d.record);
        assertArrayEquals(junk, d.raw);
        assertTrue(d.code.startsWith("DECODE_"), d.code);
        assertTrue(d.reason.startsWith(d.code + ": "), d.reason);
        assertEquals(42, d.offset);
    }

    @Test
    void aNullValueIsAnError() {
        Decoded d = Decoded.of("t", 0, 0, null, null);
        assertFalse(d.ok());
        assertEquals("EMPTY_VALUE", d.code);
    }

    @Test
    void jsonLinesCarryKeyEventTimeAttributesAndFields() {
        Record r = new Record().put("value", 7L).put("name", "a\"b");
        r.header().key("k").eventTime(Instant.parse("2026-01-02T03:04:05Z")).attribute("x", "y");
        assertEquals("{\"key\":\"k\",\"event_time\":\"2026-01-02T03:04:05Z\",\"attributes\":{\"x\":\"y\"},"
                + "\"fields\":{\"value\":7,\"name\":\"a\\\"b\"}}", new String(RecordLines.json(r), StandardCharsets.UTF_8));
    }
}
