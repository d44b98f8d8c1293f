package io.tributary.origins.mqtt;

import static io.tributary.origins.mqtt.MqttTesting.await;
import static io.tributary.origins.mqtt.MqttTesting.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.origins.Origin;
import io.tributary.origins.Payload;
import io.tributary.origins.kit.MosquittoBroker;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the origin hands over: wildcard subscriptions, attributes, named topic levels, QoS 2, retained messages. */
class MqttDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger RUN = new AtomicInteger();
    private static MosquittoBroker broker;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ControlledIngest ingest = new ControlledIngest();
    private String clientId;
    private String root;
    private Origin origin;
    private Publisher publisher;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = MosquittoBroker.builder().start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) broker.close();
    }

    @BeforeEach
    void names() throws Exception {
        int run = RUN.incrementAndGet();
        clientId = "delivery-" + run;
        root = "d" + run;
        publisher = new Publisher(broker.url());
    }

    @AfterEach
    void closeAll() throws Exception {
        if (origin != null) origin.close();
        publisher.close();
    }

    private void start(Map<String, Object> extra) throws Exception {
        Map<String, Object> options = new HashMap<>(Map.of("broker.urls", broker.url(), "client.id", clientId));
        options.putAll(extra);
        origin = MqttTesting.origin(options, registry, "mqtt-1");
        origin.start(ingest);
    }

    @Test
    void wildcardFiltersSelectTopics() throws Exception {
        start(Map.of("topics", List.of(root + "/mall/+/rssi", root + "/fleet/#")));
        publisher.publish(root + "/mall/1/rssi", "a", 1);
        publisher.publish(root + "/mall/1/temp", "not subscribed", 1);
        publisher.publish(root + "/mall/1/2/rssi", "not subscribed either", 1);
        publisher.publish(root + "/fleet/a/b/c", "b", 1);
        publisher.publish(root + "/fleet", "c", 1); // # also matches its parent level
        publisher.publish(root + "/other", "not subscribed", 1);
        publisher.publish(root + "/mall/2/rssi", "d", 1);
        ingest.awaitPayloads(4, WAIT);
        Thread.sleep(200);
        assertEquals(List.of("a", "b", "c", "d"), ingest.bodies());
        assertEquals(List.of("mqtt:" + root + "/mall/1/rssi", "mqtt:" + root + "/fleet/a/b/c", "mqtt:" + root + "/fleet",
                "mqtt:" + root + "/mall/2/rssi"), ingest.payloads().stream().map(Payload::source).toList());
    }

    @Test
    void attributesDescribeTheMessageAndTheBroker() throws Exception {
        start(Map.of("topics", root + "/#"));
        publisher.publish(root + "/x", "{}", 1);
        ingest.awaitPayloads(1, WAIT);
        Payload p = ingest.payloads().get(0);
        assertEquals(root + "/x", p.attributes().get("mqtt.topic"));
        assertEquals("1", p.attributes().get("mqtt.qos"));
        assertEquals("false", p.attributes().get("mqtt.retained"));
        assertEquals("false", p.attributes().get("mqtt.duplicate"));
        assertEquals(broker.url(), p.attributes().get("remote.address"));
        assertNull(p.contentType());
        assertEquals(1.0, count(registry, "messages.received"));
        assertEquals(2.0, count(registry, "bytes.received"));
        await("acked", WAIT, () -> count(registry, "messages.acked") == 1.0);
        assertEquals(1.0, MqttTesting.gauge(registry, "connected"));
    }

    @Test
    void namedTopicLevelsBecomeAttributes() throws Exception {
        start(Map.of("topics", root + "/#", "topic.fields", root + "/{mall}/sensor/{sensor}/#"));
        publisher.publish(root + "/m7/sensor/s-12/rssi", "1", 1);
        publisher.publish(root + "/m7/gateway/g1", "2", 1);
        ingest.awaitPayloads(2, WAIT);
        Map<String, String> first = ingest.payloads().get(0).attributes();
        assertEquals("m7", first.get("mqtt.topic.mall"));
        assertEquals("s-12", first.get("mqtt.topic.sensor"));
        Map<String, String> second = ingest.payloads().get(1).attributes();
        assertFalse(second.containsKey("mqtt.topic.mall"), "a topic that does not match gets no level attributes");
    }

    @Test
    void retainedMessagesAreFlagged() throws Exception {
        publisher.publish(root + "/state", "on", 1, true);
        start(Map.of("topics", root + "/#"));
        ingest.awaitPayloads(1, WAIT);
        assertEquals("true", ingest.payloads().get(0).attributes().get("mqtt.retained"));
        publisher.publish(root + "/state", "", 1, true); // clear it
    }

    @Test
    void qos2EndToEndCompletesOnlyOnceDurable() throws Exception {
        ingest.mode(ControlledIngest.Mode.HOLD);
        start(Map.of("topics", root + "/#", "qos", 2));
        publisher.publish(root + "/q2/0", "q0", 2);
        publisher.publish(root + "/q2/1", "q1", 2);
        ingest.awaitPayloads(2, WAIT);
        assertEquals("2", ingest.payloads().get(0).attributes().get("mqtt.qos"));
        Thread.sleep(300);
        assertFalse(broker.acked(clientId, root + "/q2/0"), "PUBCOMP before durable");
        ingest.release("q1");
        Thread.sleep(200);
        assertFalse(broker.acked(clientId, root + "/q2/1"), "PUBCOMP out of order");
        ingest.release("q0");
        assertTrue(broker.awaitAcked(clientId, root + "/q2/1", WAIT));
        assertEquals(List.of(root + "/q2/0", root + "/q2/1"), broker.ackedTopics(clientId));
        assertEquals(2.0, count(registry, "messages.acked"));
        assertTrue(broker.log().stream().anyMatch(l -> l.startsWith("Received PUBCOMP from " + clientId)));
    }

    @Test
    void qos0MessagesNeedNoAck() throws Exception {
        start(Map.of("topics", root + "/#", "qos", 0));
        publisher.publish(root + "/z", "z", 1); // delivered at the subscription's QoS 0
        ingest.awaitPayloads(1, WAIT);
        assertEquals("0", ingest.payloads().get(0).attributes().get("mqtt.qos"));
        Thread.sleep(100);
        assertEquals(0.0, count(registry, "messages.acked"));
        assertEquals(0.0, MqttTesting.gauge(registry, "inflight"));
    }
}
