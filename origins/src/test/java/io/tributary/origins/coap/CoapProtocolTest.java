package io.tributary.origins.coap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.formats.ParseError;
import io.tributary.origins.BackPressureException;
import io.tributary.origins.Ingest;
import io.tributary.origins.IngestResult;
import io.tributary.origins.Payload;
import io.tributary.origins.UnsupportedContentTypeException;
import io.tributary.origins.kit.RecordingIngest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.junit.jupiter.api.Test;

/** CoAP specifics: NON, block-wise, response codes and options, paths, content formats, separate responses. */
class CoapProtocolTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final RecordingIngest ingest = new RecordingIngest();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static CompletableFuture<CoapResponse> async(ThrowingSupplier<CoapResponse> send) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    @Test
    void nonRequestIsAnsweredWithANonResponseOnlyOnceDurable() throws Exception {
        ingest.hold();
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest); CoapTestClient c = h.client("ingest")) {
            CompletableFuture<CoapResponse> answer = async(() -> c.send(Code.POST, Type.NON, bytes("{\"non\":1}"),
                    50, TIMEOUT));
            awaitPayloads(1);
            Thread.sleep(300);
            assertFalse(answer.isDone(), "answered before durable");
            ingest.release();
            CoapResponse response = answer.get(10, TimeUnit.SECONDS);
            assertEquals(ResponseCode.CHANGED, response.getCode());
            assertEquals(Type.NON, response.advanced().getType());
            assertEquals("NON", ingest.payloads.get(0).attributes().get("coap.type"));
        }
    }

    @Test
    void blockwiseUploadOf100KbArrivesWhole() throws Exception {
        byte[] body = new byte[100 * 1024];
        new Random(42).nextBytes(body);
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest); CoapTestClient c = h.client("ingest")) {
            CoapResponse response = c.send(Code.POST, Type.CON, body, 42, TIMEOUT);
            assertEquals(ResponseCode.CHANGED, response.getCode());
            assertEquals(1, ingest.payloads.size());
            assertArrayEquals(body, ingest.payloads.get(0).body());
            assertEquals("application/octet-stream", ingest.payloads.get(0).contentType());
            assertTrue(h.meter("tributary.coap.responses", "code", "2.31") >= 99, "2.31 Continue per block");
            assertEquals(body.length, h.meter("tributary.coap.bytes.received"));
        }
    }

    @Test
    void oversizedBlockwiseUploadAnswers413WithSize1() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of("max.body.bytes", 4096), ingest);
                CoapTestClient c = h.client("ingest")) {
            CoapResponse response = c.send(Code.POST, Type.CON, new byte[10_000], 42, TIMEOUT);
            assertEquals(ResponseCode.REQUEST_ENTITY_TOO_LARGE, response.getCode());
            assertEquals(4096, response.getOptions().getSize1());
            assertTrue(ingest.payloads.isEmpty());
            assertEquals(1, h.meter("tributary.coap.responses", "code", "4.13"));
        }
    }

    @Test
    void oversizedSingleDatagramAnswers413WithSize1() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of("max.body.bytes", 100, "max.inflight.bytes", 1000),
                ingest); CoapTestClient c = h.client("ingest")) {
            CoapResponse response = c.send(Code.POST, Type.CON, new byte[500], 42, TIMEOUT);
            assertEquals(ResponseCode.REQUEST_ENTITY_TOO_LARGE, response.getCode());
            assertEquals(100, response.getOptions().getSize1());
            assertTrue(ingest.payloads.isEmpty());
            assertEquals(1, h.meter("tributary.coap.payloads.rejected", "reason", "too_large"));
        }
    }

    @Test
    void unsupportedContentFormatAnswers415() throws Exception {
        Ingest onlyJson = p -> "application/json".equals(p.contentType()) ? ingest.submit(p)
                : CompletableFuture.failedFuture(new UnsupportedContentTypeException(p.contentType(),
                        Set.of("application/json")));
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), onlyJson); CoapTestClient c = h.client("ingest")) {
            CoapResponse response = c.send(Code.POST, Type.CON, new byte[] {(byte) 0xa0}, 60, TIMEOUT);
            assertEquals(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, response.getCode());
            assertTrue(response.getResponseText().contains("application/cbor"), response.getResponseText());
            assertEquals(1, h.meter("tributary.coap.payloads.rejected", "reason", "content_type"));
            assertEquals(ResponseCode.CHANGED, c.post(bytes("{}"), TIMEOUT).getCode());
        }
    }

    @Test
    void otherMethodsAnswer405AndUnknownPaths404() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of("paths", List.of("ingest", "mall/sensors")), ingest);
                CoapTestClient ingestPath = h.client("ingest"); CoapTestClient parent = h.client("mall");
                CoapTestClient unknown = h.client("nope")) {
            assertEquals(ResponseCode.METHOD_NOT_ALLOWED, ingestPath.send(Code.GET, Type.CON, new byte[0], -1,
                    TIMEOUT).getCode());
            assertEquals(ResponseCode.METHOD_NOT_ALLOWED, ingestPath.send(Code.DELETE, Type.CON, new byte[0], -1,
                    TIMEOUT).getCode());
            assertEquals(ResponseCode.METHOD_NOT_ALLOWED, parent.send(Code.POST, Type.CON, bytes("{}"), 50, TIMEOUT)
                    .getCode());
            assertEquals(ResponseCode.NOT_FOUND, unknown.send(Code.POST, Type.CON, bytes("{}"), 50, TIMEOUT)
                    .getCode());
            assertTrue(ingest.payloads.isEmpty());
            assertEquals(3, h.meter("tributary.coap.responses", "code", "4.05"));
        }
    }

    @Test
    void nestedPathsPutAndAttributes() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of("paths", "/mall/sensors/, ingest"), ingest);
                CoapTestClient c = h.client("mall/sensors")) {
            assertEquals(ResponseCode.CHANGED, c.send(Code.PUT, Type.CON, bytes("{\"t\":21}"), 50, TIMEOUT).getCode());
            Payload p = ingest.payloads.get(0);
            assertEquals("coap:mall/sensors", p.source());
            assertEquals("mall/sensors", p.attributes().get("coap.path"));
            assertEquals("CON", p.attributes().get("coap.type"));
            assertEquals("127.0.0.1:" + c.endpoint.getAddress().getPort(), p.attributes().get("remote.address"));
            assertEquals("application/json", p.contentType());
            assertNotNull(p.receivedAt());
        }
    }

    @Test
    void contentFormatsBecomeMimeTypes() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest); CoapTestClient c = h.client("ingest")) {
            for (int format : new int[] {50, 0, 60, 110, 9999, -1}) {
                assertEquals(ResponseCode.CHANGED, c.send(Code.POST, Type.CON, bytes("{}"), format, TIMEOUT)
                        .getCode());
            }
            List<String> types = ingest.payloads.stream().map(Payload::contentType).toList();
            assertEquals(java.util.Arrays.asList("application/json", "text/plain", "application/cbor",
                    "application/senml+json", "application/x-coap-format-9999", null), types);
        }
    }

    @Test
    void malformedPayloadAnswers400WithTheFirstError() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest); CoapTestClient c = h.client("ingest")) {
            CoapResponse response = c.post(bytes("BAD{"), TIMEOUT);
            assertEquals(ResponseCode.BAD_REQUEST, response.getCode());
            assertEquals("JSON_SYNTAX: test: malformed payload", response.getResponseText());
            assertEquals(1, h.meter("tributary.coap.payloads.rejected", "reason", "malformed"));
        }
    }

    @Test
    void backPressureAnswers503WithMaxAgeOfRetryAfter() throws Exception {
        Ingest busy = p -> CompletableFuture.failedFuture(new BackPressureException("full", Duration.ofMillis(6500)));
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), busy); CoapTestClient c = h.client("ingest")) {
            CoapResponse response = c.post(bytes("{}"), TIMEOUT);
            assertEquals(ResponseCode.SERVICE_UNAVAILABLE, response.getCode());
            assertEquals(7L, response.getOptions().getMaxAge());
            assertEquals(1, h.meter("tributary.coap.payloads.rejected", "reason", "back_pressure"));
        }
    }

    @Test
    void otherFailuresAnswer500() throws Exception {
        Ingest broken = p -> {
            throw new IllegalStateException("boom");
        };
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), broken); CoapTestClient c = h.client("ingest")) {
            assertEquals(ResponseCode.INTERNAL_SERVER_ERROR, c.post(bytes("{}"), TIMEOUT).getCode());
            assertEquals(1, h.meter("tributary.coap.payloads.rejected", "reason", "failed"));
            assertEquals(0, h.meter("tributary.coap.inflight"));
        }
    }

    @Test
    void inFlightBoundAnswers503() throws Exception {
        ingest.hold();
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of("max.inflight", 1), ingest);
                CoapTestClient first = h.client("ingest"); CoapTestClient second = h.client("ingest")) {
            CompletableFuture<CoapResponse> held = async(() -> first.post(bytes("{\"n\":1}"), TIMEOUT));
            awaitPayloads(1);
            assertEquals(1, h.meter("tributary.coap.inflight"));
            CoapResponse refused = second.post(bytes("{\"n\":2}"), TIMEOUT);
            assertEquals(ResponseCode.SERVICE_UNAVAILABLE, refused.getCode());
            assertEquals(1L, refused.getOptions().getMaxAge());
            assertEquals(1, h.meter("tributary.coap.payloads.rejected", "reason", "inflight"));
            ingest.release();
            assertEquals(ResponseCode.CHANGED, held.get(10, TimeUnit.SECONDS).getCode());
            assertEquals(1, ingest.payloads.size());
        }
    }

    @Test
    void slowDurabilityGetsAnEmptyAckThenASeparateResponse() throws Exception {
        ingest.hold();
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of("separate.response.after.ms", 100), ingest);
                CoapTestClient c = h.client("ingest")) {
            List<Type> seen = c.emptyMessages;
            CompletableFuture<CoapResponse> answer = async(() -> c.post(bytes("{\"slow\":1}"), TIMEOUT));
            awaitPayloads(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (seen.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(List.of(Type.ACK), seen, "empty ACK");
            assertFalse(answer.isDone(), "answered before durable");
            assertEquals(1, h.meter("tributary.coap.separate.responses"));
            ingest.release();
            CoapResponse response = answer.get(10, TimeUnit.SECONDS);
            assertEquals(ResponseCode.CHANGED, response.getCode());
            assertEquals(Type.CON, response.advanced().getType(), "separate response");
        }
    }

    @Test
    void earlyAckAtOnceOrNever() throws Exception {
        int n = 0;
        for (long after : new long[] {0, -1}) {
            ingest.hold();
            try (CoapOriginHarness h = new CoapOriginHarness(Map.of("separate.response.after.ms", after), ingest);
                    CoapTestClient c = h.client("ingest")) {
                List<Type> seen = c.emptyMessages;
                CompletableFuture<CoapResponse> answer = async(() -> c.post(bytes("{}"), TIMEOUT));
                awaitPayloads(++n);
                Thread.sleep(500);
                assertFalse(answer.isDone(), "answered before durable");
                assertEquals(after == 0 ? List.of(Type.ACK) : List.of(), seen, "after " + after);
                assertEquals(after == 0 ? 1 : 0, h.meter("tributary.coap.separate.responses"));
                ingest.release();
                CoapResponse response = answer.get(10, TimeUnit.SECONDS);
                assertEquals(ResponseCode.CHANGED, response.getCode());
                assertEquals(after == 0 ? Type.CON : Type.ACK, response.advanced().getType());
            }
        }
    }

    @Test
    void quickDurabilityIsPiggyBacked() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest); CoapTestClient c = h.client("ingest")) {
            CoapResponse response = c.post(bytes("{}"), TIMEOUT);
            assertEquals(Type.ACK, response.advanced().getType());
            assertEquals(0, h.meter("tributary.coap.separate.responses"));
            assertEquals(1, h.meter("tributary.coap.payloads.acked"));
        }
    }

    @Test
    void errorRecordsWithSomeRecordsStillAnswer204() throws Exception {
        Ingest partly = p -> CompletableFuture.completedFuture(new IngestResult(2, 1,
                List.of(new ParseError("JSON_SYNTAX", "line 3"))));
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), partly); CoapTestClient c = h.client("ingest")) {
            assertEquals(ResponseCode.CHANGED, c.post(bytes("{}"), TIMEOUT).getCode());
        }
    }

    @Test
    void noCaliforniumPropertiesFileIsWritten() throws Exception {
        java.io.File file = new java.io.File(System.getProperty("user.dir"), "Californium3.properties");
        assertFalse(file.exists(), "left over before the test: " + file);
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest); CoapTestClient c = h.client("ingest")) {
            assertEquals(ResponseCode.CHANGED, c.post(bytes("{}"), TIMEOUT).getCode());
        }
        assertFalse(file.exists(), "Californium wrote " + file);
    }

    @Test
    void closeStopsAnswering() throws Exception {
        CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest);
        try (CoapTestClient c = h.client("ingest")) {
            assertEquals(ResponseCode.CHANGED, c.post(bytes("{}"), TIMEOUT).getCode());
            long start = System.nanoTime();
            h.close();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms < 2000, "close took " + ms + " ms");
            h.close();
            assertNull(c.post(bytes("{}"), Duration.ofMillis(500)));
            assertTrue(h.registry.getMeters().isEmpty(), "meters removed");
        }
    }

    private void awaitPayloads(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ingest.payloads.size() < n && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(ingest.payloads.size() >= n, "only " + ingest.payloads.size() + " of " + n + " payloads arrived");
    }
}
