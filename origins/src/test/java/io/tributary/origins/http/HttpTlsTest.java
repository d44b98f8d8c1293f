package io.tributary.origins.http;

import static io.tributary.origins.http.HttpOriginFixture.client;
import static io.tributary.origins.http.HttpOriginFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.origins.kit.RecordingIngest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files or a PKCS12 keystore; mTLS with required and optional client certificates. */
class HttpTlsTest {
    private static final byte[] BODY = "{\"secure\":true}".getBytes(StandardCharsets.UTF_8);
    @TempDir
    static Path dir;
    static TestPki pki;
    private final RecordingIngest ingest = new RecordingIngest();

    @BeforeAll
    static void certificates() throws Exception {
        pki = TestPki.create(dir);
    }

    private Map<String, Object> pem() {
        return Map.of("tls.enabled", true, "tls.cert.file", pki.server.certPem().toString(),
                "tls.key.file", pki.server.keyPem().toString());
    }

    private Map<String, Object> mtls(String clientAuth) {
        return Map.of("tls.enabled", "true", "tls.keystore.file", pki.server.p12().toString(),
                "tls.keystore.password", TestPki.PASSWORD, "tls.client.auth", clientAuth,
                "tls.truststore.file", pki.client.certPem().toString());
    }

    @Test
    void httpsWithPemFiles() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(pem(), ingest)) {
            assertTrue(f.origin.describe().startsWith("https://127.0.0.1:"), f.origin.describe());
            assertEquals(200, post(client(pki.clientContext(null)), f.uri("/ingest"), BODY).statusCode());
            assertFalse(ingest.payloads.get(0).attributes().containsKey("tls.client.subject"));
            assertThrows(IOException.class, () -> post(client(), f.uri("/ingest"), BODY), "untrusted server");
            assertEquals(1, ingest.payloads.size());
        }
    }

    @Test
    void httpsWithPkcs12Keystore() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("tls.enabled", true,
                "tls.keystore.file", pki.server.p12().toString(), "tls.keystore.password", TestPki.PASSWORD), ingest)) {
            assertEquals(200, post(client(pki.clientContext(pki.client)), f.uri("/ingest"), BODY).statusCode());
        }
    }

    @Test
    void plainHttpToTheTlsPortIsRefused() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(pem(), ingest)) {
            java.net.URI plain = java.net.URI.create("http://127.0.0.1:" + f.port() + "/ingest");
            assertThrows(IOException.class, () -> post(client(), plain, BODY));
            assertEquals(0, ingest.payloads.size());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (f.count("tls.handshake.failures") < 1 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(1, f.count("tls.handshake.failures"));
        }
    }

    @Test
    void requiredClientCertificate() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(mtls("required"), ingest)) {
            assertThrows(IOException.class, () -> post(client(pki.clientContext(null)), f.uri("/ingest"), BODY),
                    "no client certificate");
            assertThrows(IOException.class, () -> post(client(pki.clientContext(pki.stranger)), f.uri("/ingest"),
                    BODY), "untrusted client certificate");
            assertEquals(0, ingest.payloads.size());
            assertEquals(200, post(client(pki.clientContext(pki.client)), f.uri("/ingest"), BODY).statusCode());
            assertEquals("CN=device-1,O=Tributary Test", ingest.payloads.get(0).attributes().get("tls.client.subject"));
            assertTrue(f.count("tls.handshake.failures") >= 1);
        }
    }

    @Test
    void optionalClientCertificate() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(mtls("optional"), ingest)) {
            assertEquals(200, post(client(pki.clientContext(null)), f.uri("/ingest"), BODY).statusCode());
            assertEquals(200, post(client(pki.clientContext(pki.client)), f.uri("/ingest"), BODY).statusCode());
            assertFalse(ingest.payloads.get(0).attributes().containsKey("tls.client.subject"));
            assertEquals("CN=device-1,O=Tributary Test", ingest.payloads.get(1).attributes().get("tls.client.subject"));
        }
    }

    @Test
    void unreadableKeyMaterialIsAConfigError() {
        var e = assertThrows(io.tributary.config.ConfigException.class, () -> new HttpOriginFixture(Map.of(
                "tls.enabled", true, "tls.cert.file", pki.server.keyPem().toString(),
                "tls.key.file", pki.server.certPem().toString()), ingest));
        assertEquals("tls.key.file", e.problems().get(0).key(), e.getMessage());
        var wrongPassword = assertThrows(io.tributary.config.ConfigException.class, () -> new HttpOriginFixture(Map.of(
                "tls.enabled", true, "tls.keystore.file", pki.server.p12().toString(),
                "tls.keystore.password", "wrong"), ingest));
        assertEquals("tls.keystore.file", wrongPassword.problems().get(0).key(), wrongPassword.getMessage());
    }
}
