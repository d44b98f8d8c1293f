package io.tributary.origins.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.origins.kit.MosquittoBroker;
import io.tributary.origins.kit.OriginContractKit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The origin contract over a real Mosquitto broker. The kit's client publishes with Paho at QoS 1; "acknowledged"
 * means the broker received the origin's PUBACK for that message (read from the broker's log): the publisher's
 * own PUBACK comes from the broker and says nothing about the origin.
 */
class MqttOriginTest extends OriginContractKit {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static MosquittoBroker broker;
    private String clientId;
    private String prefix;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = MosquittoBroker.builder().start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) broker.close();
    }

    @Override
    protected String type() {
        return "mqtt";
    }

    @Override
    protected Map<String, Object> options() {
        int run = RUN.incrementAndGet();
        clientId = "kit-" + run;
        prefix = "kit/" + run;
        return Map.of("broker.urls", broker.url(), "topics", prefix + "/#", "client.id", clientId,
                "reconnect.min.ms", 100);
    }

    @Override
    protected Client client() throws Exception {
        Publisher publisher = new Publisher(broker.url());
        AtomicInteger n = new AtomicInteger();
        return new Client() {
            @Override
            public Outcome send(byte[] payload, Duration timeout) throws Exception {
                String topic = prefix + "/" + n.getAndIncrement();
                publisher.publish(topic, new String(payload, StandardCharsets.UTF_8), 1);
                return broker.awaitAcked(clientId, topic, timeout) ? Outcome.ACKED : Outcome.NO_ANSWER;
            }

            @Override
            public void close() throws Exception {
                publisher.close();
            }
        };
    }

    /** The refused message is not lost: offered again once the pipeline takes input, then acknowledged. */
    @Override
    protected void assertBackPressureRecovered(Client c) throws Exception {
        super.assertBackPressureRecovered(c);
        assertTrue(broker.awaitAcked(clientId, prefix + "/0", Duration.ofSeconds(10)), "refused message not acked");
        assertTrue(ingest.bodies().contains("{\"n\":1}"), ingest.bodies().toString());
    }
}
