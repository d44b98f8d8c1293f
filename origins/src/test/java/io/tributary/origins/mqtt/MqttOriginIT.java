package io.tributary.origins.mqtt;

import static io.tributary.origins.mqtt.MqttTesting.await;
import static io.tributary.origins.mqtt.MqttTesting.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.origins.Origin;
import io.tributary.origins.Payload;
import io.tributary.origins.kit.MosquittoBroker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The origin against an independent publisher: Debian's {@code mosquitto_pub} (package mosquitto-clients)
 * through a real Mosquitto broker.
 */
class MqttOriginIT {
    private static final Path MOSQUITTO_PUB = Path.of("/usr/bin/mosquitto_pub");
    /** mosquitto_pub -l stops past 65,535 messages in one call (16-bit message ids): send in chunks. */
    private static final int CHUNK = 25_000;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ControlledIngest ingest = new ControlledIngest();
    private MosquittoBroker broker;
    private Origin origin;

    @BeforeEach
    void start() throws Exception {
        assertTrue(Files.isExecutable(MOSQUITTO_PUB), MOSQUITTO_PUB + " is missing: apt-get install -y "
                + "--no-install-recommends mosquitto mosquitto-clients");
        broker = MosquittoBroker.builder().start();
        origin = MqttTesting.origin(Map.of("broker.urls", broker.url(), "topics", "mall/#", "topic.fields",
                "mall/{mall}/{metric}"), registry, "mqtt-1");
        origin.start(ingest);
    }

    @AfterEach
    void stop() throws Exception {
        if (origin != null) origin.close();
        if (broker != null) broker.close();
    }

    private void mosquittoPub(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(MOSQUITTO_PUB.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(broker.port()), "-i", "it-pub"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "mosquitto_pub hangs");
        assertEquals(0, p.exitValue(), "mosquitto_pub failed: " + out);
    }

    @Test
    void oneMessageFromMosquittoPub() throws Exception {
        mosquittoPub(null, "-q", "1", "-t", "mall/1/rssi", "-m", "{\"sensor\":\"s-1\",\"rssi\":-61}");
        ingest.awaitPayloads(1, Duration.ofSeconds(10));
        Payload p = ingest.payloads().get(0);
        assertEquals("{\"sensor\":\"s-1\",\"rssi\":-61}", new String(p.body(), StandardCharsets.UTF_8));
        assertEquals("mqtt:mall/1/rssi", p.source());
        assertEquals("1", p.attributes().get("mqtt.topic.mall"));
        assertEquals("rssi", p.attributes().get("mqtt.topic.metric"));
        assertEquals(broker.url(), p.attributes().get("remote.address"));
        assertTrue(broker.awaitAcked("tributary-agent-1-mqtt-1", "mall/1/rssi", Duration.ofSeconds(10)));
    }

    @Test
    void manyLinesInChunksAllArriveInOrderAndAreAcked() throws Exception {
        int total = 100_000;
        long start = System.nanoTime();
        for (int from = 0; from < total; from += CHUNK) {
            StringBuilder lines = new StringBuilder();
            for (int i = from; i < Math.min(total, from + CHUNK); i++) lines.append("{\"n\":").append(i).append("}\n");
            mosquittoPub(lines.toString().getBytes(StandardCharsets.UTF_8), "-q", "1", "-t", "mall/2/rssi", "-l");
        }
        ingest.awaitPayloads(total, Duration.ofSeconds(120));
        await("all acked", Duration.ofSeconds(30), () -> count(registry, "messages.acked") >= total);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("mosquitto_pub -l: %d QoS 1 messages received and acked in %d ms%n", total, ms);
        List<String> bodies = ingest.bodies();
        assertEquals(total, bodies.size(), "duplicates or losses");
        for (int i = 0; i < total; i++) assertEquals("{\"n\":" + i + "}", bodies.get(i));
        assertEquals((double) total, count(registry, "messages.acked"));
        assertFalse(broker.log().stream().anyMatch(l -> l.contains("dropped")), "the broker dropped messages");
    }
}
