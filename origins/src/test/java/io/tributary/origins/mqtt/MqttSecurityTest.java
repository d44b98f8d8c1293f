package io.tributary.origins.mqtt;

import static io.tributary.origins.mqtt.MqttTesting.gauge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.origins.Origin;
import io.tributary.origins.kit.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials, TLS with a self-signed CA (PEM, PKCS12 and JKS trust), host name verification and mutual TLS,
 * against Mosquitto. Each broker has a plain listener for the test's publisher and a TLS listener for the
 * origin.
 */
@SuppressWarnings("try") // brokers opened only to be there
class MqttSecurityTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    static Path dir;
    private static TestCertificates pki;
    /** A new one for every origin: meters are per origin id, and these tests create several "mqtt-1". */
    private SimpleMeterRegistry registry;
    private final ControlledIngest ingest = new ControlledIngest();

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = new TestCertificates(dir).ca("ca").ca("other-ca")
                .signed("server", "ca", "IP:127.0.0.1,DNS:localhost")
                .signed("wrong-host", "ca", "DNS:broker.example.invalid")
                .signed("client", "ca", null);
    }

    /** A broker with a TLS listener on {@code tlsPort} using {@code serverCert}; the default listener stays plain. */
    private static MosquittoBroker tlsBroker(int tlsPort, String serverCert, boolean requireClientCert) throws Exception {
        return MosquittoBroker.builder()
                .line("listener " + tlsPort + " 127.0.0.1")
                .line("cafile " + pki.path("ca.pem"))
                .line("certfile " + pki.path(serverCert + ".pem"))
                .line("keyfile " + pki.path(serverCert + ".key"))
                .line("require_certificate " + requireClientCert)
                .start();
    }

    private Origin origin(String url, Map<String, Object> tls) {
        Map<String, Object> options = new HashMap<>(Map.of("broker.urls", url, "topics", "sec/#",
                "connect.timeout.s", 3));
        options.putAll(tls);
        registry = new SimpleMeterRegistry();
        return MqttTesting.origin(options, registry, "mqtt-1");
    }

    private void assertReceives(MosquittoBroker broker, Origin origin, String user, String password) throws Exception {
        origin.start(ingest);
        assertEquals(1.0, gauge(registry, "connected"));
        try (Publisher p = new Publisher(broker.url(), user, password)) {
            p.publish("sec/1", "secret", 1);
        }
        ingest.awaitPayloads(1, WAIT);
        assertTrue(broker.awaitAcked("tributary-agent-1-mqtt-1", "sec/1", WAIT));
    }

    @Test
    void tlsWithAPemCaFile() throws Exception {
        int port = MosquittoBroker.freePort();
        try (MosquittoBroker broker = tlsBroker(port, "server", false);
                Origin origin = origin("ssl://127.0.0.1:" + port, Map.of("tls.ca.file", pki.path("ca.pem").toString()))) {
            assertReceives(broker, origin, null, null);
            assertEquals("ssl://127.0.0.1:" + port, ingest.payloads().get(0).attributes().get("remote.address"));
        }
    }

    @Test
    void tlsWithPkcs12AndJksTrustStores() throws Exception {
        for (String type : new String[] {"PKCS12", "JKS"}) {
            int port = MosquittoBroker.freePort();
            Path store = pki.truststore("ca", type);
            try (MosquittoBroker broker = tlsBroker(port, "server", false);
                    Origin origin = origin("ssl://127.0.0.1:" + port, Map.of("tls.truststore.file", store.toString(),
                            "tls.truststore.password", TestCertificates.PASSWORD))) {
                origin.start(ingest);
                assertEquals(1.0, gauge(registry, "connected"), type);
            }
        }
    }

    @Test
    void anUntrustedBrokerCertificateFailsTheStart() throws Exception {
        int port = MosquittoBroker.freePort();
        try (MosquittoBroker broker = tlsBroker(port, "server", false);
                Origin origin = origin("ssl://127.0.0.1:" + port,
                        Map.of("tls.ca.file", pki.path("other-ca.pem").toString()))) {
            Exception e = assertThrows(IllegalStateException.class, () -> origin.start(ingest));
            assertTrue(e.getMessage().contains("cannot start") && e.getMessage().contains("certification path"),
                    e.getMessage());
        }
    }

    @Test
    void theBrokerCertificateMustNameTheHostUnlessVerificationIsOff() throws Exception {
        int port = MosquittoBroker.freePort();
        String ca = pki.path("ca.pem").toString();
        try (MosquittoBroker broker = tlsBroker(port, "wrong-host", false)) {
            try (Origin origin = origin("ssl://127.0.0.1:" + port, Map.of("tls.ca.file", ca))) {
                Exception e = assertThrows(IllegalStateException.class, () -> origin.start(ingest));
                assertTrue(e.getMessage().contains("No subject alternative names matching IP address 127.0.0.1"),
                        e.getMessage());
            }
            try (Origin origin = origin("ssl://127.0.0.1:" + port, Map.of("tls.ca.file", ca,
                    "tls.verify.hostname", false))) {
                origin.start(ingest);
                assertEquals(1.0, gauge(registry, "connected"));
            }
        }
    }

    @Test
    void mutualTls() throws Exception {
        int port = MosquittoBroker.freePort();
        String ca = pki.path("ca.pem").toString();
        Path keystore = pki.pkcs12("client");
        try (MosquittoBroker broker = tlsBroker(port, "server", true)) {
            try (Origin origin = origin("ssl://127.0.0.1:" + port, Map.of("tls.ca.file", ca))) {
                Exception e = assertThrows(IllegalStateException.class, () -> origin.start(ingest));
                assertTrue(e.getMessage().contains("SSLHandshakeException"), "no client certificate: " + e.getMessage());
            }
            try (Origin origin = origin("ssl://127.0.0.1:" + port, Map.of("tls.ca.file", ca,
                    "tls.keystore.file", keystore.toString(), "tls.keystore.password", TestCertificates.PASSWORD))) {
                assertReceives(broker, origin, null, null);
            }
        }
    }

    @Test
    void usernameAndPassword() throws Exception {
        Path passwords = dir.resolve("passwords");
        Process p = new ProcessBuilder("mosquitto_passwd", "-c", "-b", passwords.toString(), "sensor", "s3cret")
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
        try (MosquittoBroker broker = MosquittoBroker.builder().anonymous(false)
                .line("password_file " + passwords).start()) {
            try (Origin origin = origin(broker.url(), Map.of("username", "sensor", "password", "wrong"))) {
                Exception e = assertThrows(IllegalStateException.class, () -> origin.start(ingest));
                assertTrue(e.getMessage().contains("Not authorized"), e.getMessage());
            }
            try (Origin origin = origin(broker.url(), Map.of())) {
                assertThrows(IllegalStateException.class, () -> origin.start(ingest), "anonymous");
            }
            try (Origin origin = origin(broker.url(), Map.of("username", "sensor", "password", "s3cret"))) {
                assertReceives(broker, origin, "sensor", "s3cret");
            }
        }
    }
}
