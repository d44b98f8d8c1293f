package io.tributary.origins.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import io.tributary.origins.Origins;
import io.tributary.origins.kit.RecordingIngest;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Option parsing and validation: every problem reported by key, at create time. */
class CoapOriginConfigTest {
    private final OriginType type = Origins.get("type", "coap");

    private Origin create(Map<String, Object> options) {
        return type.create(type.options().parse(options),
                new OriginContext("agent-1", "coap-1", "p1", new SimpleMeterRegistry()));
    }

    private String problems(Map<String, Object> options) {
        ConfigException e = assertThrows(ConfigException.class, () -> create(options));
        return e.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void everyOptionIsDocumentedAndLowerCaseDotted() {
        for (Option<?> o : type.options().options()) {
            assertTrue(o.name().matches("[a-z0-9]+(\\.[a-z0-9]+)*"), o.name());
            assertTrue(o.doc() != null && o.doc().length() > 10, o.name());
        }
    }

    @Test
    void defaultPortIs5683And5684WithDtls() {
        try (Origin plain = create(Map.of())) {
            assertTrue(plain.describe().startsWith("coap://127.0.0.1:5683"), plain.describe());
        }
        try (Origin secure = create(Map.of("dtls.enabled", true, "dtls.psk", "a=b"))) {
            assertTrue(secure.describe().startsWith("coaps://127.0.0.1:5684"), secure.describe());
        }
    }

    @Test
    void badPathsAreReported() {
        String p = problems(Map.of("paths", List.of("ingest", "/ingest/", "a//b", "", ".well-known/core")));
        assertTrue(p.contains("paths: path 'ingest' is listed twice"), p);
        assertTrue(p.contains("invalid value 'a//b'"), p);
        assertTrue(p.contains("invalid value '.well-known/core'"), p);
    }

    @Test
    void dtlsProblemsAreAllReportedByKey() {
        String p = problems(Map.of("dtls.enabled", true, "dtls.psk.identity", "only-identity",
                "dtls.psk", List.of("no-secret", "x=hex:zz"), "dtls.cert.file", "/nonexistent/server.pem",
                "dtls.client.auth", "needed"));
        assertTrue(p.contains("dtls.psk.secret: dtls.psk.identity and dtls.psk.secret go together"), p);
        assertTrue(p.contains("dtls.psk: invalid entry 'no-secret'"), p);
        assertTrue(p.contains("dtls.psk: the secret of 'x' is not valid hex"), p);
        assertTrue(p.contains("dtls.cert.file: cannot load '/nonexistent/server.pem': no such file"), p);
        assertTrue(p.contains("dtls.truststore.file: is required with dtls.client.auth needed"), p);
    }

    @Test
    void dtlsNeedsCredentials() {
        assertTrue(problems(Map.of("dtls.enabled", true)).contains("dtls.enabled: DTLS needs credentials"));
    }

    @Test
    void secretsAreNotEchoedInProblems() {
        String p = problems(Map.of("dtls.enabled", true, "dtls.psk", List.of("id=")));
        assertTrue(p.contains("'id=...'"), p);
    }

    @Test
    void inflightBytesMustHoldTheLargestBody() {
        assertTrue(problems(Map.of("max.body.bytes", 2048, "max.inflight.bytes", 1024))
                .contains("max.inflight.bytes: must be at least max.body.bytes"));
    }

    @Test
    void unknownOptionsAreErrors() {
        ConfigException e = assertThrows(ConfigException.class, () -> type.options().parse(Map.of("prot", 1)));
        assertTrue(e.getMessage().contains("supported options are"), e.getMessage());
    }

    @Test
    void aPortInUseFailsStartNamingTheAddress() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                Origin origin = create(Map.of("port", taken.getLocalPort()))) {
            Exception e = assertThrows(Exception.class, () -> origin.start(new RecordingIngest()));
            assertTrue(e.getMessage().contains("coap://127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
    }

    @Test
    void contentFormatNumbers() {
        assertEquals("application/json", ContentFormats.mimeType(50));
        assertEquals("text/plain", ContentFormats.mimeType(0));
        assertEquals("application/cbor", ContentFormats.mimeType(60));
        assertEquals("application/senml+json", ContentFormats.mimeType(110));
        assertEquals("application/x-coap-format-65000", ContentFormats.mimeType(65000));
        assertEquals(null, ContentFormats.mimeType(-1));
    }
}
