package io.tributary.agent.processor.builtin;

import static io.tributary.agent.processor.builtin.Fixture.assertProblem;
import static io.tributary.agent.processor.builtin.Fixture.configError;
import static io.tributary.agent.processor.builtin.Fixture.list;
import static io.tributary.agent.processor.builtin.Fixture.map;
import static io.tributary.agent.processor.builtin.Fixture.processingError;
import static io.tributary.agent.processor.builtin.Fixture.processor;
import static io.tributary.agent.processor.builtin.Fixture.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.processor.ProcessingException;
import io.tributary.agent.processor.Processor;
import io.tributary.config.ConfigException;
import io.tributary.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PseudonymiseProcessorTest {
    /** Expected values below were computed with {@code echo -n <data> | openssl dgst -sha256 -hmac <KEY>}. */
    private static final String KEY = "tributary-test-key-0123456789";
    private static final String AABBCC_HEX = "c86f505e6118c624a411ab0403cf2b3930afc00b92c588580d855df29f822d0e";
    private static final String UPPER_COLONS_HEX = "a8b466d9b2a170359f57ec511384260c2e2024efee071128529d89e1dfb9ba97";

    private static Processor pseudonymise(Object... extra) {
        Object[] all = new Object[extra.length + 6];
        System.arraycopy(new Object[] {"fields", List.of("/mac"), "key", KEY, "key.id", "k1"}, 0, all, 0, 6);
        System.arraycopy(extra, 0, all, 6, extra.length);
        return processor("pseudonymise", all);
    }

    private static Object pseudonym(Object value, Object... extra) {
        Record r = record("mac", value);
        assertTrue(pseudonymise(extra).process(r));
        return r.get("/mac");
    }

    @Test
    void rfc4231TestCase1() {
        Processor p = processor("pseudonymise", "fields", "/data", "key", "\u000b".repeat(20), "key.id", "rfc4231");
        Record r = record("data", "Hi There");
        p.process(r);
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", r.get("/data"));
    }

    @Test
    void hexOfTheUtf8Value() {
        assertEquals(AABBCC_HEX, pseudonym("aabbccddeeff"));
        assertEquals(UPPER_COLONS_HEX, pseudonym("AA:BB:CC:DD:EE:FF"));
        assertEquals("b3b56671b23d40ed33d32f839ca6855d467c879a1e617094cb2455801e9aa7ef", pseudonym("Grüße"));
    }

    @Test
    void macNormalizationGivesOnePseudonymPerDevice() {
        for (String mac : List.of("AA:BB:CC:DD:EE:FF", "aa-bb-cc-dd-ee-ff", "aabb.ccdd.eeff", " AABBCCDDEEFF ")) {
            assertEquals(AABBCC_HEX, pseudonym(mac, "normalize", "mac"), mac);
        }
    }

    @Test
    void base64urlAndTruncation() {
        assertEquals("yG9QXmEYxiSkEasEA88rOTCvwAuSxYhYDYVd8p-CLQ4", pseudonym("aabbccddeeff", "encoding", "base64url"));
        assertEquals("yG9QXmEYxiSkEasE", pseudonym("aabbccddeeff", "encoding", "base64url", "truncate.bytes", 12));
        assertEquals(AABBCC_HEX.substring(0, 16), pseudonym("aabbccddeeff", "truncate.bytes", 8));
    }

    @Test
    void keyIdGoesToTheHeaderOnlyWhenSomethingWasPseudonymised() {
        Record r = record("mac", "aabbccddeeff");
        pseudonymise().process(r);
        assertEquals("k1", r.header().attribute(PseudonymiseProcessorType.KEY_ID_ATTRIBUTE));
        assertEquals("k1", r.header().attribute("pseudonymised.key.id"));
        Record none = record("other", "x", "mac", null);
        pseudonymise().process(none);
        assertNull(none.header().attribute("pseudonymised.key.id"));
        assertEquals(record("other", "x", "mac", null).fields(), none.fields());
    }

    @Test
    void differentKeysGiveDifferentPseudonyms() {
        Processor other = processor("pseudonymise", "fields", "/mac", "key", KEY + "-rotated", "key.id", "k2");
        Record r = record("mac", "aabbccddeeff");
        other.process(r);
        assertFalse(AABBCC_HEX.equals(r.get("/mac")));
        assertEquals("k2", r.header().attribute("pseudonymised.key.id"));
    }

    @Test
    void nestedPathsAndListsOfStrings() {
        Processor p = processor("pseudonymise", "fields", List.of("/scan/macs", "/device/mac"), "key", KEY,
                "key.id", "k1");
        Record r = record("scan", map("macs", list("aabbccddeeff", null)), "device", map("mac", "aabbccddeeff"));
        p.process(r);
        assertEquals(list(AABBCC_HEX, null), r.get("/scan/macs"));
        assertEquals(AABBCC_HEX, r.get("/device/mac"));
    }

    @Test
    void nonStringsAreErrorsThatDoNotShowTheValue() {
        ProcessingException e = processingError(pseudonymise(), record("mac", 12345678L),
                ErrorCodes.PSEUDONYMISE_NOT_STRING);
        assertFalse(e.getMessage().contains("12345678"), e.getMessage());
        processingError(pseudonymise(), record("mac", map("a", "b")), ErrorCodes.PSEUDONYMISE_NOT_STRING);
        processingError(pseudonymise(), record("mac", list("ok", 5L)), ErrorCodes.PSEUDONYMISE_NOT_STRING);
    }

    @Test
    void badOptionsNeverEchoTheKey() {
        String shortKey = "short-secret";
        ConfigException e = configError("pseudonymise", "fields", "/mac", "key", shortKey, "key.id", "k1");
        assertProblem(e, "key", "too short");
        assertFalse(e.getMessage().contains(shortKey), e.getMessage());
        assertProblem(configError("pseudonymise", "fields", "/mac", "key", KEY), "key.id", "is required");
        assertProblem(configError("pseudonymise", "fields", "/mac", "key", KEY, "key.id", "a b"), "key.id", "letters");
        assertProblem(configError("pseudonymise", "fields", List.of("/mac", "/mac"), "key", KEY, "key.id", "k"),
                "fields", "twice");
        assertProblem(configError("pseudonymise", "fields", "/mac", "key", KEY, "key.id", "k", "truncate.bytes", 4),
                "truncate.bytes", "between 8 and 32");
        assertProblem(configError("pseudonymise", "fields", "/mac", "key", KEY, "key.id", "k", "encoding", "base64"),
                "encoding", "one of");
        assertProblem(configError("pseudonymise", "key", KEY, "key.id", "k"), "fields", "is required");
    }

    @Test
    void isSafeUnderConcurrentUse() throws Exception {
        Processor p = pseudonymise("normalize", "mac");
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int wrong = 0;
                    for (int i = 0; i < perThread; i++) {
                        // Alternate two inputs so a Mac shared between threads would mix their states.
                        boolean known = (i + seed) % 2 == 0;
                        Record r = record("mac", known ? "AA:BB:CC:DD:EE:FF" : "00:11:22:33:44:" + (i % 100));
                        p.process(r);
                        if (known && !AABBCC_HEX.equals(r.get("/mac"))) wrong++;
                        if (!known && ((String) r.get("/mac")).length() != 64) wrong++;
                    }
                    return wrong;
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) assertEquals(0, f.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }
}
