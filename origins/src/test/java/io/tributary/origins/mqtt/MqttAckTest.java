package io.tributary.origins.mqtt;

import static io.tributary.origins.mqtt.MqttTesting.await;
import static io.tributary.origins.mqtt.MqttTesting.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Acknowledgements as the broker sees them (its log of PUBACKs from the origin's client): only after the payload
 * is durable, in order of arrival, never while the pipeline refuses or fails, and what was not acknowledged is
 * redelivered.
 */
class MqttAckTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger RUN = new AtomicInteger();
    private static MosquittoBroker broker;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ControlledIngest ingest = new ControlledIngest();
    private String clientId;
    private String prefix;
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
        clientId = "ack-" + run;
        prefix = "ack/" + run;
        publisher = new Publisher(broker.url());
    }

    @AfterEach
    void closeAll() throws Exception {
        if (origin != null) origin.close();
        publisher.close();
    }

    private Origin start(Map<String, Object> extra) throws Exception {
        Map<String, Object> options = new HashMap<>(Map.of("broker.urls", broker.url(), "topics", prefix + "/#",
                "client.id", clientId, "reconnect.min.ms", 100, "reconnect.max.ms", 500));
        options.putAll(extra);
        origin = MqttTesting.origin(options, registry, "mqtt-1");
        origin.start(ingest);
        return origin;
    }

    private void publish(int from, int to) throws Exception {
        for (int i = from; i < to; i++) publisher.publish(prefix + "/" + i, "m" + i, 1);
    }

    private List<String> topics(int from, int to) {
        return java.util.stream.IntStream.range(from, to).mapToObj(i -> prefix + "/" + i).toList();
    }

    @Test
    void acksInOrderOfArrivalWhenCompletionsComeOutOfOrder() throws Exception {
        ingest.mode(ControlledIngest.Mode.HOLD);
        start(Map.of());
        publish(0, 5);
        ingest.awaitPayloads(5, WAIT);
        ingest.release("m3");
        ingest.release("m1");
        Thread.sleep(300);
        assertEquals(List.of(), broker.ackedTopics(clientId), "acked before m0 was durable");
        ingest.release("m0");
        await("m0 and m1 acked", WAIT, () -> broker.ackedTopics(clientId).size() >= 2);
        ingest.release("m4");
        Thread.sleep(300);
        assertEquals(topics(0, 2), broker.ackedTopics(clientId), "m2 is not durable: nothing after it is acked");
        ingest.release("m2");
        await("all acked", WAIT, () -> broker.ackedTopics(clientId).size() >= 5);
        assertEquals(topics(0, 5), broker.ackedTopics(clientId));
        assertEquals(5.0, count(registry, "messages.acked"));
    }

    @Test
    void noAckWhileTheIngestRefusesThenTheBrokerRedeliversToTheNextSession() throws Exception {
        ingest.mode(ControlledIngest.Mode.REFUSE);
        start(Map.of());
        publish(0, 3);
        await("m0 offered", WAIT, () -> ingest.refused.get() >= 2);
        Thread.sleep(500);
        assertEquals(List.of(), broker.ackedTopics(clientId), "acked while refused");
        assertEquals(0, ingest.size());
        assertTrue(count(registry, "backpressure.waits") >= 1);
        origin.close(); // the agent stops: nothing was durable, nothing was acknowledged

        ControlledIngest next = new ControlledIngest();
        origin = MqttTesting.origin(Map.of("broker.urls", broker.url(), "topics", prefix + "/#", "client.id",
                clientId), new SimpleMeterRegistry(), "mqtt-1");
        origin.start(next);
        next.awaitPayloads(3, WAIT);
        assertEquals(List.of("m0", "m1", "m2"), next.bodies(), "lost or reordered");
        assertEquals("true", next.payloads().get(0).attributes().get("mqtt.duplicate"));
        await("all acked", WAIT, () -> broker.ackedTopics(clientId).size() >= 3);
        assertEquals(topics(0, 3), broker.ackedTopics(clientId));
        assertTrue(broker.redeliveries(clientId) >= 1);
    }

    @Test
    void refusedMessageIsOfferedAgainAndNothingIsLostOrReordered() throws Exception {
        ingest.mode(ControlledIngest.Mode.REFUSE).retryAfter(Duration.ofMillis(100));
        start(Map.of());
        publish(0, 10);
        await("refusals", WAIT, () -> ingest.refused.get() >= 3);
        assertEquals(List.of(), broker.ackedTopics(clientId));
        ingest.mode(ControlledIngest.Mode.ACCEPT);
        publish(10, 20);
        ingest.awaitPayloads(20, WAIT);
        assertEquals(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "m" + i).toList(), ingest.bodies());
        await("all acked", WAIT, () -> broker.ackedTopics(clientId).size() >= 20);
        assertEquals(topics(0, 20), broker.ackedTopics(clientId));
    }

    /** Kafka down and the spool unavailable: stages fail; QoS 1 messages stay unacknowledged and come back. */
    @Test
    void failedStagesAreNotAckedAndTheBrokerRedeliversAfterReconnect() throws Exception {
        ingest.mode(ControlledIngest.Mode.FAIL);
        start(Map.of());
        publish(0, 3);
        await("a reconnect after the failures", WAIT, () -> count(registry, "reconnects") >= 2);
        assertEquals(List.of(), broker.ackedTopics(clientId), "acked a message that is not durable");
        assertTrue(count(registry, "submit.failures") >= 3);
        assertTrue(broker.redeliveries(clientId) >= 1, "the broker did not redeliver");
        int before = ingest.size();
        ingest.mode(ControlledIngest.Mode.ACCEPT);
        await("all acked", WAIT, () -> broker.ackedTopics(clientId).containsAll(topics(0, 3)));
        List<Payload> accepted = ingest.payloads().subList(before, ingest.size());
        assertTrue(accepted.stream().anyMatch(p -> "true".equals(p.attributes().get("mqtt.duplicate"))));
        assertTrue(accepted.stream().map(p -> new String(p.body())).toList().containsAll(List.of("m0", "m1", "m2")));
    }

    @Test
    void qos0FailuresAreCountedAsDrops() throws Exception {
        ingest.mode(ControlledIngest.Mode.FAIL);
        start(Map.of("qos", 0));
        publisher.publish(prefix + "/0", "m0", 0);
        await("drop counted", WAIT, () -> count(registry, "messages.dropped") >= 1);
        assertEquals(0.0, count(registry, "reconnects"), "a QoS 0 failure cannot be redelivered: no reconnect");
    }

    @Test
    void maxInflightStopsTakingMessagesUntilTheOldestCompletes() throws Exception {
        ingest.mode(ControlledIngest.Mode.HOLD);
        start(Map.of("max.inflight", 2));
        publish(0, 6);
        ingest.awaitPayloads(2, WAIT);
        Thread.sleep(300);
        assertEquals(2, ingest.size(), "took more than max.inflight");
        assertEquals(2.0, MqttTesting.gauge(registry, "inflight"));
        assertTrue(count(registry, "backpressure.waits") >= 1);
        ingest.release("m0");
        ingest.awaitPayloads(3, WAIT);
        ingest.mode(ControlledIngest.Mode.ACCEPT);
        ingest.releaseAll();
        ingest.awaitPayloads(6, WAIT);
        ingest.releaseAll();
        await("all acked", WAIT, () -> broker.ackedTopics(clientId).size() >= 6);
        assertEquals(topics(0, 6), broker.ackedTopics(clientId));
    }

    /**
     * Back-pressure longer than the keep-alive: Paho's reader is blocked, its ping times out and it drops the
     * connection; the broker keeps the messages, the origin reconnects and nothing is lost.
     */
    @Test
    void backPressureOutlastingTheKeepAliveLosesNothing() throws Exception {
        ingest.mode(ControlledIngest.Mode.REFUSE).retryAfter(Duration.ofMillis(100));
        start(Map.of("keepalive.s", 1));
        publish(0, 30);
        await("the connection dropped", Duration.ofSeconds(15), () -> count(registry, "reconnects") >= 1);
        ingest.mode(ControlledIngest.Mode.ACCEPT);
        await("all acked", Duration.ofSeconds(15), () -> broker.ackedTopics(clientId).containsAll(topics(0, 30)));
        List<String> bodies = ingest.bodies();
        for (int i = 0; i < 30; i++) assertTrue(bodies.contains("m" + i), "lost m" + i + ": " + bodies);
    }
}
