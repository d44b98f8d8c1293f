package io.tributary.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.tributary.agent.runtime.Agent;
import io.tributary.localstack.LocalStack;
import io.tributary.origins.BackPressureException;
import io.tributary.origins.kit.MosquittoBroker;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four real origins (MQTT through Mosquitto, HTTP, CoAP, UDP) in one agent pipeline, with real clients:
 * the happy path (N payloads per origin, N records per origin in Kafka), and acknowledgement with Kafka stopped and
 * the spool unable to take more ({@code when.full: block}, filled until it refuses): HTTP 503 + Retry-After, CoAP
 * 5.03 + Max-Age, MQTT QoS 1 left unacknowledged until Kafka returns, UDP drops counted; afterwards everything that
 * was acknowledged to any sender is in the topic.
 *
 * <p>How the spool is made unavailable: a 1 MiB spool with {@code when.full: block}, filled through the pipeline's
 * in-process test origin while Kafka is down until the pipeline answers {@link BackPressureException}. From then on
 * the pipeline refuses every payload, whichever origin it comes from, until Kafka is back and the spool drains:
 * exactly the state "Kafka down and the spool unavailable".
 */
class OriginAckIT {
    private static final String MQTT_CLIENT = "it-origin-ack";

    @TempDir
    Path spool;

