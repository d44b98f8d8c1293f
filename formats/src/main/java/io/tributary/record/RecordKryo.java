package io.tributary.record;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.tributary.wire.WireCodec;
import io.tributary.wire.WireFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Registers the record model with Kryo, for Spark. A {@link Record} (and a lone {@link Header}) is serialized
 * as a length-prefixed {@link WireCodec} message, so Spark shuffles and caches records in the same compact,
 * order-keeping, exact form that travels from edge to cloud; {@link Bytes} as its length and bytes; the other
 * value classes ({@link Instant}, {@link BigDecimal}, {@link ArrayList}, {@link LinkedHashMap}) with Kryo's own
 * serializers, so that they can also be shuffled on their own when {@code spark.kryo.registrationRequired} is
 * on.
 *
 * <p>Use from Spark: set {@code spark.serializer=org.apache.spark.serializer.KryoSerializer} and
 * {@code spark.kryo.registrator} to a {@code KryoRegistrator} whose {@code registerClasses(kryo)} calls
 * {@link #register(Kryo)} (the spark-evaluator module ships one). Registration assigns the next free Kryo ids,
 * so every JVM of a job must register the same classes in the same order, which one registrator class
 * guarantees.
 *
 * <p>Kryo is a {@code provided} dependency: Spark brings kryo-shaded 4.x; the agent never loads this class.
 *
 * <p>Stable API since 0.1. Thread-safe; the serializers are stateless, so one set may serve many Kryo
 * instances.
 */
public final class RecordKryo {
    private RecordKryo() {
    }

    /** Registers the record model with {@code kryo}; registering twice keeps the first ids. */
    public static void register(Kryo kryo) {
        kryo.register(Record.class, new RecordSerializer());
        kryo.register(Header.class, new HeaderSerializer());
        kryo.register(Bytes.class, new BytesSerializer());
        kryo.register(Instant.class);
        kryo.register(BigDecimal.class);
        kryo.register(ArrayList.class);
        kryo.register(LinkedHashMap.class);
    }

    private static void writeMessage(Output output, Record record) {
        byte[] message = WireCodec.get().encode(record);
        output.writeVarInt(message.length, true);
        output.writeBytes(message);
    }

    private static Record readMessage(Input input) {
        byte[] message = input.readBytes(input.readVarInt(true));
        try {
            return WireCodec.get().decode(message);
        } catch (WireFormatException e) {
            throw new KryoException("Cannot read a serialized record: " + e.code() + ": " + e.getMessage(), e);
        }
    }

    /** A {@link Record} as a length-prefixed wire message; copies are deep. */
    static final class RecordSerializer extends Serializer<Record> {
        @Override
        public void write(Kryo kryo, Output output, Record record) {
            writeMessage(output, record);
        }

        @Override
        public Record read(Kryo kryo, Input input, Class<Record> type) {
            return readMessage(input);
        }

        @Override
        public Record copy(Kryo kryo, Record original) {
            return original.copy();
        }
    }

    /** A {@link Header} as the wire message of a record without fields. */
    static final class HeaderSerializer extends Serializer<Header> {
        @Override
        public void write(Kryo kryo, Output output, Header header) {
            Record carrier = Record.wrap(new LinkedHashMap<>());
            carrier.header().copyFrom(header);
            writeMessage(output, carrier);
        }

        @Override
        public Header read(Kryo kryo, Input input, Class<Header> type) {
            return readMessage(input).header();
        }

        @Override
        public Header copy(Kryo kryo, Header original) {
            return new Header().copyFrom(original);
        }
    }

    /** {@link Bytes}: immutable, written as its length and contents. */
    static final class BytesSerializer extends Serializer<Bytes> {
        BytesSerializer() {
            super(false, true);
        }

        @Override
        public void write(Kryo kryo, Output output, Bytes bytes) {
            output.writeVarInt(bytes.length(), true);
            output.writeBytes(bytes.toArray());
        }

        @Override
        public Bytes read(Kryo kryo, Input input, Class<Bytes> type) {
            return Bytes.wrap(input.readBytes(input.readVarInt(true)));
        }
    }
}
