package io.tributary.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordKryoTest {
    private static Kryo kryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        RecordKryo.register(kryo);
        return kryo;
    }

    private static Object roundTrip(Kryo kryo, Object value) {
        Output output = new Output(256, -1);
        kryo.writeClassAndObject(output, value);
        Input input = new Input(output.toBytes());
        Object read = kryo.readClassAndObject(input);
        assertEquals(input.limit(), input.position(), "everything read");
        return read;
    }

    private static Record sample(int i) {
        Record record = new Record().put("sensor", "s-" + i).put("rssi", -60L - i).put("battery", 3.7)
                .put("d", new BigDecimal("12.50")).put("raw", new byte[] {1, 2, (byte) i})
                .put("at", Instant.ofEpochSecond(1_700_000_000L + i, 123_456_789))
                .put("readings", List.of(Map.of("mac", "a4:5e", "rssi", -70L), List.of()));
        record.header().key("s-" + i).source("mqtt:mall/+/rssi").receivedAt(Instant.EPOCH).attribute("topic", "t");
        return record;
    }

    @Test
    void recordsRoundTripWithRegistrationRequired() {
        Kryo kryo = kryo();
        for (int i = 0; i < 50; i++) {
            Record record = sample(i);
            Record read = (Record) roundTrip(kryo, record);
            assertEquals(record, read);
            assertEquals(List.copyOf(record.fields().keySet()), List.copyOf(read.fields().keySet()));
        }
    }

    @Test
    void manyRecordsInOneStreamAndInAList() {
        Kryo kryo = kryo();
        Output output = new Output(64, -1);
        for (int i = 0; i < 100; i++) kryo.writeObject(output, sample(i));
        Input input = new Input(output.toBytes());
        for (int i = 0; i < 100; i++) assertEquals(sample(i), kryo.readObject(input, Record.class));
        ArrayList<Object> list = new ArrayList<>(List.of(sample(1), sample(2), sample(1).header()));
        assertEquals(list, roundTrip(kryo, list));
    }

    @Test
    void valueClassesOnTheirOwn() {
        Kryo kryo = kryo();
        Header header = sample(3).header();
        assertEquals(header, roundTrip(kryo, header));
        Bytes bytes = Bytes.of(new byte[] {0, -1, 7});
        assertEquals(bytes, roundTrip(kryo, bytes));
        assertEquals(Bytes.EMPTY, roundTrip(kryo, Bytes.EMPTY));
        assertEquals(Instant.MIN, roundTrip(kryo, Instant.MIN));
        assertEquals(new BigDecimal("-1.250"), roundTrip(kryo, new BigDecimal("-1.250")));
    }

    @Test
    void copiesAreDeepAndBytesAreShared() {
        Kryo kryo = kryo();
        Record record = sample(4);
        Record copy = kryo.copy(record);
        assertEquals(record, copy);
        assertNotSame(record.field("readings"), copy.field("readings"));
        copy.header().attribute("topic", "changed");
        assertEquals("t", record.header().attribute("topic"));
        Bytes bytes = Bytes.of(new byte[] {9});
        assertSame(bytes, kryo.copy(bytes));
    }

    @Test
    void registeringTwiceKeepsTheIds() {
        Kryo kryo = kryo();
        int id = kryo.getRegistration(Record.class).getId();
        RecordKryo.register(kryo);
        assertEquals(id, kryo.getRegistration(Record.class).getId());
        assertEquals(sample(0), roundTrip(kryo, sample(0)));
    }

    @Test
    void corruptRecordBytesFailAsKryoException() {
        Kryo kryo = kryo();
        Output output = new Output(64, -1);
        kryo.writeObject(output, sample(5));
        byte[] bytes = output.toBytes();
        bytes[3] ^= 0x55;
        assertThrows(KryoException.class, () -> kryo.readObject(new Input(bytes), Record.class));
    }
}
