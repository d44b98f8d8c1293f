package io.tributary.formats.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.tributary.formats.Formats;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JSON bytes to records with the {@code json} parser, against a plain Jackson streaming tokenizer over the same
 * bytes ({@code nextToken()} over every token, reading every name, string and number). One operation is one
 * record (or one tokenized event), so ops/s are records/s; multiply by the average event size printed at setup
 * for bytes/s.
 *
 * <ul>
 *   <li>{@code event*}: one sensor event per payload (an MQTT message), cycling through a pool of 1024;
 *   <li>{@code batch*}: the 1024 events as one NDJSON payload (an HTTP batch or a file).
 * </ul>
 *
 * <p>The tokenizer's factory has the same number parsing features as the parser's (fast double parsing), so the
 * ratio measures building records, not configuration. Run:
 * {@code mvn -q -B -o -Pbench -pl formats test-compile exec:exec -Djmh.args="JsonParseBenchmark -f 1 -wi 3 -i 5"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class JsonParseBenchmark {
    private static final int POOL = 1024;
    private static final String[] TYPES = {"wifi", "ble", "lidar", "door", "thermal"};
    private static final String[] ZONES = {"entrance", "food-court", "parking", "atrium"};
    private static final String EVENT = "{\"sensor_id\":\"s-%03d\",\"mall\":\"m%d\",\"ts\":\"%s\",\"type\":\"%s\","
            + "\"zone\":\"%s-%d\",\"fw\":\"4.%d.%d\",\"device\":\"%02x:%02x:%02x:%02x:%02x:%02x\",\"rssi\":%d,"
            + "\"channel\":%d,\"battery\":%.2f,\"seq\":%d,"
            + "\"readings\":[{\"k\":\"temp\",\"v\":%.1f},{\"k\":\"hum\",\"v\":%.1f}]}";

    private final JsonFactory tokenizer = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    private final Parser parser = Formats.parser("json", Map.of());
    private byte[][] events;
    private byte[] batch;
    private int next;
    private RecordSink sink;

    @Setup
    public void setUp(Blackhole blackhole) {
        Random random = new Random(2026);
        events = new byte[POOL][];
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        long millis = 1_795_342_530_123L;
        for (int i = 0; i < POOL; i++) {
            millis += random.nextInt(2000);
            String json = String.format(Locale.ROOT, EVENT, random.nextInt(200), 1 + random.nextInt(9),
                    Instant.ofEpochMilli(millis), TYPES[random.nextInt(TYPES.length)],
                    ZONES[random.nextInt(ZONES.length)], random.nextInt(12), random.nextInt(3), random.nextInt(20),
                    random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256),
                    random.nextInt(256), random.nextInt(256), -30 - random.nextInt(66), 1 + random.nextInt(13),
                    random.nextDouble(), 100_000 + i * 7, 15 + random.nextDouble() * 15, 30 + random.nextDouble() * 40);
            events[i] = json.getBytes(StandardCharsets.UTF_8);
            all.writeBytes(events[i]);
            all.write('\n');
        }
        batch = all.toByteArray();
        sink = new RecordSink() {
            @Override
            public void record(Record record) {
                blackhole.consume(record);
            }

            @Override
            public void error(ParseError error) {
                throw new IllegalStateException(error.toString());
            }
        };
        System.out.printf(Locale.ROOT, "%n%d events, %.1f bytes each on average, e.g. %s%n", POOL,
                (double) (batch.length - POOL) / POOL, new String(events[0], StandardCharsets.UTF_8));
    }

    @Benchmark
    public void eventTokenize(Blackhole blackhole) throws IOException {
        tokenize(events[next++ & (POOL - 1)], blackhole);
    }

    @Benchmark
    public void eventParse() {
        parser.parse(events[next++ & (POOL - 1)], sink);
    }

    @Benchmark
    @OperationsPerInvocation(POOL)
    public void batchTokenize(Blackhole blackhole) throws IOException {
        tokenize(batch, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(POOL)
    public void batchParse() {
        parser.parse(batch, sink);
    }

    private void tokenize(byte[] payload, Blackhole blackhole) throws IOException {
        try (JsonParser p = tokenizer.createParser(payload)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME -> blackhole.consume(p.getCurrentName());
                    case VALUE_STRING -> blackhole.consume(p.getText());
                    case VALUE_NUMBER_INT -> {
                        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                            blackhole.consume(p.getDecimalValue());
                        } else {
                            blackhole.consume(p.getLongValue());
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> blackhole.consume(p.getDoubleValue());
                    default -> blackhole.consume(token);
                }
            }
        }
    }
}
