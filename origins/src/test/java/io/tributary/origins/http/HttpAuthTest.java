package io.tributary.origins.http;

import static io.tributary.origins.http.HttpOriginFixture.client;
import static io.tributary.origins.http.HttpOriginFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.origins.kit.RecordingIngest;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bearer and API-key authentication: missing 401, wrong 403, right 200. */
class HttpAuthTest {
    private static final byte[] BODY = "{\"t\":1}".getBytes(StandardCharsets.UTF_8);
    private final RecordingIngest ingest = new RecordingIngest();
    private final HttpClient http = client();

    @Test
    void bearer() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("auth", "bearer",
                "auth.tokens", List.of("s3cret", "other-token")), ingest)) {
            HttpResponse<String> missing = post(http, f.uri("/ingest"), BODY);
            assertEquals(401, missing.statusCode());
            assertEquals("Bearer realm=\"tributary\"", missing.headers().firstValue("www-authenticate").orElseThrow());
            assertTrue(missing.body().startsWith("{\"error\":\"unauthorized\""), missing.body());
            assertEquals(401, post(http, f.uri("/ingest"), BODY, "Authorization", "Basic dXNlcjpwdw==").statusCode());
            HttpResponse<String> wrong = post(http, f.uri("/ingest"), BODY, "Authorization", "Bearer s3cre");
            assertEquals(403, wrong.statusCode());
            assertTrue(wrong.body().startsWith("{\"error\":\"forbidden\""), wrong.body());
            assertEquals(0, ingest.payloads.size());
            assertEquals(200, post(http, f.uri("/ingest"), BODY, "Authorization", "Bearer s3cret").statusCode());
            assertEquals(200, post(http, f.uri("/ingest"), BODY, "Authorization", "bearer other-token").statusCode());
            assertEquals(2, ingest.payloads.size());
            assertFalse(ingest.payloads.get(0).attributes().containsKey("http.header.authorization"));
            assertEquals(2, f.count("rejected", "reason", "unauthorized"));
            assertEquals(1, f.count("rejected", "reason", "forbidden"));
        }
    }

    @Test
    void apiKeyInTheDefaultAndAConfiguredHeader() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("auth", "api_key", "auth.tokens", "k1"), ingest)) {
            HttpResponse<String> missing = post(http, f.uri("/ingest"), BODY);
            assertEquals(401, missing.statusCode());
            assertTrue(missing.body().contains("X-API-Key"), missing.body());
            assertEquals(403, post(http, f.uri("/ingest"), BODY, "X-API-Key", "k2").statusCode());
            assertEquals(200, post(http, f.uri("/ingest"), BODY, "x-api-key", "k1").statusCode());
        }
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("auth", "api_key", "auth.tokens", List.of("k1"),
                "auth.header", "X-Device-Key"), ingest)) {
            assertEquals(401, post(http, f.uri("/ingest"), BODY, "X-API-Key", "k1").statusCode());
            assertEquals(200, post(http, f.uri("/ingest"), BODY, "X-Device-Key", "k1").statusCode());
        }
    }

    @Test
    void wrongCredentialsDoNotCostTheConnection() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("auth", "bearer", "auth.tokens", "t"), ingest);
                RawHttp raw = new RawHttp(f.port())) {
            raw.write(RawHttp.post("/ingest", "{\"a\":1}", "Authorization: Bearer nope"));
            assertEquals(403, raw.read().status());
            raw.write(RawHttp.post("/ingest", "{\"a\":2}", "Authorization: Bearer t"));
            assertEquals(200, raw.read().status());
            assertEquals(List.of("{\"a\":2}"), ingest.bodies());
        }
    }
}
