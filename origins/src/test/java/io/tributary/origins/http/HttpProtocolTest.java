package io.tributary.origins.http;

import static io.tributary.origins.http.HttpOriginFixture.client;
import static io.tributary.origins.http.HttpOriginFixture.post;
import static io.tributary.origins.http.HttpOriginFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.formats.ParseError;
import io.tributary.origins.BackPressureException;
import io.tributary.origins.Ingest;
import io.tributary.origins.IngestResult;
import io.tributary.origins.Payload;
import io.tributary.origins.UnsupportedContentTypeException;
import io.tributary.origins.kit.RecordingIngest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Routing, answers, attributes, keep-alive and pipelining. */
class HttpProtocolTest {
    private final RecordingIngest ingest = new RecordingIngest();
    private final HttpClient http = client();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void awaitPayloads(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ingest.payloads.size() < n && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(n, ingest.payloads.size());
    }

    @Test
    void payloadCarriesSourceContentTypeAndAllowedHeaders() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("paths", List.of("/a", "/b"),
                "headers.allow", List.of("X-Device-Id", "x-trace")), ingest)) {
            HttpResponse<String> r = post(http, f.uri("/a"), bytes("{\"t\":1}"),
                    "Content-Type", "application/json; charset=utf-8", "X-Device-Id", "dev-7", "X-Other", "no");
            assertEquals(200, r.statusCode());
            assertEquals("{\"records\":1,\"errors\":0}", r.body());
            assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
            assertEquals(200, send(http, f.uri("/b?batch=2"), "PUT", BodyPublishers.ofString("{\"t\":2}")).statusCode());

            Payload a = ingest.payloads.get(0);
            assertEquals("http:/a", a.source());
            assertEquals("application/json; charset=utf-8", a.contentType());
            assertEquals("dev-7", a.attributes().get("http.header.x-device-id"));
            assertEquals("/a", a.attributes().get("http.path"));
            assertEquals("POST", a.attributes().get("http.method"));
            assertTrue(a.attributes().get("remote.address").startsWith("127.0.0.1:"), a.attributes().toString());
            assertEquals(Set.of("remote.address", "http.path", "http.method", "http.header.x-device-id"),
                    a.attributes().keySet());
            Payload b = ingest.payloads.get(1);
            assertEquals("http:/b", b.source());
            assertEquals("PUT", b.attributes().get("http.method"));
            assertEquals("{\"t\":2}", new String(b.body(), StandardCharsets.UTF_8));
            assertEquals(2, f.count("requests", "status", "2xx"));
            assertEquals(2, f.count("acked"));
            assertEquals(2, f.count("payloads"));
            assertEquals(14, f.count("bytes.received"));
        }
    }

    @Test
    void unknownPathIs404AndOtherMethodsAre405() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest)) {
            HttpResponse<String> notFound = post(http, f.uri("/other"), bytes("{}"));
            assertEquals(404, notFound.statusCode());
            assertTrue(notFound.body().startsWith("{\"error\":\"not_found\""), notFound.body());
            HttpResponse<String> get = send(http, f.uri("/ingest"), "GET", BodyPublishers.noBody());
            assertEquals(405, get.statusCode());
            assertEquals("POST, PUT", get.headers().firstValue("allow").orElseThrow());
            assertTrue(get.body().contains("\"method_not_allowed\""), get.body());
            assertEquals(405, send(http, f.uri("/ingest"), "DELETE", BodyPublishers.noBody()).statusCode());
            assertEquals(0, ingest.payloads.size());
            assertEquals(1, f.count("rejected", "reason", "not_found"));
            assertEquals(2, f.count("rejected", "reason", "method_not_allowed"));
            assertEquals(3, f.count("requests", "status", "4xx"));
        }
    }

    @Test
    void refusedRequestsKeepTheConnection() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest); RawHttp raw = new RawHttp(f.port())) {
            raw.write(RawHttp.post("/nowhere", "{\"body\":\"dropped\"}"));
            assertEquals(404, raw.read().status());
            raw.write("GET /ingest HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(405, raw.read().status());
            raw.write(RawHttp.post("/ingest", "{\"n\":1}"));
            RawHttp.Response ok = raw.read();
            assertEquals(200, ok.status());
            assertNull(ok.header("connection"));
            assertEquals(1, f.count("connections.opened"));
        }
    }

    @Test
    void malformedPayloadIs400WithTheFirstErrors() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest)) {
            HttpResponse<String> r = post(http, f.uri("/ingest"), bytes("BAD{"));
            assertEquals(400, r.statusCode());
            assertEquals("{\"records\":0,\"errors\":1,\"first_errors\":[{\"code\":\"JSON_SYNTAX\","
                    + "\"message\":\"test: malformed payload\",\"offset\":0}]}", r.body());
            assertEquals(1, f.count("rejected", "reason", "invalid_payload"));
        }
    }

    @Test
    void partialErrorsAre200WithCountsAndErrors() throws Exception {
        Ingest partial = p -> CompletableFuture.completedFuture(new IngestResult(3, 1,
                List.of(new ParseError("CSV_TYPE", "row 2: \"x\" is not a long", 17))));
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), partial)) {
            HttpResponse<String> r = post(http, f.uri("/ingest"), bytes("a\n1\nx\n3\n4"));
            assertEquals(200, r.statusCode());
            assertEquals("{\"records\":3,\"errors\":1,\"first_errors\":[{\"code\":\"CSV_TYPE\","
                    + "\"message\":\"row 2: \\\"x\\\" is not a long\",\"offset\":17}]}", r.body());
        }
    }

    @Test
    void unsupportedContentTypeIs415() throws Exception {
        Ingest ingest415 = p -> CompletableFuture.failedFuture(
                new UnsupportedContentTypeException(p.contentType(), Set.of("application/json")));
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest415)) {
            HttpResponse<String> r = post(http, f.uri("/ingest"), bytes("<a/>"), "Content-Type", "text/xml");
            assertEquals(415, r.statusCode());
            assertTrue(r.body().startsWith("{\"error\":\"unsupported_media_type\",\"message\":\"Unsupported content "
                    + "type 'text/xml'"), r.body());
            assertEquals(1, f.count("rejected", "reason", "unsupported_media_type"));
        }
    }

    @Test
    void failuresAre500NeverAcknowledged() throws Exception {
        Ingest failing = p -> {
            if (p.body().length == 1) throw new IllegalStateException("boom");
            return CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("kafka and spool both down");
            });
        };
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), failing)) {
            HttpResponse<String> async = post(http, f.uri("/ingest"), bytes("{}"));
            assertEquals(500, async.statusCode());
            assertTrue(async.body().contains("kafka and spool both down"), async.body());
            assertEquals(500, post(http, f.uri("/ingest"), bytes("x")).statusCode());
            assertEquals(2, f.count("requests", "status", "5xx"));
            assertEquals(0, f.count("acked"));
        }
    }

    @Test
    void pipelineBackPressureIs503WithRetryAfter() throws Exception {
        Ingest busy = p -> CompletableFuture.failedFuture(new BackPressureException("full", Duration.ofMillis(2500)));
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), busy)) {
            HttpResponse<String> r = post(http, f.uri("/ingest"), bytes("{}"));
            assertEquals(503, r.statusCode());
            assertEquals("3", r.headers().firstValue("retry-after").orElseThrow());
            assertEquals("{\"error\":\"back_pressure\",\"message\":\"full\"}", r.body());
            assertEquals(1, f.count("rejected", "reason", "back_pressure"));
        }
    }

    @Test
    void moreThanMaxInflightRequestsIs503() throws Exception {
        ingest.hold();
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("max.inflight.requests", 1), ingest)) {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return post(http, f.uri("/ingest"), bytes("{\"first\":1}"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitPayloads(1);
            HttpResponse<String> second = post(client(), f.uri("/ingest"), bytes("{\"second\":1}"));
            assertEquals(503, second.statusCode());
            assertEquals("1", second.headers().firstValue("retry-after").orElseThrow());
            assertFalse(first.isDone());
            ingest.release();
            assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(200, post(http, f.uri("/ingest"), bytes("{\"third\":1}")).statusCode());
            assertEquals(List.of("{\"first\":1}", "{\"third\":1}"), ingest.bodies());
        } finally {
            ingest.release();
        }
    }

    @Test
    void keepAliveReusesOneConnection() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest)) {
            for (int i = 0; i < 5; i++) assertEquals(200, post(http, f.uri("/ingest"), bytes("{}")).statusCode());
            assertEquals(1, f.count("connections.opened"));
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        ingest.hold();
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest); RawHttp raw = new RawHttp(f.port())) {
            raw.write(RawHttp.post("/ingest", "BAD first") + RawHttp.post("/ingest", "{\"second\":2}")
                    + RawHttp.post("/missing", "{}") + RawHttp.post("/ingest", "{\"fourth\":4}"));
            awaitPayloads(1);
            Thread.sleep(200);
            assertEquals(1, ingest.payloads.size(), "the next request was read before the first was answered");
            ingest.release();
            assertEquals(400, raw.read().status());
            RawHttp.Response second = raw.read();
            assertEquals(200, second.status());
            assertEquals(404, raw.read().status());
            assertEquals(200, raw.read().status());
            assertEquals(List.of("BAD first", "{\"second\":2}", "{\"fourth\":4}"), ingest.bodies());
        } finally {
            ingest.release();
        }
    }

    @Test
    void connectionCloseHttp10AndKeepaliveOff() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest)) {
            try (RawHttp raw = new RawHttp(f.port())) {
                raw.write("POST /ingest HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}");
                RawHttp.Response r = raw.read();
                assertEquals(200, r.status());
                assertEquals("close", r.header("connection"));
                assertTrue(raw.closedByServer());
            }
            try (RawHttp raw = new RawHttp(f.port())) {
                raw.write("POST /ingest HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n{}");
                assertEquals("keep-alive", raw.read().header("connection"));
                raw.write(RawHttp.post("/ingest", "{}", "Connection: close"));
                assertEquals("close", raw.read().header("connection"));
                assertTrue(raw.closedByServer());
            }
        }
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("keepalive", false), ingest);
                RawHttp raw = new RawHttp(f.port())) {
            raw.write(RawHttp.post("/ingest", "{}"));
            assertEquals("close", raw.read().header("connection"));
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void idleConnectionsAreClosedButNotWhileWaitingForDurability() throws Exception {
        ingest.hold();
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("idle.timeout.ms", 300), ingest)) {
            try (RawHttp raw = new RawHttp(f.port())) {
                raw.write(RawHttp.post("/ingest", "{\"slow\":1}"));
                awaitPayloads(1);
                Thread.sleep(800);
                ingest.release();
                assertEquals(200, raw.read().status());
                long start = System.nanoTime();
                assertTrue(raw.closedByServer());
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(ms >= 200 && ms < 5000, "closed after " + ms + " ms idle");
            }
        } finally {
            ingest.release();
        }
    }

    @Test
    void malformedHttpIs400AndCloses() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest); RawHttp raw = new RawHttp(f.port())) {
            raw.write("POST /ingest HTTP/1.1\r\nContent-Length: nope\r\n\r\n{}");
            RawHttp.Response r = raw.read();
            assertEquals(400, r.status());
            assertTrue(r.body().contains("\"bad_request\""), r.body());
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void describeReportsTheBoundPort() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest)) {
            assertTrue(f.port() > 0);
            assertEquals("http://127.0.0.1:" + f.port() + "/ingest", f.origin.describe());
        }
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("paths", "/a,/b"), ingest)) {
            assertEquals("http://127.0.0.1:" + f.port() + " [/a, /b]", f.origin.describe());
        }
    }

    @Test
    void aPortInUseFailsStartNamingTheAddress() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of(), ingest)) {
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> new HttpOriginFixture(Map.of("port", f.port()), ingest));
            assertTrue(e.getMessage().startsWith("Cannot listen on 127.0.0.1:" + f.port()), e.getMessage());
            assertEquals(200, post(http, f.uri("/ingest"), bytes("{}")).statusCode());
        }
    }
}
