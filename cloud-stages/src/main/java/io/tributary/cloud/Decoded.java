package io.tributary.cloud;

import io.tributary.record.Record;
import io.tributary.wire.WireCodec;
import io.tributary.wire.WireFormatException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * One Kafka value after decoding, on the executors: the record, or the raw bytes with the decode error (for the
 * error topic). Kafka's {@code ConsumerRecord} is not serializable, so the batch is carried in this form.
 */
final class Decoded implements Serializable {
    private static final long serialVersionUID = 1L;

    Record record;
    byte[] key;
    byte[] raw;
    String code;
    String reason;
    String topic;
    int partition;
    long offset;

    static Decoded of(String topic, int partition, long offset, byte[] key, byte[] value) {
        Decoded d = new Decoded();
        d.topic = topic;
        d.partition = partition;
        d.offset = offset;
        d.key = key;
        if (value == null) {
            d.raw = new byte[0];
            d.code = "EMPTY_VALUE";
            d.reason = "EMPTY_VALUE: the Kafka record has no value";
            return d;
        }
        try {
            Record r = WireCodec.get().decode(value);
            if (r.header().key() == null && key != null) r.header().key(new String(key, StandardCharsets.UTF_8));
            d.record = r;
        } catch (WireFormatException e) {
            d.raw = value;
            d.code = "DECODE_" + e.code();
            d.reason = d.code + ": " + e.getMessage();
        } catch (RuntimeException e) {
            d.raw = value;
            d.code = "DECODE_FAILED";
            d.reason = d.code + ": " + e;
        }
        return d;
    }

    boolean ok() {
        return record != null;
    }
}
