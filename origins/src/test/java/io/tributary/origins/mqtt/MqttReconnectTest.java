package io.tributary.origins.mqtt;

import static io.tributary.origins.mqtt.MqttTesting.await;
import static io.tributary.origins.mqtt.MqttTesting.count;
import static io.tributary.origins.mqtt.MqttTesting.gauge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.origins.Origin;
import io.tributary.origins.kit.MosquittoBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Losing the broker: the origin reconnects forever, resubscribes, and a persistent session loses nothing. */
@SuppressWarnings("try") // one test closes its origin explicitly to time it
class MqttReconnectTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ControlledIngest ingest = new ControlledIngest();

    @Test
    void brokerKilledAndRestartedTheSubscriptionResumes() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start();
                Origin origin = MqttTesting.origin(Map.of("broker.urls", broker.url(), "topics", "r/#",
                        "reconnect.min.ms", 50, "reconnect.max.ms", 400), registry, "mqtt-1")) {
            origin.start(ingest);
            try (Publisher p = new Publisher(broker.url())) {
                p.publish("r/before", "before", 1);
            }
            ingest.awaitPayloads(1, WAIT);
            broker.kill(); // a session without persistence: the restarted broker knows no subscription
            await("disconnected", WAIT, () -> gauge(registry, "connected") == 0.0);
            Thread.sleep(1_000); // a few failed attempts
            broker.start();
            await("reconnected and resubscribed", WAIT, () -> gauge(registry, "connected") == 1.0);
            try (Publisher p = new Publisher(broker.url())) {
                p.publish("r/after", "after", 1);
            }
            ingest.awaitPayloads(2, WAIT);
            assertEquals(List.of("before", "after"), ingest.bodies());
            assertTrue(broker.awaitAcked("tributary-agent-1-mqtt-1", "r/after", WAIT));
            assertEquals(1.0, count(registry, "reconnects"));
        }
    }

    @Test
    void messagesPublishedWhileTheOriginIsAwayArriveWithAPersistentSession() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().persistence(true).start();
                Origin origin = MqttTesting.origin(Map.of("broker.urls", broker.url(), "topics", "away/#",
                        "reconnect.min.ms", 3_000), registry, "mqtt-1")) {
            origin.start(ingest);
            broker.stop(); // SIGTERM: the broker saves the origin's session (subscription) and stops
            await("disconnected", WAIT, () -> gauge(registry, "connected") == 0.0);
            long lost = System.nanoTime();
            broker.start();
            try (Publisher p = new Publisher(broker.url())) {
                for (int i = 0; i < 5; i++) p.publish("away/" + i, "m" + i, 1);
            }
            assertEquals(0.0, gauge(registry, "connected"), "the origin reconnected before the messages were sent");
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lost) < 3_000, "too slow to prove it");
            ingest.awaitPayloads(5, WAIT);
            assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), ingest.bodies());
            await("acked", WAIT, () -> count(registry, "messages.acked") == 5.0);
        }
    }

    @Test
    void aNewOriginWithTheSameIdGetsWhatWasPublishedWhileTheAgentWasDown() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
            Map<String, Object> options = Map.of("broker.urls", broker.url(), "topics", "down/#");
            try (Origin first = MqttTesting.origin(options, registry, "mqtt-1")) {
                first.start(ingest);
            }
            try (Publisher p = new Publisher(broker.url())) {
                for (int i = 0; i < 3; i++) p.publish("down/" + i, "m" + i, 1);
            }
            ControlledIngest next = new ControlledIngest();
            try (Origin second = MqttTesting.origin(options, new SimpleMeterRegistry(), "mqtt-1")) {
                second.start(next);
                next.awaitPayloads(3, WAIT);
                assertEquals(List.of("m0", "m1", "m2"), next.bodies());
            }
        }
    }

    @Test
    void startsWhileTheBrokerIsDownAndConnectsWhenItComesUp() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
            broker.kill();
            try (Origin origin = MqttTesting.origin(Map.of("broker.urls", broker.url(), "topics", "late/#",
                    "reconnect.min.ms", 50, "reconnect.max.ms", 200), registry, "mqtt-1")) {
                origin.start(ingest); // does not throw: an unreachable broker is retried
                assertEquals(0.0, gauge(registry, "connected"));
                broker.start();
                await("connected", WAIT, () -> gauge(registry, "connected") == 1.0);
                try (Publisher p = new Publisher(broker.url())) {
                    p.publish("late/1", "late", 1);
                }
                ingest.awaitPayloads(1, WAIT);
                long start = System.nanoTime();
                origin.close();
                assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2_000);
            }
        }
    }

    @Test
    void failsOverToTheNextBrokerUrl() throws Exception {
        try (MosquittoBroker down = MosquittoBroker.builder().start();
                MosquittoBroker up = MosquittoBroker.builder().start()) {
            down.kill();
            try (Origin origin = MqttTesting.origin(Map.of("broker.urls", List.of(down.url(), up.url()), "topics",
                    "fo/#"), registry, "mqtt-1")) {
                origin.start(ingest);
                assertEquals(1.0, gauge(registry, "connected"));
                try (Publisher p = new Publisher(up.url())) {
                    p.publish("fo/1", "x", 1);
                }
                ingest.awaitPayloads(1, WAIT);
                assertEquals(up.url(), ingest.payloads().get(0).attributes().get("remote.address"));
            }
        }
    }

    /**
     * QoS 2: Paho sends PUBREC before the origin sees the message. An agent restart before it is durable loses it
     * unless persistence.dir keeps Paho's copy; with it, the next run delivers it again.
     */
    @Test
    void qos2MessagesPendingAtARestartSurviveWithPersistenceDir(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
            for (boolean onDisk : new boolean[] {false, true}) {
                String id = onDisk ? "with-dir" : "in-memory";
                Map<String, Object> options = new java.util.HashMap<>(Map.of("broker.urls", broker.url(), "topics",
                        id + "/#", "qos", 2, "client.id", id));
                if (onDisk) options.put("persistence.dir", dir.toString());
                ControlledIngest held = new ControlledIngest().mode(ControlledIngest.Mode.HOLD);
                try (Origin first = MqttTesting.origin(options, new SimpleMeterRegistry(), "mqtt-1")) {
                    first.start(held);
                    try (Publisher p = new Publisher(broker.url())) {
                        p.publish(id + "/1", "q2", 2);
                    }
                    held.awaitPayloads(1, WAIT);
                } // the agent stops before the message is durable: no PUBCOMP
                ControlledIngest next = new ControlledIngest();
                try (Origin second = MqttTesting.origin(options, new SimpleMeterRegistry(), "mqtt-1")) {
                    second.start(next);
                    if (onDisk) {
                        next.awaitPayloads(1, WAIT);
                        assertEquals(List.of("q2"), next.bodies());
                        assertTrue(broker.awaitAcked(id, id + "/1", WAIT));
                    } else {
                        Thread.sleep(500);
                        assertEquals(List.of(), next.bodies(), "documented: lost without persistence.dir");
                    }
                }
            }
        }
    }
}
