package io.tributary.origins.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.origins.kit.RecordingIngest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP origin with an independent client: curl (Debian package {@code curl}). */
class HttpOriginIT {
    private static final String JSON = "{\"device\":\"d-1\",\"temperature\":21.5}\n";
    @TempDir
    static Path dir;
    static TestPki pki;
    private final RecordingIngest ingest = new RecordingIngest();

    /** What curl saw: its exit code, the HTTP status ("000" without a response) and the body. */
    record Curl(int exit, String status, String body, String stderr) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        try {
            Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) fail("curl --version failed");
        } catch (java.io.IOException e) {
            fail("curl is required by this test (Debian: apt-get install -y --no-install-recommends curl): " + e);
        }
        pki = TestPki.create(dir);
    }

    private static Curl curl(String... args) throws Exception {
        Path out = Files.createTempFile(dir, "body", ".out");
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "-o", out.toString(),
                "-w", "%{http_code}"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String status = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("curl did not finish: " + command);
        }
        return new Curl(p.exitValue(), status, Files.readString(out), stderr);
    }

    private static Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void postPlainAndGzipBodies() throws Exception {
        byte[] json = JSON.repeat(200).getBytes(StandardCharsets.UTF_8);
        Path body = file("events.json", json);
        Path gz = file("events.json.gz", HttpOriginFixture.gzip(json));
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("headers.allow", "X-Device-Id"), ingest)) {
            String url = f.uri("/ingest").toString();
            Curl plain = curl("-H", "Content-Type: application/x-ndjson", "-H", "X-Device-Id: d-1",
                    "--data-binary", "@" + body, url);
            assertEquals("200", plain.status(), plain.toString());
            assertEquals("{\"records\":1,\"errors\":0}", plain.body());
            Curl gzip = curl("--compressed", "-H", "Content-Encoding: gzip", "-H", "Content-Type: application/x-ndjson",
                    "--data-binary", "@" + gz, url);
            assertEquals("200", gzip.status(), gzip.toString());
            Curl put = curl("-X", "PUT", "--data-binary", JSON, url);
            assertEquals("200", put.status(), put.toString());

            assertEquals(3, ingest.payloads.size());
            assertArrayEquals(json, ingest.payloads.get(0).body());
            assertArrayEquals(json, ingest.payloads.get(1).body(), "the gzip body arrives decompressed");
            assertEquals("application/x-ndjson", ingest.payloads.get(1).contentType());
            assertEquals("d-1", ingest.payloads.get(0).attributes().get("http.header.x-device-id"));
            assertEquals("PUT", ingest.payloads.get(2).attributes().get("http.method"));
            assertEquals("405", curl(url).status(), "GET");
            assertEquals("404", curl("--data-binary", JSON, f.uri("/other").toString()).status());
            assertEquals("400", curl("--data-binary", "BAD{", url).status());
        }
    }

    @Test
    void oversizedBodiesAre413() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        new Random(3).nextBytes(big);
        Path bigFile = file("big.bin", big);
        Path bomb = file("bomb.gz", HttpOriginFixture.gzip(new byte[10 * 1000 * 1000]));
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("max.body.bytes", 1024 * 1024,
                "gzip.max.bytes", 1024 * 1024), ingest)) {
            String url = f.uri("/ingest").toString();
            Curl declared = curl("--data-binary", "@" + bigFile, url);
            assertEquals("413", declared.status(), declared.toString());
            assertTrue(declared.body().contains("payload_too_large"), declared.body());
            Curl chunked = curl("-H", "Transfer-Encoding: chunked", "-H", "Expect:", "--data-binary", "@" + bigFile, url);
            assertEquals("413", chunked.status(), chunked.toString());
            Curl gzipBomb = curl("-H", "Content-Encoding: gzip", "--data-binary", "@" + bomb, url);
            assertEquals("413", gzipBomb.status(), gzipBomb.toString());
            assertTrue(gzipBomb.body().contains("gzip.max.bytes"), gzipBomb.body());
            assertEquals(0, ingest.payloads.size());
        }
    }

    @Test
    void bearerToken() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("auth", "bearer", "auth.tokens", "x"), ingest)) {
            String url = f.uri("/ingest").toString();
            assertEquals("401", curl("--data-binary", JSON, url).status());
            assertEquals("403", curl("-H", "Authorization: Bearer y", "--data-binary", JSON, url).status());
            assertEquals(0, ingest.payloads.size());
            assertEquals("200", curl("-H", "Authorization: Bearer x", "--data-binary", JSON, url).status());
            assertEquals(1, ingest.payloads.size());
        }
    }

    @Test
    void httpsWithCacert() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("tls.enabled", true,
                "tls.cert.file", pki.server.certPem().toString(), "tls.key.file", pki.server.keyPem().toString()),
                ingest)) {
            String url = f.uri("/ingest").toString();
            Curl ok = curl("--cacert", pki.server.certPem().toString(), "--data-binary", JSON, url);
            assertEquals("200", ok.status(), ok.toString());
            Curl untrusted = curl("--data-binary", JSON, url);
            assertEquals(60, untrusted.exit(), untrusted.toString());
            assertEquals(1, ingest.payloads.size());
        }
    }

    @Test
    void mutualTls() throws Exception {
        try (HttpOriginFixture f = new HttpOriginFixture(Map.of("tls.enabled", true,
                "tls.keystore.file", pki.server.p12().toString(), "tls.keystore.password", TestPki.PASSWORD,
                "tls.client.auth", "required", "tls.truststore.file", pki.client.certPem().toString()), ingest)) {
            String url = f.uri("/ingest").toString();
            String cacert = pki.server.certPem().toString();
            Curl withoutCert = curl("--cacert", cacert, "--data-binary", JSON, url);
            assertNotEquals(0, withoutCert.exit(), withoutCert.toString());
            assertNotEquals("200", withoutCert.status());
            Curl stranger = curl("--cacert", cacert, "--cert", pki.stranger.certPem().toString(),
                    "--key", pki.stranger.keyPem().toString(), "--data-binary", JSON, url);
            assertNotEquals("200", stranger.status(), stranger.toString());
            assertEquals(0, ingest.payloads.size());
            Curl withCert = curl("--cacert", cacert, "--cert", pki.client.certPem().toString(),
                    "--key", pki.client.keyPem().toString(), "--data-binary", JSON, url);
            assertEquals("200", withCert.status(), withCert.toString());
            assertEquals(1, ingest.payloads.size());
            assertEquals("CN=device-1,O=Tributary Test", ingest.payloads.get(0).attributes().get("tls.client.subject"));
        }
    }
}
