package io.tributary.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.record.Record;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every format's parser meets. A format's test subclasses this kit, names its format, and
 * supplies a few synthetic inputs; the kit then checks the golden cases under
 * {@code src/test/resources/golden/<format>/<case>/} (see {@link GoldenCase}), garbage and mutated input (no
 * exception escapes, every error has a code), concurrent use, and every limit.
 */
public abstract class ParserContractKit {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final int FUZZ_ROUNDS = Integer.getInteger("tributary.fuzz.rounds", 3000);

    /** The format's registered name. */
    protected abstract String format();

    /** Options for the synthetic inputs below (e.g. a schema file). */
    protected Map<String, String> options() {
        return Map.of();
    }

    /** A payload holding {@code n} ordinary, valid records. */
    protected abstract byte[] records(int n);

    /** A payload holding one valid record whose input is at least {@code bytes} long. */
    protected abstract byte[] largeRecord(int bytes);

    /** A payload holding one record with {@code n} values in all, or null when the format cannot. */
    protected abstract byte[] recordWithValues(int n);

    /** A payload holding one record nested {@code depth} levels deep, or null when the format cannot nest. */
    protected abstract byte[] nestedRecord(int depth);

    /** How many records {@link #records(int)} parses to: {@code n}, unless one payload is always one record. */
    protected int recordsPerPayload(int n) {
        return n;
    }

    protected Parser parser(Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(options());
        all.putAll(extra);
        return Formats.parser(format(), all);
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() throws Exception {
        Path root = Path.of("src/test/resources/golden", format());
        assertTrue(Files.isDirectory(root), "golden cases are missing: " + root.toAbsolutePath());
        List<GoldenCase> cases = GoldenCase.under(root);
        assertFalse(cases.isEmpty(), "no golden cases under " + root);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), c::check));
    }

    @Test
    void registeredWithDocumentedOptions() {
        Format f = Formats.get(format());
        assertEquals(format(), f.name());
        assertFalse(f.description().isBlank());
        Formats.options(f).options().forEach(o -> assertFalse(o.doc() == null || o.doc().isBlank(),
                "option " + o.name() + " has no doc"));
    }

    @Test
    void parsesSyntheticRecords() {
        CollectingSink sink = CollectingSink.parse(parser(Map.of()), records(25));
        assertEquals(List.of(), sink.errors);
        assertEquals(recordsPerPayload(25), sink.records.size());
    }

    @Test
    void randomBytesNeverThrowAndEveryErrorHasACode() {
        Parser parser = parser(Map.of());
        Random random = new Random(42);
        for (int i = 0; i < FUZZ_ROUNDS; i++) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            parseSafely(parser, garbage, "random input " + i);
        }
    }

    @Test
    void mutatedInputNeverThrowsAndEveryErrorHasACode() {
        Parser parser = parser(Map.of());
        byte[] seed = records(5);
        Random random = new Random(7);
        for (int i = 0; i < FUZZ_ROUNDS; i++) {
            byte[] mutated = Mutations.mutate(seed, random);
            parseSafely(parser, mutated, "mutation " + i);
        }
    }

    @Test
    void concurrentUseGivesTheSameResults() throws Exception {
        Parser parser = parser(Map.of());
        List<byte[]> inputs = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 1; i <= 8; i++) inputs.add(i % 3 == 0 ? Mutations.mutate(records(i), random) : records(i));
        List<String> expected = inputs.stream().map(in -> describe(CollectingSink.parse(parser, in))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 100; round++) {
                        for (int i = 0; i < inputs.size(); i++) {
                            assertEquals(expected.get(i), describe(CollectingSink.parse(parser, inputs.get(i))));
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
    void payloadLimit() {
        byte[] payload = records(10);
        CollectingSink over = CollectingSink.parse(
                parser(Map.of("max.payload.bytes", String.valueOf(payload.length - 1))), payload);
        assertEquals(List.of(ErrorCode.PAYLOAD_TOO_LARGE), over.errorCodes());
        assertTrue(over.records.isEmpty());
        CollectingSink at = CollectingSink.parse(
                parser(Map.of("max.payload.bytes", String.valueOf(payload.length))), payload);
        assertEquals(recordsPerPayload(10), at.records.size());
    }

    @Test
    void recordSizeLimit() {
        byte[] payload = largeRecord(20_000);
        CollectingSink over = CollectingSink.parse(parser(Map.of("max.record.bytes", "10000")), payload);
        assertEquals(List.of(ErrorCode.RECORD_TOO_LARGE), over.errorCodes());
        assertTrue(over.records.isEmpty());
        CollectingSink under = CollectingSink.parse(parser(Map.of("max.record.bytes", "100000")), payload);
        assertEquals(List.of(), under.errors);
        assertEquals(1, under.records.size());
    }

    @Test
    void valueCountLimit() {
        byte[] payload = recordWithValues(50);
        assumeTrue(payload != null, "format has a fixed shape");
        CollectingSink over = CollectingSink.parse(parser(Map.of("max.fields", "49")), payload);
        assertEquals(List.of(ErrorCode.MAX_FIELDS_EXCEEDED), over.errorCodes());
        assertTrue(over.records.isEmpty());
        CollectingSink at = CollectingSink.parse(parser(Map.of("max.fields", "50")), payload);
        assertEquals(List.of(), at.errors);
        assertEquals(1, at.records.size());
    }

    @Test
    void depthLimit() {
        byte[] payload = nestedRecord(10);
        assumeTrue(payload != null, "format cannot nest");
        CollectingSink over = CollectingSink.parse(parser(Map.of("max.depth", "9")), payload);
        assertEquals(List.of(ErrorCode.MAX_DEPTH_EXCEEDED), over.errorCodes());
        assertTrue(over.records.isEmpty());
        CollectingSink at = CollectingSink.parse(parser(Map.of("max.depth", "10")), payload);
        assertEquals(List.of(), at.errors);
        assertEquals(1, at.records.size());
    }

    /** Parses, failing the test when anything escapes or an error lacks a well-formed code. */
    protected static CollectingSink parseSafely(Parser parser, byte[] input, String what) {
        CollectingSink sink = new CollectingSink();
        try {
            parser.parse(input, sink);
        } catch (RuntimeException | StackOverflowError e) {
            fail(what + " threw " + e, e);
        }
        for (ParseError error : sink.errors) {
            assertNotNull(error.code(), what);
            assertTrue(CODE.matcher(error.code()).matches(), what + ": bad code " + error.code());
            assertTrue(error.offset() >= -1 && error.offset() <= input.length,
                    what + ": offset " + error.offset() + " outside the payload");
        }
        return sink;
    }

    private static String describe(CollectingSink sink) {
        StringBuilder sb = new StringBuilder();
        for (Object e : sink.events) sb.append(e instanceof Record r ? r.fields() : e).append('\n');
        return sb.toString();
    }
}
