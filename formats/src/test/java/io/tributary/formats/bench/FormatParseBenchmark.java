package io.tributary.formats.bench;

import io.tributary.formats.Formats;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.record.Record;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every format's parser on one ~250-byte sensor event per payload (the agent's common case: one message, one
 * event). One operation parses one payload into one record, so ops/s are records/s; the {@code bytes} counter
 * gives bytes/s. Payloads are made by each format's writer where it has one. Run:
 * {@code mvn -q -B -o -Pbench -pl formats test-compile exec:exec -Djmh.args="FormatParseBenchmark -f 1"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class FormatParseBenchmark {
    private static final String AVRO_SCHEMA = "{\"type\":\"record\",\"name\":\"Event\",\"fields\":["
            + "{\"name\":\"sensor_id\",\"type\":\"string\"},{\"name\":\"mall\",\"type\":\"string\"},"
            + "{\"name\":\"ts\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}},"
            + "{\"name\":\"type\",\"type\":\"string\"},{\"name\":\"device\",\"type\":\"string\"},"
            + "{\"name\":\"rssi\",\"type\":\"long\"},{\"name\":\"channel\",\"type\":\"long\"},"
            + "{\"name\":\"battery\",\"type\":\"double\"},{\"name\":\"seq\",\"type\":\"long\"},"
            + "{\"name\":\"zone\",\"type\":\"string\"},{\"name\":\"firmware\",\"type\":\"string\"},"
            + "{\"name\":\"note\",\"type\":\"string\"}]}";
    private static final String COLUMNS = "sensor_id,mall,ts,type,device,rssi,channel,battery,seq,zone,firmware,note";
    private static final String TYPES = "ts:timestamp,rssi:long,channel:long,battery:double,seq:long";

    @Param({"json", "csv", "tsv", "xml", "text", "apache_log", "avro", "protobuf", "binary"})
    public String format;

    private Parser parser;
    private byte[] payload;

    /** Bytes parsed, reported per second next to the operations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    static Record event() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sensor_id", "s-017");
        fields.put("mall", "m1");
        fields.put("ts", Instant.parse("2026-11-22T10:15:30.123456Z"));
        fields.put("type", "wifi");
        fields.put("device", "a4:5e:60:c1:22:9f");
        fields.put("rssi", -67L);
        fields.put("channel", 6L);
        fields.put("battery", 0.87);
        fields.put("seq", 123456L);
        fields.put("zone", "food-court-east");
        fields.put("firmware", "4.2.17");
        fields.put("note", "periodic report from the north entrance ceiling unit");
        return Record.of(fields);
    }

    @Setup(Level.Trial)
    public void setUp() {
        Map<String, Object> options = new HashMap<>();
        Record event = event();
        switch (format) {
            case "json" -> payload = Formats.writer("json", Map.of()).toBytes(List.of(event));
            case "csv", "tsv" -> {
                options.put("header.line", "false");
                options.put("columns", COLUMNS);
                options.put("types", TYPES);
                payload = Formats.writer(format, options).toBytes(List.of(event));
            }
            case "xml" -> {
                options.put("record.element", "event");
                payload = Formats.writer("xml", Map.of("record.element", "event", "root.element", "events"))
                        .toBytes(List.of(stringsOnly(event)));
            }
            case "text" -> payload = (new String(Formats.writer("json", Map.of()).toBytes(List.of(event)),
                    StandardCharsets.UTF_8).strip() + "\n").getBytes(StandardCharsets.UTF_8);
            case "apache_log" -> payload = ("10.1.20.117 - frank [22/Nov/2026:10:15:30 +0000] \"GET /api/v1/sensors/"
                    + "s-017/readings?since=1700000000&limit=100 HTTP/1.1\" 200 2326 \"https://mall.example/dash\" "
                    + "\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0\"\n")
                    .getBytes(StandardCharsets.UTF_8);
            case "avro" -> {
                options.put("encoding", "binary");
                options.put("schema", AVRO_SCHEMA);
                payload = Formats.writer("avro", options).toBytes(List.of(event));
            }
            case "protobuf" -> {
                options.put("descriptor.file", Path.of("src/test/resources/golden/protobuf/tributary-test.desc")
                        .toAbsolutePath().toString());
                options.put("message.type", "tributary.test.SensorReport");
                payload = Formats.writer("protobuf", options).toBytes(List.of(sensorReport()));
            }
            case "binary" -> payload = Formats.writer("json", Map.of()).toBytes(List.of(event));
            default -> throw new IllegalArgumentException(format);
        }
        parser = Formats.parser(format, options);
        CountingSink check = new CountingSink();
        parser.parse(payload, check);
        if (check.records != 1 || check.errors != 0) {
            throw new IllegalStateException(format + ": the benchmark payload gave " + check.records + " records and "
                    + check.errors + " errors");
        }
        System.out.printf("%n%s payload: %d bytes%n", format, payload.length);
    }

    private static Record stringsOnly(Record event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        event.fields().forEach((k, v) -> fields.put(k, String.valueOf(v)));
        return Record.of(fields);
    }

    private static Record sensorReport() {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("device_mac", "a4:5e:60:c1:22:9f");
        reading.put("rssi_dbm", -67L);
        reading.put("distance_m", 3.2);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sensor_id", "s-017");
        fields.put("seq", 123456L);
        fields.put("battery_mv", 3700L);
        fields.put("observed_at", Instant.parse("2026-11-22T10:15:30.123456Z"));
        fields.put("status", "STATUS_OK");
        fields.put("readings", List.of(reading, reading, reading));
        fields.put("labels", Map.of("mall", "m1", "firmware", "4.2.17", "zone", "food-court-east"));
        fields.put("zone", "food-court-east");
        fields.put("calibrated", true);
        fields.put("note", "periodic report from the north entrance ceiling unit, all channels nominal");
        return Record.of(fields);
    }

    @Benchmark
    public void parse(Bytes bytes, Blackhole bh) {
        parser.parse(payload, new BlackholeSink(bh));
        bytes.bytes += payload.length;
    }

    private record BlackholeSink(Blackhole bh) implements RecordSink {
        @Override
        public void record(Record record) {
            bh.consume(record);
        }

        @Override
        public void error(ParseError error) {
            throw new IllegalStateException(error.toString());
        }
    }

    private static final class CountingSink implements RecordSink {
        int records;
        int errors;

        @Override
        public void record(Record record) {
            records++;
        }

        @Override
        public void error(ParseError error) {
            errors++;
            System.out.println(error);
        }
    }
}
