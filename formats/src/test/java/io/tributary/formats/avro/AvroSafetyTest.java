package io.tributary.formats.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.formats.CollectingSink;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Formats;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: lengths and counts that would make a naive decoder allocate or spin, compression bombs, and
 * the schema-resolution path under fuzzing and concurrency.
 */
class AvroSafetyTest {
    private static final Map<String, String> BINARY = Map.of("encoding", "binary", "schema", KitData.SCHEMA_JSON);
    private static final String KIT_READER = """
            {"type":"record","name":"Kit","namespace":"test.kit","fields":[
              {"name":"name","type":"string"},
              {"name":"id","type":"double"},
              {"name":"unit","type":"string","default":"celsius"},
              {"name":"child","type":["null","Kit"],"default":null}]}""";

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Bytes allocated by this thread while parsing {@code payload}, after one warm-up parse. */
    private static long allocatedBy(Parser parser, byte[] payload) {
        CollectingSink.parse(parser, payload);
        long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        CollectingSink.parse(parser, payload);
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }

    @Test
    void smallInputsNeverAllocateMegabytes() {
        List<Map<String, String>> configs = List.of(Map.of(), BINARY,
                Map.of("encoding", "single_object", "schema", KitData.SCHEMA_JSON),
                Map.of("encoding", "single_object", "schema", KitData.SCHEMA_JSON, "reader.schema", KIT_READER),
                Map.of("reader.schema", KIT_READER, "max.fields", String.valueOf(Integer.MAX_VALUE)));
        List<byte[]> inputs = new ArrayList<>(hostileInputs().subList(0, 6));
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            byte[] garbage = new byte[random.nextInt(100) + 1];
            random.nextBytes(garbage);
            inputs.add(garbage);
        }
        byte[] seed = KitData.container(KitData.records(3), CodecFactory.nullCodec());
        for (int i = 0; i < 300; i++) {
            byte[] mutated = seed.clone();
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            inputs.add(mutated);
        }
        for (Map<String, String> config : configs) {
            Parser parser = Formats.parser("avro", config);
            for (byte[] input : inputs) {
                long bytes = allocatedBy(parser, input);
                assertTrue(bytes < 512 * 1024, config + ": " + bytes + " bytes allocated for " + input.length
                        + " input bytes " + java.util.HexFormat.of().formatHex(input, 0, Math.min(64, input.length)));
            }
        }
    }

    /** Six small crafted inputs, then a 1 KiB deflate block that inflates to 1 MiB. */
    private static List<byte[]> hostileInputs() {
        List<byte[]> out = new ArrayList<>();
        byte[] huge = {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0x7F};
        out.add(concat(new byte[] {2, 0, 2}, huge, new byte[] {2}));
        out.add(concat(new byte[] {2}, huge));
        out.add(concat(new byte[] {2, 0, 2, 1}, huge));
        String bigFixed = """
                {"type":"record","name":"F","fields":[
                  {"name":"f","type":{"type":"fixed","name":"X","size":2000000000}}]}""";
        out.add(container(bigFixed, "null", 1, new byte[] {1, 2, 3}));
        out.add(container(KitData.SCHEMA_JSON, "null", Long.MAX_VALUE / 2, new byte[] {2, 0, 0, 0}));
        out.add(container(KitData.SCHEMA_JSON, "snappy", 1, new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, 8, 0,
            'a', 0, 0, 0, 0}));
        out.add(container(KitData.SCHEMA_JSON, "deflate", 1, deflate(new byte[1 << 20])));
        return out;
    }

    @Test
    void hostileLengthsAndCountsAreReportedNotFollowed() {
        List<byte[]> inputs = hostileInputs();
        Parser binary = Formats.parser("avro", BINARY);
        assertEquals(List.of(ErrorCode.MAX_FIELDS_EXCEEDED), CollectingSink.parse(binary, inputs.get(0)).errorCodes());
        assertEquals(List.of(ErrorCode.AVRO_SYNTAX), CollectingSink.parse(binary, inputs.get(1)).errorCodes());
        Parser container = Formats.parser("avro", Map.of());
        for (byte[] input : inputs.subList(3, 6)) {
            assertEquals(List.of(ErrorCode.AVRO_SYNTAX), CollectingSink.parse(container, input).errorCodes());
        }
        assertEquals(List.of(ErrorCode.RECORD_TOO_LARGE), CollectingSink.parse(
                Formats.parser("avro", Map.of("max.block.bytes", "100000")), inputs.get(6)).errorCodes());
    }

    @Test
    void aBlockThatDecompressesPastTheLimitIsSkippedAndTheNextBlockParsed() {
        byte[] big = KitData.binary(List.of(KitData.large(200_000)));
        byte[] small = KitData.binary(KitData.records(2));
        byte[] file = container(KitData.SCHEMA_JSON, "deflate", List.of(1L, 2L), List.of(deflate(big), deflate(small)));
        assertTrue(file.length < 5_000, "the bomb is small: " + file.length);
        CollectingSink sink = CollectingSink.parse(Formats.parser("avro", Map.of("max.block.bytes", "65536")), file);
        assertEquals(List.of(ErrorCode.RECORD_TOO_LARGE), sink.errorCodes());
        assertEquals(2, sink.records.size());
        assertInstanceOf(ParseError.class, sink.events.get(0));
        assertTrue(allocatedBy(Formats.parser("avro", Map.of("max.block.bytes", "65536")), file) < 512 * 1024);
    }

    @Test
    void itemsSkippedBySchemaResolutionAreBoundedToo() {
        String writer = """
                {"type":"record","name":"W","fields":[{"name":"a","type":"long"},
                  {"name":"junk","type":{"type":"array","items":"null"}}]}""";
        String reader = """
                {"type":"record","name":"W","fields":[{"name":"a","type":"long"}]}""";
        byte[] datum = {2, (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x1F, 0};
        Parser resolving = Formats.parser("avro", Map.of("encoding", "binary", "schema", writer, "reader.schema",
                reader));
        Parser direct = Formats.parser("avro", Map.of("encoding", "binary", "schema", writer));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals(List.of(ErrorCode.MAX_FIELDS_EXCEEDED), CollectingSink.parse(resolving, datum).errorCodes());
            assertEquals(List.of(ErrorCode.MAX_FIELDS_EXCEEDED), CollectingSink.parse(direct, datum).errorCodes());
        });
        byte[] fine = {2, 6, 0};
        CollectingSink sink = CollectingSink.parse(resolving, fine);
        assertEquals(List.of(), sink.errors);
        assertEquals(Map.of("a", 1L), sink.records.get(0).fields());
    }

    @Test
    void resolutionSurvivesFuzzingAndConcurrentUse() throws Exception {
        Map<String, String> options = Map.of("encoding", "single_object", "schema", KitData.SCHEMA_JSON,
                "reader.schema", KIT_READER);
        Parser parser = Formats.parser("avro", options);
        byte[] seed = KitData.singleObject(List.of(KitData.nested(3), KitData.withValues(8), KitData.large(10)));
        CollectingSink clean = CollectingSink.parse(parser, seed);
        assertEquals(List.of(), clean.errors);
        assertEquals(Map.of("name", "level-1", "id", 1.0, "unit", "celsius", "child", Map.of("name", "level-2", "id",
                2.0, "unit", "celsius", "child", Map.of("name", "level-3", "id", 3.0, "unit", "celsius"))),
                withoutNulls(clean.records.get(0).fields()));
        Parser container = Formats.parser("avro", Map.of("reader.schema", KIT_READER));
        byte[] file = KitData.container(KitData.records(4), CodecFactory.nullCodec());
        Random random = new Random(5);
        for (int i = 0; i < 3000; i++) {
            checkSafe(parser, mutate(seed, random));
            checkSafe(container, mutate(file, random));
        }
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 6; i++) inputs.add(i % 2 == 0 ? seed : mutate(seed, random));
        List<String> expected = inputs.stream().map(in -> CollectingSink.parse(parser, in).events.toString()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int i = 0; i < inputs.size(); i++) {
                            String got = CollectingSink.parse(parser, inputs.get(i)).events.toString();
                            assertEquals(expected.get(i), got);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidUtf8IsReportedAtItsOffsetOnEveryPath() {
        byte[] datum = {2, 4, 'o', (byte) 0xFF, 0};
        Map<String, String> resolving = Map.of("encoding", "binary", "schema", KitData.SCHEMA_JSON, "reader.schema",
                KIT_READER);
        for (Map<String, String> options : List.of(BINARY, resolving)) {
            List<ParseError> errors = CollectingSink.parse(Formats.parser("avro", options), datum).errors;
            assertEquals(List.of(ErrorCode.INVALID_UTF8 + "@3"), errors.stream().map(e -> e.code() + "@" + e.offset())
                    .toList(), options.toString());
        }
        String mapSchema = """
                {"type":"record","name":"M","fields":[{"name":"m","type":{"type":"map","values":"long"}}]}""";
        byte[] badKey = {2, 2, (byte) 0xC0, 2, 0};
        List<ParseError> errors = CollectingSink.parse(Formats.parser("avro", Map.of("encoding", "binary", "schema",
                mapSchema)), badKey).errors;
        assertEquals(ErrorCode.INVALID_UTF8, errors.get(0).code());
        assertEquals(2, errors.get(0).offset());
    }

    @Test
    void aFileWhoseSchemaTheReaderCannotReadIsReportedAsUnknownSchema() {
        String reader = """
                {"type":"record","name":"Kit","namespace":"test.kit","fields":[{"name":"unit","type":"string"}]}""";
        byte[] file = KitData.container(KitData.records(2), CodecFactory.nullCodec());
        CollectingSink sink = CollectingSink.parse(Formats.parser("avro", Map.of("reader.schema", reader)), file);
        assertEquals(List.of(ErrorCode.AVRO_UNKNOWN_SCHEMA), sink.errorCodes());
        assertTrue(sink.errors.get(0).message().contains("cannot be read with reader.schema"));
    }

    @Test
    void aDatumOverALimitEndsItsBlockButNotTheFile() {
        byte[] block1 = KitData.binary(List.of(KitData.nested(1), KitData.nested(5), KitData.nested(1)));
        byte[] block2 = KitData.binary(List.of(KitData.nested(2)));
        byte[] file = container(KitData.SCHEMA_JSON, "null", List.of(3L, 1L), List.of(block1, block2));
        CollectingSink sink = CollectingSink.parse(Formats.parser("avro", Map.of("max.depth", "3")), file);
        assertEquals(List.of(ErrorCode.MAX_DEPTH_EXCEEDED), sink.errorCodes());
        assertTrue(sink.errors.get(0).message().endsWith("; 1 more records of the block were skipped"),
                sink.errors.get(0).message());
        assertEquals(List.of(1L, 1L), sink.records.stream().map(r -> r.field("id")).toList());
        assertEquals(3, sink.events.size());
    }

    @Test
    void datumsOfZeroBytes() {
        String nulls = """
                {"type":"record","name":"N","fields":[{"name":"n","type":"null"}]}""";
        Parser binary = Formats.parser("avro", Map.of("encoding", "binary", "schema", nulls));
        assertEquals(List.of(), CollectingSink.parse(binary, new byte[0]).events);
        CollectingSink garbage = CollectingSink.parse(binary, new byte[] {7});
        assertEquals(1, garbage.records.size());
        assertEquals(List.of(ErrorCode.AVRO_SYNTAX), garbage.errorCodes());
        CollectingSink many = CollectingSink.parse(Formats.parser("avro", Map.of()),
                container(nulls, "null", 1000, new byte[0]));
        assertEquals(List.of(), many.errors);
        assertEquals(1000, many.records.size());
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked") Map<String, Object> child = (Map<String, Object>) m;
                out.put(k, withoutNulls(child));
            } else if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void checkSafe(Parser parser, byte[] input) {
        CollectingSink sink = new CollectingSink();
        try {
            parser.parse(input, sink);
        } catch (RuntimeException | StackOverflowError e) {
            fail("threw " + e + " for " + java.util.HexFormat.of().formatHex(input), e);
        }
        for (ParseError e : sink.errors) {
            assertTrue(e.offset() >= -1 && e.offset() <= input.length, e.toString());
        }
        for (Record r : sink.records) assertTrue(r.size() == 4, r.toString());
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        for (int i = 1 + random.nextInt(3); i > 0; i--) out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        return random.nextInt(4) == 0 ? java.util.Arrays.copyOf(out, random.nextInt(out.length)) : out;
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] container(String schema, String codec, long count, byte[] block) {
        return container(schema, codec, List.of(count), List.of(block));
    }

    /** A container file framed by hand, so counts and block contents can be anything. */
    static byte[] container(String schema, String codec, List<Long> counts, List<byte[]> blocks) {
        byte[] sync = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder e = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            out.write(new byte[] {'O', 'b', 'j', 1});
            e.writeMapStart();
            e.setItemCount(2);
            e.startItem();
            e.writeString("avro.schema");
            e.writeBytes(new Schema.Parser().parse(schema).toString().getBytes(StandardCharsets.UTF_8));
            e.startItem();
            e.writeString("avro.codec");
            e.writeBytes(codec.getBytes(StandardCharsets.UTF_8));
            e.writeMapEnd();
            e.writeFixed(sync);
            for (int i = 0; i < blocks.size(); i++) {
                e.writeLong(counts.get(i));
                e.writeBytes(blocks.get(i));
                e.writeFixed(sync);
            }
            e.flush();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
