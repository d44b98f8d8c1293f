package io.tributary.formats.bench;

import io.tributary.record.Record;
import io.tributary.wire.WireCodec;
import io.tributary.wire.WireFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode and decode of one typical sensor record (267 bytes on the wire: a header with key, source, both times
 * and two attributes; six fields, one a list of two RSSI readings).
 *
 * <p>{@code mvn -q -B -o -Pbench -pl formats test-compile exec:exec -Djmh.args="WireCodecBenchmark -f 1 -wi 3 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WireCodecBenchmark {
    private final WireCodec codec = WireCodec.get();
    private Record record;
    private byte[] message;

    static Record sensorRecord() {
        Record record = new Record().put("sensor", "s-0042").put("ts", Instant.parse("2024-05-01T08:30:00.123Z"))
                .put("seq", 184_467L).put("battery_v", 3.71).put("temp_c", new BigDecimal("21.5"))
                .put("readings", List.of(
                        Map.of("mac", "a4:5e:60:d1:22:01", "rssi", -67L, "ch", 6L),
                        Map.of("mac", "f0:18:98:4c:aa:9b", "rssi", -81L, "ch", 11L)));
        record.header().key("s-0042").source("mqtt:mall/+/rssi")
                .receivedAt(Instant.parse("2024-05-01T08:30:00.456789Z"))
                .eventTime(Instant.parse("2024-05-01T08:30:00.123Z"))
                .attribute("topic", "mall/l1/s-0042/rssi").attribute("remote", "10.0.3.17:53122");
        return record;
    }

    @Setup
    public void setup() {
        record = sensorRecord();
        message = codec.encode(record);
        if (message.length < 200 || message.length > 300) {
            throw new IllegalStateException("The sample record should be about 250 bytes, is " + message.length);
        }
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(record);
    }

    @Benchmark
    public Record decode() throws WireFormatException {
        return codec.decode(message);
    }
}