    private record Ports(int http, int coap, int udp) {
        static Ports free() throws IOException {
            return new Ports(MosquittoBroker.freePort(), freeUdpPort(), freeUdpPort());
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Agent agent(String bootstrap, String topic, Path spoolDir, Ports ports, String mqttUrl,
            String spoolYaml) throws Exception {
        String origins = """
                      - type: http
                        id: http-in
                        bind: 127.0.0.1
                        port: %d
                        paths: [/ingest]
                      - type: coap
                        id: coap-in
                        bind: 127.0.0.1
                        port: %d
                        paths: [ingest]
                      - type: udp
                        id: udp-in
                        bind: 127.0.0.1
                        port: %d
                      - type: mqtt
                        id: mqtt-in
                        broker.urls: [%s]
                        topics: [sensors/#]
                        qos: 1
                        client.id: %s
                        reconnect.min.ms: 200
                        reconnect.max.ms: 1000
                """.formatted(ports.http, ports.coap, ports.udp, mqttUrl, MQTT_CLIENT);
        String contentTypes = """
                    content.types:
                      application/json: {type: json}
                      application/x-ndjson: {type: json}
                """;
        return AgentFixture.start(AgentFixture.config(bootstrap, topic, spoolDir, origins, contentTypes, spoolYaml));
    }

    private static String event(String device, long seq) {
        return AgentFixture.events(device, seq, 1);
    }

    @Test
    void everyOriginDeliversWhatRealClientsSend() throws Exception {
        int n = 25;
        String topic = "origins-ok-" + UUID.randomUUID();
        Ports ports = Ports.free();
        try (LocalStack kafka = LocalStack.builder().mqtt(false).topics(topic).start();
                MosquittoBroker broker = MosquittoBroker.builder().start();
                Agent agent = agent(kafka.bootstrapServers(), topic, spool, ports, broker.url(), null)) {
            broker.awaitLog(l -> l.contains("SUBSCRIBE") && l.contains(MQTT_CLIENT), Duration.ofSeconds(20));
            Set<String> sent = new HashSet<>();
            for (int i = 0; i < n; i++) {
                // HTTP: curl
                run(List.of("curl", "-sS", "-f", "-o", "/dev/null", "-H", "Content-Type: application/x-ndjson",
                        "--data-binary", event("dev-http", i), "http://127.0.0.1:" + ports.http + "/ingest"));
                sent.add("dev-http/" + i);
                // CoAP: libcoap's client, CON POST, Content-Format application/json
                run(List.of("coap-client-notls", "-m", "post", "-t", "50", "-B", "10", "-e", event("dev-coap", i),
                        "coap://127.0.0.1:" + ports.coap + "/ingest"));
                sent.add("dev-coap/" + i);
                // MQTT: mosquitto_pub, QoS 1, through Mosquitto
                run(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()), "-q", "1",
                        "-t", "sensors/dev-mqtt", "-m", event("dev-mqtt", i)));
                sent.add("dev-mqtt/" + i);
            }
            // UDP: a plain DatagramSocket, one event per datagram
            try (DatagramSocket socket = new DatagramSocket()) {
                for (int i = 0; i < n; i++) {
                    byte[] b = event("dev-udp", i).getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), ports.udp));
                    sent.add("dev-udp/" + i);
                    Thread.sleep(2);
                }
            }
            Delivered delivered = new Delivered(TopicReader.readAll(kafka.bootstrapServers(), topic, 4 * n,
                    Duration.ofSeconds(60)));
            delivered.assertContainsAll(sent);
            assertEquals(sent, delivered.distinct);
            assertEquals(0, delivered.duplicates);
            assertEquals(n, agent.registry().get("tributary.udp.datagrams.stored").counter().count(), 0.0);
        }
    }

    @Test
    void nothingIsAcknowledgedThatIsNotDurable() throws Exception {
        String topic = "origins-ack-" + UUID.randomUUID();
        Ports ports = Ports.free();
        Set<String> acknowledged = new HashSet<>();
        int mqttMessages = 5;
        try (LocalStack kafka = LocalStack.builder().mqtt(false).topics(topic).start();
                MosquittoBroker broker = MosquittoBroker.builder().start()) {
            kafka.stopKafka();
            try (Agent agent = agent(kafka.bootstrapServers(), topic, spool, ports, broker.url(),
                    "      max.bytes: 1048576\n      when.full: block\n")) {
                AgentFixture fixture = new AgentFixture(agent);
                assertTrue(broker.awaitLog(l -> l.contains("SUBSCRIBE") && l.contains(MQTT_CLIENT),
                        Duration.ofSeconds(20)), "the MQTT origin did not subscribe");

                // Fill the spool until the pipeline refuses.
                AgentFixture.Burst burst = fixture.burst(0, 20_000, 200);
                assertFalse(burst.failures.isEmpty(), "the spool never filled");
                burst.failures.forEach(f -> assertTrue(f instanceof BackPressureException, f.toString()));
                acknowledged.addAll(burst.acknowledged);

                // HTTP: 503 with Retry-After and a JSON body.
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> refused = http.send(post(ports.http, event("dev-http", 0)),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, refused.statusCode(), refused.body());
                assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "no Retry-After");
                assertTrue(refused.body().contains("back_pressure"), refused.body());

                // CoAP: 5.03 with Max-Age.
                CoapClient coap = coapClient(ports.coap);
                coap.setTimeout(10_000L);
                try {
                    CoapResponse busy = coap.post(event("dev-coap", 0), MediaTypeRegistry.APPLICATION_JSON);
                    assertEquals(CoAP.ResponseCode.SERVICE_UNAVAILABLE, busy.getCode());
                    assertTrue(busy.getOptions().hasMaxAge(), "no Max-Age");
                    assertTrue(busy.getOptions().getMaxAge() >= 1);
                } finally {
                    coap.shutdown();
                    coap.getEndpoint().destroy();
                }

                // MQTT: QoS 1 messages through Mosquitto stay unacknowledged.
                for (int i = 0; i < mqttMessages; i++) {
                    run(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()), "-q",
                            "1", "-t", "sensors/m" + i, "-m", event("dev-mqtt", i)));
                }
                assertTrue(broker.awaitLog(l -> l.contains("Sending PUBLISH to " + MQTT_CLIENT),
                        Duration.ofSeconds(10)), "the broker never sent to the origin");
                Thread.sleep(3000);
                for (int i = 0; i < mqttMessages; i++) {
                    assertFalse(broker.acked(MQTT_CLIENT, "sensors/m" + i), "sensors/m" + i + " was acknowledged");
                }

                // UDP: every datagram is dropped and counted.
                int datagrams = 20;
                double droppedBefore = udpDropped(agent);
                try (DatagramSocket socket = new DatagramSocket()) {
                    for (int i = 0; i < datagrams; i++) {
                        byte[] b = event("dev-udp", i).getBytes(StandardCharsets.UTF_8);
                        socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), ports.udp));
                    }
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (udpDropped(agent) - droppedBefore < datagrams && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(datagrams, udpDropped(agent) - droppedBefore, 0.0, "UDP drops counted");
                assertEquals(0.0, agent.registry().get("tributary.udp.datagrams.stored").counter().count());

                // Kafka returns: the spool drains, the MQTT messages are redelivered/accepted and acknowledged.
                kafka.startKafka();
                BrokerOutageIT.awaitDrained(fixture);
                for (int i = 0; i < mqttMessages; i++) {
                    assertTrue(broker.awaitAcked(MQTT_CLIENT, "sensors/m" + i, Duration.ofSeconds(60)),
                            "sensors/m" + i + " never acknowledged after Kafka returned");
                    acknowledged.add("dev-mqtt/" + i);
                }
                HttpResponse<String> ok = http.send(post(ports.http, event("dev-http", 1)),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ok.statusCode(), ok.body());
                acknowledged.add("dev-http/1");
                CoapClient coap2 = coapClient(ports.coap);
                coap2.setTimeout(30_000L);
                try {
                    CoapResponse changed = coap2.post(event("dev-coap", 1), MediaTypeRegistry.APPLICATION_JSON);
                    assertEquals(CoAP.ResponseCode.CHANGED, changed.getCode());
                    acknowledged.add("dev-coap/1");
                } finally {
                    coap2.shutdown();
                    coap2.getEndpoint().destroy();
                }
            }
            Delivered delivered = new Delivered(TopicReader.readAll(kafka.bootstrapServers(), topic,
                    acknowledged.size(), Duration.ofSeconds(60)));
            delivered.assertContainsAll(acknowledged);
            for (int i = 0; i < mqttMessages; i++) {
                assertTrue(delivered.distinct.contains("dev-mqtt/" + i), "MQTT message " + i + " lost");
            }
            assertFalse(delivered.distinct.contains("dev-http/0"), "a refused HTTP payload was stored");
            assertFalse(delivered.distinct.contains("dev-coap/0"), "a refused CoAP payload was stored");
            System.out.printf("origin ack: %d acknowledged, %d delivered, %d duplicates, %d MQTT redeliveries%n",
                    acknowledged.size(), delivered.distinct.size(), delivered.duplicates,
                    broker.redeliveries(MQTT_CLIENT));
        }
    }

    private static double udpDropped(Agent agent) {
        return agent.registry().find("tributary.udp.datagrams.dropped").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** A CoAP client on a file-less endpoint (the standard configuration writes Californium3.properties). */
    private static CoapClient coapClient(int port) {
        CoapClient client = new CoapClient("coap://127.0.0.1:" + port + "/ingest");
        client.setEndpoint(new CoapEndpoint.Builder().setConfiguration(new Configuration(CoapConfig.DEFINITIONS,
                UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS)).build());
        return client;
    }

    private static HttpRequest post(int port, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ingest"))
                .header("Content-Type", "application/x-ndjson").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + ": " + new String(out, StandardCharsets.UTF_8));
    }
}
