package io.tributary.origins.http;

import static io.tributary.origins.http.HttpOriginFixture.client;
import static io.tributary.origins.http.HttpOriginFixture.gzip;
import static io.tributary.origins.http.HttpOriginFixture.post;
import static io.tributary.origins.http.HttpOriginFixture.send;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.origins.kit.RecordingIngest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Body size limits, gzip bodies and gzip bombs, Expect: 100-continue. */
class HttpLimitsTest {
    private static final int MIB = 1024 * 1024;
    private final RecordingIngest ingest = new RecordingIngest();
    private final HttpClient http = client();

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void contentLengthOverTheLimitIs413() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("max.body.bytes", MIB), ingest)) {
            HttpResponse<String> r = post(http, f.uri("/ingest"), random(MIB + MIB / 2));
            assertEquals(413, r.statusCode());
            assertTrue(r.body().startsWith("{\"error\":\"payload_too_large\",\"message\":\"Content-Length 1572864 is "
                    + "larger than max.body.bytes (1048576)\""), r.body());
            assertEquals("close", r.headers().firstValue("connection").orElseThrow());
            assertEquals(200, post(http, f.uri("/ingest"), random(MIB)).statusCode());
            assertEquals(1, ingest.payloads.size());
            assertEquals(MIB, ingest.payloads.get(0).body().length);
            assertEquals(1, f.count("rejected", "reason", "payload_too_large"));
        }
    }

    @Test
    void hugeDeclaredLengthIsAnsweredAtOnceWithoutTheBody() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("max.body.bytes", MIB), ingest);
                RawHttp raw = new RawHttp(f.port())) {
            raw.write("POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n").write(new byte[1000]);
            RawHttp.Response r = raw.read();
            assertEquals(413, r.status());
            assertTrue(raw.closedByServer());
            assertEquals(0, ingest.payloads.size());
        }
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("max.body.bytes", MIB), ingest)) {
            HttpRequest.BodyPublisher chunked = BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(random(MIB + 1000)));
            HttpResponse<String> r = send(http, f.uri("/ingest"), "POST", chunked);
            assertEquals(413, r.statusCode());
            assertTrue(r.body().contains("larger than max.body.bytes (1048576 bytes)"), r.body());
            HttpRequest.BodyPublisher fits = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(random(MIB)));
            assertEquals(200, send(http, f.uri("/ingest"), "POST", fits).statusCode());
            assertEquals(1, ingest.payloads.size());
        }
    }

    @Test
    void endlessChunkedBodyIsAnsweredBeforeItEnds() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("max.body.bytes", 64 * 1024), ingest);
                RawHttp raw = new RawHttp(f.port())) {
            raw.write("POST /ingest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 5; i++) raw.write(chunk);
            assertEquals(413, raw.read().status());
            for (int i = 0; i < 20; i++) {
                try {
                    raw.write(chunk);
                } catch (java.io.IOException closed) {
                    break;
                }
            }
            assertTrue(raw.closedByServer());
            assertEquals(0, ingest.payloads.size());
        }
    }

    @Test
    void gzipBodyIsDecompressed() throws Exception {
        byte[] json = "{\"temperature\":21.5}\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest)) {
            HttpResponse<String> r = post(http, f.uri("/ingest"), gzip(json), "Content-Encoding", "gzip",
                    "Content-Type", "application/x-ndjson");
            assertEquals(200, r.statusCode());
            assertArrayEquals(json, ingest.payloads.get(0).body());
            assertEquals("application/x-ndjson", ingest.payloads.get(0).contentType());
            HttpRequest.BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(gzipped(json)));
            assertEquals(200, send(http, f.uri("/ingest"), "POST", chunked, "Content-Encoding", "x-gzip").statusCode());
            assertArrayEquals(json, ingest.payloads.get(1).body());
            assertTrue(f.count("bytes.received") < json.length, "counts bytes as sent");
        }
    }

    private static byte[] gzipped(byte[] data) {
        try {
            return gzip(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void gzipBombIs413() throws Exception {
        byte[] bomb = gzip(new byte[10 * 1000 * 1000]);
        assertTrue(bomb.length < 20_000, "bomb is " + bomb.length + " bytes");
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("gzip.max.bytes", MIB), ingest)) {
            HttpResponse<String> r = post(http, f.uri("/ingest"), bomb, "Content-Encoding", "gzip");
            assertEquals(413, r.statusCode());
            assertTrue(r.body().contains("gzip.max.bytes (1048576 bytes)"), r.body());
            assertEquals(0, ingest.payloads.size());
            assertEquals(200, post(http, f.uri("/ingest"), gzip(new byte[MIB]), "Content-Encoding", "gzip")
                    .statusCode());
        }
    }

    /** 3 GiB of zeros in 3 MB of gzip members: more than the test JVM's whole heap (-Xmx2g). */
    @Test
    void gzipBombLargerThanTheHeapDoesNotExhaustMemory() throws Exception {
        byte[] member = gzip(new byte[10 * MIB]);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        for (int i = 0; i < 300; i++) bomb.writeBytes(member);
        long heap = Runtime.getRuntime().maxMemory();
        assertTrue(300L * 10 * MIB > heap, "the bomb must be larger than the heap (" + heap + ")");
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest)) {
            HttpResponse<String> r = post(http, f.uri("/ingest"), bomb.toByteArray(), "Content-Encoding", "gzip");
            assertEquals(413, r.statusCode());
            assertEquals(0, ingest.payloads.size());
        }
    }

    @Test
    void invalidGzipIs400AndOtherEncodingsAre415() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest)) {
            HttpResponse<String> bad = post(http, f.uri("/ingest"), "{\"not\":\"gzip\"}".getBytes(StandardCharsets.UTF_8),
                    "Content-Encoding", "gzip");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().startsWith("{\"error\":\"invalid_gzip\""), bad.body());
            HttpResponse<String> br = post(http, f.uri("/ingest"), new byte[] {1, 2, 3}, "Content-Encoding", "br");
            assertEquals(415, br.statusCode());
            assertTrue(br.body().contains("unsupported_content_encoding"), br.body());
            assertEquals(200, post(http, f.uri("/ingest"), "{}".getBytes(StandardCharsets.UTF_8),
                    "Content-Encoding", "identity").statusCode());
            assertEquals(1, ingest.payloads.size());
            assertEquals(1, f.count("connections.opened"), "refusals kept the connection");
        }
    }

    @Test
    void expectContinueIsHonoured() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("max.body.bytes", MIB), ingest)) {
            HttpRequest ok = HttpRequest.newBuilder(f.uri("/ingest")).expectContinue(true)
                    .timeout(Duration.ofSeconds(10)).POST(BodyPublishers.ofByteArray(random(1000))).build();
            assertEquals(200, http.send(ok, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(1, ingest.payloads.size());
            // The JDK 17 client hangs on a final answer to Expect: 100-continue (JDK-8286171, fixed in 20): raw.
            try (RawHttp raw = new RawHttp(f.port())) {
                raw.write("POST /ingest HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5000000\r\n\r\n");
                RawHttp.Response r = raw.read();
                assertEquals(413, r.status());
                assertEquals("close", r.header("connection"));
                assertTrue(raw.closedByServer());
            }
            try (RawHttp raw = new RawHttp(f.port())) {
                raw.write("POST /elsewhere HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n");
                assertEquals(404, raw.read().status());
                assertTrue(raw.closedByServer());
            }
        }
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest); RawHttp raw = new RawHttp(f.port())) {
            raw.write("POST /ingest HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            assertEquals("HTTP/1.1 100 Continue", raw.readLine());
            assertEquals("", raw.readLine());
            raw.write("{}");
            assertEquals(200, raw.read().status());
        }
    }
}
