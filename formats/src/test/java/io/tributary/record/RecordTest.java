package io.tributary.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordTest {
    private static Record sample() {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("rssi", -67);
        reading.put("mac", "a4:5e");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sensor", "s-1");
        fields.put("location", Map.of("x", 1.5f));
        fields.put("readings", List.of(reading));
        fields.put("price", new BigDecimal("10.50"));
        fields.put("raw", new byte[] {1, 2, 3});
        fields.put("at", Instant.parse("2026-11-22T10:15:30.123456789Z"));
        fields.put("nothing", null);
        Record r = Record.of(fields);
        r.header().key("s-1").source("mqtt:mall/+/rssi").receivedAt(Instant.EPOCH).attribute("topic", "mall/1");
        return r;
    }

    @Test
    void normalizesValuesToTheirFieldTypes() {
        Record r = sample();
        assertEquals(-67L, r.get("/readings/0/rssi"));
        assertEquals(1.5d, r.get("/location/x"));
        assertEquals(Bytes.of(new byte[] {1, 2, 3}), r.field("raw"));
        assertEquals(FieldType.DECIMAL, FieldType.of(r.field("price")));
        assertEquals(FieldType.TIMESTAMP, FieldType.of(r.field("at")));
        assertEquals(FieldType.NULL, FieldType.of(r.field("nothing")));
        assertEquals(new BigDecimal("12345678901234567890"), Values.normalize(new BigInteger("12345678901234567890")));
        assertEquals(Instant.ofEpochMilli(5), Values.normalize(new Date(5)));
        assertThrows(IllegalArgumentException.class, () -> Record.of(Map.of("bad", new Object())));
        assertThrows(IllegalArgumentException.class, () -> Values.normalize(Map.of(1, "non-string key")));
    }

    @Test
    void keepsFieldOrder() {
        assertEquals(List.of("sensor", "location", "readings", "price", "raw", "at", "nothing"),
                new ArrayList<>(sample().fields().keySet()));
    }

    @Test
    void setsAndRemovesByPath() {
        Record r = sample();
        r.set("/location/y", 2);
        r.set("/readings/1", Map.of("rssi", -70));
        r.set("/new/deep/value", true);
        assertEquals(2L, r.get("/location/y"));
        assertEquals(-70L, r.get("/readings/1/rssi"));
        assertEquals(true, r.get("/new/deep/value"));
        assertEquals(-67L, r.remove("/readings/0/rssi"));
        assertNull(r.get("/readings/0/rssi"));
        assertNull(r.get("/readings/7/rssi"));
        assertNull(r.get("/sensor/not-a-map"));
        assertThrows(IllegalArgumentException.class, () -> r.set("/readings/5", 1));
        assertThrows(IllegalArgumentException.class, () -> r.set("/sensor/x", 1));
    }

    @Test
    void pathEscapesAndPlainNames() {
        Record r = new Record();
        r.put("a/b", 1).put("c~d", 2).put("/", 3);
        assertEquals(1L, r.get("/a~1b"));
        assertEquals(2L, r.get("/c~0d"));
        assertEquals(1L, r.get("a/b"));
        assertThrows(IllegalArgumentException.class, () -> FieldPath.of("/a~2"));
        assertThrows(IllegalArgumentException.class, () -> FieldPath.of(""));
        assertEquals(List.of("x", "0", "y/z"), FieldPath.of("/x/0/y~1z").segments());
    }

    @Test
    void copyIsDeepAndEqual() {
        Record r = sample();
        Record copy = r.copy();
        assertEquals(r, copy);
        copy.set("/location/x", 9.0);
        copy.header().attribute("topic", "other");
        assertEquals(1.5d, r.get("/location/x"));
        assertEquals("mall/1", r.header().attribute("topic"));
        assertNotEquals(r, copy);
    }

    @Test
    void javaSerializationRoundTrips() throws Exception {
        Record r = sample();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Record back = (Record) in.readObject();
            assertEquals(r, back);
            assertTrue(back.field("raw") instanceof Bytes);
        }
    }

    @Test
    void bytesAreImmutableCopies() {
        byte[] data = {1, 2};
        Bytes b = Bytes.of(data);
        data[0] = 9;
        assertEquals(1, b.byteAt(0));
        b.toArray()[1] = 9;
        assertEquals(2, b.byteAt(1));
        assertEquals("AQI=", b.toBase64());
    }
}
