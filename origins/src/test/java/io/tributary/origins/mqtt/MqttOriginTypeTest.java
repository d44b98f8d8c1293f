package io.tributary.origins.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import io.tributary.origins.Origins;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options, defaults and validation; no broker needed. */
class MqttOriginTypeTest {
    private static final OriginContext CONTEXT = new OriginContext("edge-7", "mall-sensors", "p1",
            new SimpleMeterRegistry());
    private final OriginType type = Origins.get("type", "mqtt");

    private MqttOriginConfig config(Map<String, Object> options) {
        Map<String, Object> all = new HashMap<>(Map.of("broker.urls", "tcp://127.0.0.1:1883", "topics", "a/#"));
        all.putAll(options);
        return MqttOriginConfig.from(type.options().parse(all), CONTEXT);
    }

    private List<String> problemKeys(Map<String, Object> options) {
        ConfigException e = assertThrows(ConfigException.class, () -> config(options));
        return e.problems().stream().map(ConfigException.Problem::key).toList();
    }

    @Test
    void isRegisteredWithDocumentedOptions() {
        assertTrue(type instanceof MqttOriginType);
        for (Option<?> o : type.options().options()) {
            assertFalse(o.doc() == null || o.doc().isBlank(), o.name());
            assertEquals(o.name().toLowerCase(), o.name());
        }
    }

    @Test
    void defaults() {
        MqttOriginConfig c = config(Map.of());
        assertEquals(1, c.qos());
        assertEquals("tributary-edge-7-mall-sensors", c.clientId());
        assertFalse(c.cleanSession(), "QoS 1 keeps a persistent session by default");
        assertTrue(config(Map.of("qos", 0)).cleanSession());
        assertTrue(config(Map.of("qos", 2, "clean.session", true)).cleanSession());
        assertEquals(1_000, c.maxInflight());
        assertEquals(null, c.socketFactory());
    }

    @Test
    void listsAcceptYamlListsAndCommaSeparatedStrings() {
        MqttOriginConfig c = config(Map.of("broker.urls", "tcp://a:1883, ssl://b:8883", "topics",
                List.of("x/+/y", "z/#")));
        assertEquals(List.of("tcp://a:1883", "ssl://b:8883"), c.brokerUrls());
        assertEquals(List.of("x/+/y", "z/#"), c.topics());
    }

    @Test
    void everyProblemIsReportedAtOnceByKey() {
        List<String> keys = problemKeys(Map.of(
                "broker.urls", List.of("http://x:80", "tcp://host:1883/path"),
                "topics", List.of("ok/#", "bad/#/more"),
                "password", "p",
                "reconnect.min.ms", 5_000, "reconnect.max.ms", 1_000,
                "topic.fields", "a/b"));
        assertEquals(List.of("broker.urls", "broker.urls", "topics", "password", "reconnect.min.ms", "topic.fields"),
                keys);
    }

    @Test
    void tlsProblems() {
        assertEquals(List.of("tls.ca.file", "broker.urls"), problemKeys(Map.of("tls.ca.file", "/ca.pem",
                "tls.truststore.file", "/t.p12")));
        assertEquals(List.of("tls.ca.file"), problemKeys(Map.of("broker.urls", "ssl://b:8883",
                "tls.ca.file", "/does/not/exist.pem")));
        assertEquals(List.of("tls.keystore.password"), problemKeys(Map.of("broker.urls", "ssl://b:8883",
                "tls.keystore.password", "x")));
    }

    @Test
    void unknownOptionsAndBadValuesAreRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> type.options().parse(Map.of(
                "broker.urls", "tcp://a", "topics", "t", "qos", 3, "keepalive", 5)));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertThrows(ConfigException.class, () -> type.options().parse(Map.of("topics", "t")), "broker.urls required");
    }

    @Test
    void describeNamesTheSubscriptionButNeverThePassword() {
        var origin = type.create(type.options().parse(Map.of("broker.urls", "tcp://127.0.0.1:1", "topics", "a/#",
                "username", "u", "password", "hunter2")), CONTEXT);
        try {
            assertTrue(origin.describe().contains("a/#"), origin.describe());
            assertFalse(origin.describe().contains("hunter2"));
            assertFalse(config(Map.of("username", "u", "password", "hunter2")).toString().contains("hunter2"));
        } finally {
            origin.close();
        }
    }
}
