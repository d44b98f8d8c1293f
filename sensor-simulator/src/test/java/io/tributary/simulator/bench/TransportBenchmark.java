package io.tributary.simulator.bench;

import com.sun.management.OperatingSystemMXBean;
import io.tributary.config.Settings;
import io.tributary.simulator.RunOptions;
import io.tributary.simulator.RunSummary;
import io.tributary.simulator.Simulation;
import io.tributary.simulator.scenario.Scenario;
import io.tributary.simulator.scenario.ScenarioLoader;
import io.tributary.simulator.transport.CoapReceiver;
import io.tributary.simulator.transport.HttpReceiver;
import io.tributary.simulator.transport.Message;
import io.tributary.simulator.transport.Mosquitto;
import io.tributary.simulator.transport.Received;
import io.tributary.simulator.transport.Transport;
import io.tributary.simulator.transport.TransportOptions;
import io.tributary.simulator.transport.TransportStats;
import io.tributary.simulator.transport.Transports;
import io.tributary.simulator.transport.UdpReceiver;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The most messages per second each transport of the simulator sends to a local receiver, with payloads of
 * about 250 bytes: a main class that prints a table, not a test. Receivers: a JDK HttpServer, a DatagramSocket,
 * a Californium CoapServer (all in this JVM) and Debian's mosquitto (a child process) with a Paho subscriber.
 * A row: messages handed to {@link Transport#send} as fast as it takes them, then the time until the receiver
 * has them all; CPU is this JVM's (sender and in-process receiver) plus mosquitto's, per million messages.
 * The last row is the simulation itself (the small mall, crowded, writing files), the generation ceiling.
 *
 * <pre>
 * mvn -q -B -Psim-bench -pl sensor-simulator -am test-compile exec:exec -Dexec.skip \
 *     -Dsim.bench.args="--messages 200000"
 * </pre>
 */
public final class TransportBenchmark {
    record Row(String name, long messages, double sendSeconds, double totalSeconds, long received, long acked,
            long failed, long dropped, double cpuSeconds) {
    }

    public static void main(String[] args) throws Exception {
        int messages = 200_000;
        int size = 250;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--payload-bytes" -> size = Integer.parseInt(args[++i]);
                case "--only" -> only = Arrays.asList(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        byte[] payload = payload(size);
        Path tmp = Files.createTempDirectory("sim-bench");
        List<Row> rows = new ArrayList<>();
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("file", Map.of());
        cases.put("udp", Map.of());
        cases.put("http (JDK HttpServer)", Map.of());
        cases.put("http (minimal responder)", Map.of());
        cases.put("mqtt qos0", Map.of("qos", 0));
        cases.put("mqtt qos1", Map.of("qos", 1));
        cases.put("coap con", Map.of("message.type", "con"));
        cases.put("coap non", Map.of("message.type", "non"));
        for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
            String name = c.getKey();
            if (!only.isEmpty() && only.stream().noneMatch(name::startsWith)) continue;
            if (name.startsWith("mqtt") && !Mosquitto.installed()) {
                System.err.println("skipping " + name + ": mosquitto is not installed");
                continue;
            }
            measure(name, c.getValue(), payload, Math.min(20_000, messages), tmp);
            rows.add(measure(name, c.getValue(), payload, messages, tmp));
            System.err.println("done: " + name);
        }
        if (only.isEmpty() || only.contains("simulation")) rows.add(simulation(tmp));
        print(rows, size);
    }

    static byte[] payload(int size) {
        String reading = "s-w1,m1,2026-11-23T12:00:00.000Z,wifi,a4:5e:60:c1:22:9f,-67,6,0.87\r\n";
        StringBuilder sb = new StringBuilder("sensor_id,mall,ts,type,device,rssi,channel,battery\r\n");
        while (sb.length() < size) sb.append(reading);
        return Arrays.copyOf(sb.toString().getBytes(StandardCharsets.UTF_8), size);
    }

    static Row measure(String name, Map<String, Object> extra, byte[] payload, int n, Path tmp) throws Exception {
        String type = name.split(" ")[0];
        AutoCloseable receiver = null;
        Received received = null;
        Mosquitto broker = null;
        String target;
        Map<String, Object> options = new LinkedHashMap<>(extra);
        switch (type) {
            case "udp" -> {
                UdpReceiver r = new UdpReceiver(false);
                receiver = r;
                received = r.received;
                target = "udp://127.0.0.1:" + r.port();
                options.put("endpoint", target);
            }
            case "http" -> {
                if (name.contains("minimal")) {
                    MinimalHttpResponder m = new MinimalHttpResponder();
                    receiver = m;
                    received = m.received;
                    target = "http://127.0.0.1:" + m.port() + "/ingest/s-1";
                    options.put("endpoint", target);
                    break;
                }
                HttpReceiver r = new HttpReceiver(false);
                receiver = r;
                received = r.received;
                target = "http://127.0.0.1:" + r.port() + "/ingest/s-1";
                options.put("endpoint", target);
            }
            case "coap" -> {
                CoapReceiver r = new CoapReceiver(false);
                receiver = r;
                received = r.received;
                target = "coap://127.0.0.1:" + r.port() + "/rssi";
                options.put("endpoint", target);
            }
            case "mqtt" -> {
                broker = new Mosquitto(false);
                int qos = (Integer) extra.get("qos");
                broker.subscribe(qos);
                receiver = broker;
                received = broker.received;
                target = "tributary/m1/s-1/rssi";
                options.put("endpoint", broker.endpoint());
            }
            default -> target = "";
        }
        Settings settings = TransportOptions.forType(type).parse(options);
        Transport transport = Transports.create(type, "bench", settings, tmp, "text/csv");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double brokerCpu0 = broker == null ? 0 : broker.cpuSeconds();
        long cpu0 = os.getProcessCpuTime();
        transport.start();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) transport.send(new Message("bench", "s-1", i, i, target, payload, 1, false));
        long t1 = System.nanoTime();
        transport.close(Duration.ofSeconds(60));
        long got = received == null ? transport.stats().sent() : received.await(n, 30_000);
        long t2 = System.nanoTime();
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9 + (broker == null ? 0 : broker.cpuSeconds() - brokerCpu0);
        TransportStats s = transport.stats();
        if (s.lastError() != null) System.err.println(name + ": last error: " + s.lastError());
        if (receiver != null) receiver.close();
        return new Row(name, n, (t1 - t0) / 1e9, (t2 - t0) / 1e9, got, s.acked(), s.failed(), s.dropped(), cpu);
    }

    /** The simulation's own ceiling: a crowded small mall as fast as possible, writing files. */
    static Row simulation(Path tmp) throws Exception {
        Scenario crowded = new ScenarioLoader().loadBundled("small-mall", """
                start: 2026-11-23T12:00:00Z
                population: {arrivals.per.hour: 3000}
                devices: {ble.share: 1.0, ble.advert.interval.ms: 500}
                faults: []
                truth: {positions.interval.s: 0}
                """);
        new Simulation(crowded, new RunOptions(1, 600_000, 0, tmp.resolve("sim-warm"), "file", null)).run();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        RunSummary s = new Simulation(crowded, new RunOptions(1, 1_800_000, 0, tmp.resolve("sim"), "file", null)).run();
        double seconds = s.wallNanos() / 1e9;
        return new Row("simulation (small mall, 4 formats, file)", s.messages(), seconds, seconds, s.messages(), 0, 0, 0,
                (os.getProcessCpuTime() - cpu0) / 1e9);
    }

    static void print(List<Row> rows, int size) {
        System.out.printf(Locale.ROOT, "%nPayload %d bytes; %d cores; Java %s%n%n", size,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| transport | messages | sent/s | delivered/s | received | acked | failed | dropped "
                + "| CPU s per 1M |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f | %,d | %s | %,d | %,d | %.1f |%n", r.name,
                    r.messages, r.messages / r.sendSeconds, r.received / r.totalSeconds, r.received,
                    r.acked == 0 ? "-" : String.format(Locale.ROOT, "%,d", r.acked), r.failed, r.dropped,
                    r.cpuSeconds / r.messages * 1e6);
        }
    }
}
