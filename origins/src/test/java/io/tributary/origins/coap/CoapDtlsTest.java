package io.tributary.origins.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.origins.kit.OriginContractKit.Outcome;
import io.tributary.origins.kit.RecordingIngest;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** coaps:// with Scandium clients: pre-shared keys, a server certificate, and client certificates. */
class CoapDtlsTest {
    private static final String PASSWORD = "changeit";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    private final RecordingIngest ingest = new RecordingIngest();

    /** server.p12 and client.p12 (EC P-256, self-signed), their certificates as PEM, server key as PEM. */
    @BeforeAll
    static void makeCertificates() throws Exception {
        for (String name : List.of("server", "client")) {
            keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=" + name + ".tributary.test", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-keystore", dir.resolve(name + ".p12").toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", name, "-keystore", dir.resolve(name + ".p12").toString(),
                    "-storepass", PASSWORD, "-file", dir.resolve(name + ".pem").toString());
        }
        byte[] pkcs8 = key("server").getEncoded();
        Files.writeString(dir.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hung");
        assertEquals(0, p.exitValue(), "keytool " + command + ": " + output);
    }

    private static KeyStore keystore(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(dir.resolve(name + ".p12").toFile())) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    private static PrivateKey key(String name) throws Exception {
        return (PrivateKey) keystore(name).getKey(name, PASSWORD.toCharArray());
    }

    private static X509Certificate certificate(String name) throws Exception {
        return (X509Certificate) keystore(name).getCertificate(name);
    }

    private static DtlsConnectorConfig.Builder clientConfig() {
        return DtlsConnectorConfig.builder(CoapTestClient.configuration());
    }

    private static DtlsConnectorConfig.Builder trustingServer() throws Exception {
        return clientConfig().setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                .setTrustedCertificates(certificate("server")).build());
    }

    /** The outcome of one send, or how the DTLS handshake failed (Californium reports it as an IOException). */
    private static String attempt(CoapTestClient c) {
        try {
            return c.send("{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3)).name();
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    @Test
    void preSharedKeys() throws Exception {
        Map<String, Object> options = Map.of("dtls.enabled", true, "dtls.psk.identity", "device-1",
                "dtls.psk.secret", "secret-1", "dtls.psk", List.of("device-2=hex:00112233445566778899aabbccddeeff"));
        try (CoapOriginHarness h = new CoapOriginHarness(options, ingest)) {
            assertTrue(h.origin.describe().startsWith("coaps://127.0.0.1:"), h.origin.describe());
            try (CoapTestClient c = CoapTestClient.dtls(h.uri("ingest"), clientConfig().setAdvancedPskStore(
                    new AdvancedSinglePskStore("device-1", "secret-1".getBytes(StandardCharsets.UTF_8))))) {
                assertEquals(Outcome.ACKED, c.send("{\"psk\":1}".getBytes(StandardCharsets.UTF_8), TIMEOUT));
            }
            byte[] hexKey = java.util.HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
            try (CoapTestClient c = CoapTestClient.dtls(h.uri("ingest"), clientConfig().setAdvancedPskStore(
                    new AdvancedSinglePskStore("device-2", hexKey)))) {
                assertEquals(Outcome.ACKED, c.send("{\"psk\":2}".getBytes(StandardCharsets.UTF_8), TIMEOUT));
            }
            assertEquals(List.of("{\"psk\":1}", "{\"psk\":2}"), ingest.bodies());
            assertEquals("device-1", ingest.payloads.get(0).attributes().get("coap.identity"));
            assertEquals("device-2", ingest.payloads.get(1).attributes().get("coap.identity"));
        }
    }

    @Test
    void aWrongPreSharedKeyGetsNoAnswer() throws Exception {
        Map<String, Object> options = Map.of("dtls.enabled", true, "dtls.psk.identity", "device-1",
                "dtls.psk.secret", "secret-1");
        try (CoapOriginHarness h = new CoapOriginHarness(options, ingest); CoapTestClient c = CoapTestClient.dtls(
                h.uri("ingest"), clientConfig().setAdvancedPskStore(new AdvancedSinglePskStore("device-1",
                        "wrong".getBytes(StandardCharsets.UTF_8))))) {
            assertNotEquals("ACKED", attempt(c));
            assertTrue(ingest.payloads.isEmpty());
        }
    }

    @Test
    void serverCertificateFromAPkcs12Keystore() throws Exception {
        Map<String, Object> options = Map.of("dtls.enabled", true,
                "dtls.keystore.file", dir.resolve("server.p12").toString(), "dtls.keystore.password", PASSWORD);
        try (CoapOriginHarness h = new CoapOriginHarness(options, ingest);
                CoapTestClient c = CoapTestClient.dtls(h.uri("ingest"), trustingServer())) {
            assertEquals(Outcome.ACKED, c.send("{\"x509\":1}".getBytes(StandardCharsets.UTF_8), TIMEOUT));
            assertEquals(1, ingest.payloads.size());
        }
    }

    @Test
    void clientCertificatesNeededWithPemFiles() throws Exception {
        Map<String, Object> options = Map.of("dtls.enabled", true,
                "dtls.cert.file", dir.resolve("server.pem").toString(),
                "dtls.key.file", dir.resolve("server.key").toString(), "dtls.client.auth", "needed",
                "dtls.truststore.file", dir.resolve("client.pem").toString());
        try (CoapOriginHarness h = new CoapOriginHarness(options, ingest)) {
            Certificate[] chain = {certificate("client")};
            try (CoapTestClient c = CoapTestClient.dtls(h.uri("ingest"), trustingServer()
                    .setCertificateIdentityProvider(new SingleCertificateProvider(key("client"), chain,
                            CertificateType.X_509)))) {
                assertEquals(Outcome.ACKED, c.send("{\"mtls\":1}".getBytes(StandardCharsets.UTF_8), TIMEOUT));
            }
            assertTrue(ingest.payloads.get(0).attributes().get("coap.identity").contains("CN=client.tributary.test"),
                    ingest.payloads.get(0).attributes().toString());
            try (CoapTestClient anonymous = CoapTestClient.dtls(h.uri("ingest"), trustingServer())) {
                assertNotEquals("ACKED", attempt(anonymous));
            }
            assertEquals(1, ingest.payloads.size());
        }
    }
}
