package io.tributary.simulator.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.simulator.RunOptions;
import io.tributary.simulator.RunSummary;
import io.tributary.simulator.Simulation;
import io.tributary.simulator.TestRuns;
import io.tributary.simulator.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every transport delivers to a real receiving endpoint: exactly the payloads a file run of the same seed wrote,
 * each to the address its sensor's template names, with every acknowledgement counted.
 */
class TransportDeliveryIT {
    static final String BUSY = """
            start: 2026-11-23T12:00:00Z
            population: {arrivals.per.hour: 1200}
            faults: []
            """;

    @TempDir
    Path tmp;

    /** Both groups of the small mall's sensors on one transport: WiFi as CSV, BLE as Avro containers. */
    static String groups(String transport) {
        return "groups:\n"
                + "  - {name: wifi, sensors: [s-w1, s-w2, s-w3, s-w4], transport: " + transport + ", format: {type: csv},"
                + " readings.per.message: 2}\n"
                + "  - {name: ble, sensors: [s-b1, s-b2, s-b3, s-b4], transport: " + transport + ", format: {type: avro},"
                + " readings.per.message: 3, report.interval.ms: 2000}\n";
    }

    /** Runs the scenario to files and over the network; returns the file run's payloads as address + hex. */
    List<String> deliver(String transport, Function<TrafficFile.Entry, String> address, String expectedType)
            throws IOException {
        Scenario scenario = TestRuns.smallMall(BUSY, groups(transport));
        TestRuns.runToFiles(scenario, 31, 240, tmp.resolve("files"));
        List<String> expected = new ArrayList<>();
        for (String group : List.of("wifi", "ble")) {
            List<byte[]> payloads = TrafficFile.payloads(tmp.resolve("files/traffic/" + group + ".bin"));
            List<TrafficFile.Entry> index = TrafficFile.index(tmp.resolve("files/traffic/" + group + ".index.csv"));
            for (int i = 0; i < payloads.size(); i++) {
                expected.add(address.apply(index.get(i)) + " " + HexFormat.of().formatHex(payloads.get(i)));
            }
        }
        RunSummary summary = new Simulation(scenario, new RunOptions(31, 240_000, 0, tmp.resolve("net"), null, null))
                .run();
        assertEquals(expected.size(), summary.messages());
        for (TransportStats s : summary.transports().values()) {
            assertEquals(expectedType, s.type());
            assertEquals(0, s.failed(), s.lastError());
            assertEquals(0, s.dropped(), s.lastError());
            if (s.acknowledged()) assertEquals(s.sent(), s.acked(), "every message acknowledged");
        }
        assertTrue(expected.size() > 500, "messages: " + expected.size());
        expected.sort(null);
        return expected;
    }

    static List<String> sorted(Received received) {
        List<String> out = new ArrayList<>();
        for (Received.Item item : received.items()) out.add(item.address() + " " + HexFormat.of().formatHex(item.payload()));
        out.sort(null);
        return out;
    }

    @Test
    void httpPostsEachPayloadToItsSensorsUrl() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(true)) {
            List<String> expected = deliver("{type: http, endpoint: \"http://127.0.0.1:" + receiver.port()
                    + "/ingest/{sensor}\"}", e -> "/ingest/" + e.sensor(), "http");
            receiver.received.await(expected.size(), 5000);
            assertEquals(expected, sorted(receiver.received));
            assertTrue(List.of("text/csv", "avro/binary").contains(receiver.lastContentType), receiver.lastContentType);
        }
    }

    @Test
    void udpSendsEachPayloadAsOneDatagram() throws Exception {
        try (UdpReceiver receiver = new UdpReceiver(true)) {
            List<String> expected = deliver("{type: udp, endpoint: \"udp://127.0.0.1:" + receiver.port() + "\"}",
                    e -> "", "udp");
            receiver.received.await(expected.size(), 5000);
            assertEquals(expected, sorted(receiver.received));
        }
    }

    @Test
    void coapPostsConfirmableRequests() throws Exception {
        try (CoapReceiver receiver = new CoapReceiver(true)) {
            List<String> expected = deliver("{type: coap, endpoint: \"coap://127.0.0.1:" + receiver.port()
                    + "/rssi\", message.type: con}", e -> "/rssi", "coap");
            assertEquals(expected, sorted(receiver.received));
        }
    }

    @Test
    void coapPostsNonConfirmableRequests() throws Exception {
        try (CoapReceiver receiver = new CoapReceiver(true)) {
            List<String> expected = deliver("{type: coap, endpoint: \"coap://127.0.0.1:" + receiver.port()
                    + "/rssi\", message.type: non}", e -> "/rssi", "coap");
            assertEquals(expected, sorted(receiver.received));
        }
    }

    @Test
    void mqttPublishesToEachSensorsTopicThroughMosquitto() throws Exception {
        assumeTrue(Mosquitto.installed(), "mosquitto is not installed (apt-get install mosquitto)");
        try (Mosquitto broker = new Mosquitto(true)) {
            broker.subscribe(1);
            List<String> expected = deliver("{type: mqtt, endpoint: \"" + broker.endpoint()
                    + "\", topic: \"tributary/{mall}/{sensor}/rssi\", qos: 1}", e -> "tributary/m1/" + e.sensor() + "/rssi",
                    "mqtt");
            broker.received.await(expected.size(), 10_000);
            assertEquals(expected, sorted(broker.received));
        }
    }

    @Test
    void failuresAreCountedNotThrown() throws Exception {
        int closedPort;
        try (HttpReceiver r = new HttpReceiver(false)) {
            closedPort = r.port();
        }
        Scenario http = TestRuns.smallMall(BUSY, groups("{type: http, endpoint: \"http://127.0.0.1:" + closedPort
                + "/x\", timeout.ms: 2000}"));
        RunSummary summary = new Simulation(http, new RunOptions(31, 30_000, 0, tmp.resolve("dead"), null, null)).run();
        long sent = summary.transports().values().stream().mapToLong(TransportStats::sent).sum();
        long failed = summary.transports().values().stream().mapToLong(TransportStats::failed).sum();
        assertTrue(sent > 0);
        assertEquals(sent, failed, "every POST to a closed port fails");
        assertTrue(summary.transports().get("wifi").lastError().contains("127.0.0.1:" + closedPort),
                summary.transports().get("wifi").lastError());

        Scenario mqtt = TestRuns.smallMall(BUSY, groups("{type: mqtt, endpoint: \"tcp://127.0.0.1:" + closedPort + "\"}"));
        IOException e = assertThrows(IOException.class,
                () -> new Simulation(mqtt, new RunOptions(31, 30_000, 0, tmp.resolve("nobroker"), null, null)).run());
        assertTrue(e.getMessage().contains("cannot connect to the MQTT broker at tcp://127.0.0.1:" + closedPort),
                e.getMessage());
    }
}
