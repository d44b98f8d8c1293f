package io.tributary.wire;

import io.tributary.record.Bytes;
import io.tributary.record.Header;
import io.tributary.record.Record;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Converts records to and from Avro generic records of the envelope schema, independently of the codec, so
 * the codec can be checked against Avro's own reader and writer.
 */
final class AvroGeneric {
    static final Schema ENVELOPE = WireCodec.schema(1);
    private static final Schema VALUE = ENVELOPE.getField("fields").schema().getValueType();
    private static final Schema TIMESTAMP = named("io.tributary.wire.Timestamp");
    private static final Schema DECIMAL = named("io.tributary.wire.Decimal");

    private AvroGeneric() {
    }

    private static Schema named(String fullName) {
        return VALUE.getField("v").schema().getTypes().stream().filter(s -> fullName.equals(s.getFullName()))
                .findFirst().orElseThrow();
    }

    /** A generic reader that keeps map order, as any Avro reader may. */
    static GenericDatumReader<GenericRecord> orderedReader() {
        GenericData ordered = new GenericData() {
            @Override
            public Object newMap(Object old, int size) {
                return new LinkedHashMap<>();
            }
        };
        return new GenericDatumReader<>(ENVELOPE, ENVELOPE, ordered);
    }

    static GenericRecord toGeneric(Record record) {
        Header h = record.header();
        GenericData.Record envelope = new GenericData.Record(ENVELOPE);
        envelope.put("key", h.key());
        envelope.put("source", h.source());
        envelope.put("received_at", timestamp(h.receivedAt()));
        envelope.put("event_time", timestamp(h.eventTime()));
        envelope.put("attributes", new LinkedHashMap<>(h.attributes()));
        envelope.put("fields", values(record.fields()));
        return envelope;
    }

    private static Map<String, GenericRecord> values(Map<String, Object> map) {
        Map<String, GenericRecord> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    private static GenericRecord value(Object v) {
        GenericData.Record value = new GenericData.Record(VALUE);
        value.put("v", branch(v));
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Object branch(Object v) {
        if (v instanceof Instant t) return timestamp(t);
        if (v instanceof Bytes b) return ByteBuffer.wrap(b.toArray());
        if (v instanceof BigDecimal d) {
            GenericData.Record decimal = new GenericData.Record(DECIMAL);
            decimal.put("unscaled", ByteBuffer.wrap(d.unscaledValue().toByteArray()));
            decimal.put("scale", d.scale());
            return decimal;
        }
        if (v instanceof Map<?, ?> m) return values((Map<String, Object>) m);
        if (v instanceof List<?> l) return l.stream().map(AvroGeneric::value).toList();
        return v;
    }

    private static GenericRecord timestamp(Instant t) {
        if (t == null) return null;
        GenericData.Record ts = new GenericData.Record(TIMESTAMP);
        ts.put("seconds", t.getEpochSecond());
        ts.put("nanos", t.getNano());
        return ts;
    }

    static Record fromGeneric(GenericRecord envelope) {
        Record record = Record.wrap(fromValues((Map<?, ?>) envelope.get("fields")));
        Header h = record.header();
        h.key(string(envelope.get("key"))).source(string(envelope.get("source")))
                .receivedAt(instant((GenericRecord) envelope.get("received_at")))
                .eventTime(instant((GenericRecord) envelope.get("event_time")));
        ((Map<?, ?>) envelope.get("attributes")).forEach((k, v) -> h.attribute(k.toString(), v.toString()));
        return record;
    }

    private static LinkedHashMap<String, Object> fromValues(Map<?, ?> map) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.toString(), fromValue((GenericRecord) v)));
        return out;
    }

    private static Object fromValue(GenericRecord value) {
        Object v = value.get("v");
        if (v instanceof CharSequence s) return s.toString();
        if (v instanceof ByteBuffer b) return Bytes.of(b);
        if (v instanceof Map<?, ?> m) return fromValues(m);
        if (v instanceof List<?> l) {
            ArrayList<Object> out = new ArrayList<>();
            for (Object item : l) out.add(fromValue((GenericRecord) item));
            return out;
        }
        if (v instanceof GenericRecord r && r.getSchema().equals(DECIMAL)) {
            ByteBuffer unscaled = (ByteBuffer) r.get("unscaled");
            byte[] bytes = new byte[unscaled.remaining()];
            unscaled.duplicate().get(bytes);
            return new BigDecimal(new BigInteger(bytes), (Integer) r.get("scale"));
        }
        if (v instanceof GenericRecord r) return instant(r);
        return v;
    }

    private static String string(Object s) {
        return s == null ? null : s.toString();
    }

    private static Instant instant(GenericRecord ts) {
        return ts == null ? null : Instant.ofEpochSecond((Long) ts.get("seconds"), (Integer) ts.get("nanos"));
    }
}
