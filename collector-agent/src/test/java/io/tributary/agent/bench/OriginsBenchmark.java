package io.tributary.agent.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.agent.runtime.Agent;
import io.tributary.localstack.LocalStack;
import io.tributary.origins.kit.MosquittoBroker;
import io.tributary.origins.udp.bench.UdpBlaster;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * Benchmark harness (not a test): the four origins -> the agent -> the real local Kafka, each against its
 * ceiling, load generators in separate processes, one run, one broker. Prints a Markdown table.
 * <ul>
 * <li>HTTP: POSTs of 100 NDJSON events (~250 B each) from {@link HttpLoad} (child JVM), vs Kafka's
 * ProducerPerformance with the same producer settings and 250-byte values;</li>
 * <li>UDP: one event per datagram from {@link UdpBlaster} (child JVM) at stepped rates; the highest rate with
 * &lt;= 0.1 % loss (datagrams sent vs stored), vs a bare DatagramChannel receiver that only counts;</li>
 * <li>MQTT QoS 1: {@code mosquitto_pub -l -q 1} (chunks of 50,000 lines) through a Mosquitto child process
 * ({@code max_queued_messages 0}) -> the MQTT origin; time until every message is acknowledged (durable);</li>
 * <li>CoAP: CON POSTs of one event from {@link CoapLoad} (child JVM), vs a bare Californium server that answers
 * 2.04 and discards.</li>
 * </ul>
 * Run with {@code mvn -q -B -Pbench -pl local-stack,formats,origins,collector-agent package exec:exec -DskipTests
 * -Dexec.skip -Dbench.main=io.tributary.agent.bench.OriginsBenchmark -Djmh.args=1}; the argument scales every
 * run's size (1 = a few minutes in all).
 */
public final class OriginsBenchmark {
    private static final List<String[]> ROWS = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1;
        String only = args.length > 1 ? args[1] : "http,udp,mqtt,coap";
        try (LocalStack kafka = LocalStack.builder().mqtt(false)
                .topics("pp:1", "http:1", "udp:1", "mqtt:1", "coap:1").start()) {
            if (only.contains("http")) http(kafka, (int) (2000 * scale));
            if (only.contains("udp")) udp(kafka, scale);
            if (only.contains("mqtt")) mqtt(kafka, (int) (60_000 * scale));
            if (only.contains("coap")) coap(kafka, (int) (30_000 * scale));
        }
        System.out.printf("%n| run | records | records/s | ratio | CPU s per M records: receiver JVM | "
                + "CPU s per M records: load generator | notes |%n|---|---|---|---|---|---|---|%n");
        for (String[] r : ROWS) System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", (Object[]) r);
    }

    private static void row(String run, long records, double rate, String ratio, double receiverCpu, double genCpu,
            String notes) {
        ROWS.add(new String[] {run, String.valueOf(records), String.format(Locale.ROOT, "%,.0f", rate), ratio,
                receiverCpu < 0 ? "-" : String.format(Locale.ROOT, "%.1f", receiverCpu / (records / 1e6)),
                genCpu < 0 ? "-" : String.format(Locale.ROOT, "%.1f", genCpu / (records / 1e6)), notes});
        System.out.println("row: " + String.join(" | ", ROWS.get(ROWS.size() - 1)));
    }

    // ---------------------------------------------------------------- HTTP

    private static void http(LocalStack kafka, int posts) throws Exception {
        int events = 100;
        long records = (long) posts * events;
        BenchSupport.ProducerPerformanceResult pp = BenchSupport.producerPerformance(kafka, "pp", records, 250);
        row("Kafka ProducerPerformance, 250-byte values (ceiling)", records, pp.recordsPerSecond(), "1.00", -1,
                pp.cpuSeconds(), "its own JVM, same producer settings");
        int port = MosquittoBroker.freePort();
        try (Agent agent = BenchSupport.agent(kafka, "http", """
                      - type: http
                        id: http-in
                        bind: 127.0.0.1
                        port: %d
                        paths: [/ingest]
                """.formatted(port))) {
            long cpu0 = BenchSupport.cpuNanos();
            BenchSupport.ChildResult r = BenchSupport.runToEnd(BenchSupport.childJvm(HttpLoad.class,
                    "http://127.0.0.1:" + port + "/ingest", String.valueOf(posts), String.valueOf(events), "8"));
            double cpu = (BenchSupport.cpuNanos() - cpu0) / 1e9;
            long ok = Long.parseLong(r.value("ok"));
            double rate = ok * events / (Long.parseLong(r.value("elapsed.ms")) / 1000.0);
            row("HTTP, 100 events/POST, 8 connections -> agent -> Kafka", records, rate,
                    String.format(Locale.ROOT, "%.2f x ProducerPerformance", rate / pp.recordsPerSecond()), cpu,
                    r.cpuSeconds(), "200 after durable; " + r.value("failed") + " failed POSTs");
        }
    }

    // ---------------------------------------------------------------- UDP

    private static final long[] UDP_RATES = {10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 80_000, 100_000,
            130_000, 160_000, 200_000};

    private static void udp(LocalStack kafka, double scale) throws Exception {
        double seconds = 3 * Math.min(1, scale) + (scale > 1 ? scale - 1 : 0);
        // bare receiver
        double bareBest = 0;
        double bareCpu = 0;
        double bareGen = 0;
        long bareN = 0;
        for (long rate : UDP_RATES) {
            try (BareUdp bare = new BareUdp()) {
                long n = (long) (rate * seconds);
                long cpu0 = BenchSupport.cpuNanos();
                BenchSupport.ChildResult r = blast(bare.port, rate, n);
                long sent = Long.parseLong(r.value("sent"));
                settle(() -> bare.count.get());
                double cpu = (BenchSupport.cpuNanos() - cpu0) / 1e9;
                double loss = 1 - bare.count.get() / (double) sent;
                double achieved = Double.parseDouble(r.value("rate"));
                System.out.printf(Locale.ROOT, "udp bare: target %d/s achieved %.0f/s loss %.4f%%%n", rate, achieved,
                        loss * 100);
                if (loss > 0.001) break;
                bareBest = achieved;
                bareCpu = cpu;
                bareGen = r.cpuSeconds();
                bareN = sent;
            }
        }
        row("UDP, bare DatagramChannel counter (ceiling)", bareN, bareBest, "1.00", bareCpu, bareGen,
                "highest stepped rate with <= 0.1 % loss");
        double best = 0;
        double bestCpu = 0;
        double bestGen = 0;
        long bestN = 0;
        String bestLoss = "";
        int port = freeUdpPort();
        try (Agent agent = BenchSupport.agent(kafka, "udp", """
                      - type: udp
                        id: udp-in
                        bind: 127.0.0.1
                        port: %d
                        receive.buffer.bytes: 4194304
                """.formatted(port))) {
            MeterRegistry m = agent.registry();
            DoubleSupplier stored = () -> m.get("tributary.udp.datagrams.stored").counter().count();
            DoubleSupplier settled = () -> stored.getAsDouble() + m.find("tributary.udp.datagrams.dropped")
                    .counters().stream().mapToDouble(Counter::count).sum();
            // warm-up (JIT, producer metadata), not counted
            blast(port, 10_000, 20_000);
            settle(settled);
            for (long rate : UDP_RATES) {
                long n = (long) (rate * seconds);
                double stored0 = stored.getAsDouble();
                long cpu0 = BenchSupport.cpuNanos();
                BenchSupport.ChildResult r = blast(port, rate, n);
                long sent = Long.parseLong(r.value("sent"));
                settle(settled);
                double cpu = (BenchSupport.cpuNanos() - cpu0) / 1e9;
                double loss = 1 - (stored.getAsDouble() - stored0) / sent;
                double achieved = Double.parseDouble(r.value("rate"));
                StringBuilder reasons = new StringBuilder();
                m.find("tributary.udp.datagrams.dropped").counters().forEach(c -> {
                    if (c.count() > 0) reasons.append(' ').append(c.getId().getTag("reason")).append('=')
                            .append((long) c.count());
                });
                System.out.printf(Locale.ROOT, "udp agent: target %d/s achieved %.0f/s loss %.4f%% (drops so far:%s)%n",
                        rate, achieved, loss * 100, reasons);
                if (loss > 0.001) break;
                best = achieved;
                bestCpu = cpu;
                bestGen = r.cpuSeconds();
                bestN = sent;
                bestLoss = String.format(Locale.ROOT, "%.3f %%", loss * 100);
            }
        }
        row("UDP, 1 event/datagram -> agent -> Kafka", bestN, best,
                String.format(Locale.ROOT, "%.2f x bare receiver", bareBest == 0 ? 0 : best / bareBest), bestCpu,
                bestGen, "highest stepped rate with <= 0.1 % loss (loss there: " + bestLoss + ")");
    }

    private static BenchSupport.ChildResult blast(int port, long rate, long count) throws Exception {
        return BenchSupport.runToEnd(BenchSupport.childJvm(UdpBlaster.class, "--target", "127.0.0.1:" + port,
                "--rate", String.valueOf(rate), "--count", String.valueOf(count), "--size", "250", "--sockets",
                "2"));
    }

    /** Waits until {@code value} stops moving for 500 ms (at most 30 s). */
    private static void settle(DoubleSupplier value) throws InterruptedException {
        double last = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            double now = value.getAsDouble();
            if (now == last) return;
            last = now;
            Thread.sleep(500);
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A receiver that only counts datagrams: one thread, one blocking DatagramChannel, the same 4 MiB buffer. */
    private static final class BareUdp implements AutoCloseable {
        final DatagramChannel channel;
        final int port;
        final AtomicLong count = new AtomicLong();
        final Thread thread;

        BareUdp() throws IOException {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            thread = new Thread(() -> {
                ByteBuffer buf = ByteBuffer.allocateDirect(65_536);
                try {
                    while (true) {
                        buf.clear();
                        channel.receive(buf);
                        count.incrementAndGet();
                    }
                } catch (ClosedChannelException e) {
                    // closed
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }, "bare-udp");
            thread.start();
        }

        @Override
        public void close() throws IOException {
            channel.close();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- MQTT

    private static void mqtt(LocalStack kafka, int messages) throws Exception {
        int port = MosquittoBroker.freePort();
        Path dir = Files.createTempDirectory("bench-mosquitto");
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence false
                max_queued_messages 0
                max_inflight_messages 100
                log_type error
                """.formatted(port));
        Process broker = new ProcessBuilder(MosquittoBroker.BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try {
            Thread.sleep(500);
            String line = BenchSupport.payload(1).strip();
            int chunk = 50_000;
            List<Path> chunks = new ArrayList<>();
            for (int from = 0; from < messages; from += chunk) {
                Path f = dir.resolve("chunk-" + from);
                StringBuilder sb = new StringBuilder();
                for (int i = from; i < Math.min(messages, from + chunk); i++) sb.append(line).append('\n');
                Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
                chunks.add(f);
            }
            try (Agent agent = BenchSupport.agent(kafka, "mqtt", """
                          - type: mqtt
                            id: mqtt-in
                            broker.urls: [tcp://127.0.0.1:%d]
                            topics: [bench/#]
                            qos: 1
                            client.id: bench-agent
                    """.formatted(port))) {
                MeterRegistry m = agent.registry();
                DoubleSupplier acked = () -> m.get("tributary.origin.mqtt.messages.acked").counter().count();
                Thread.sleep(1500); // connected and subscribed
                long cpu0 = BenchSupport.cpuNanos();
                long start = System.nanoTime();
                double genCpu = 0;
                for (Path f : chunks) {
                    BenchSupport.ChildResult r = BenchSupport.runToEnd(new ProcessBuilder("mosquitto_pub", "-h",
                            "127.0.0.1", "-p", String.valueOf(port), "-q", "1", "-t", "bench/s1", "-l")
                            .redirectInput(f.toFile()));
                    genCpu += r.cpuSeconds();
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (acked.getAsDouble() < messages && System.nanoTime() < deadline) Thread.sleep(20);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (BenchSupport.cpuNanos() - cpu0) / 1e9;
                long done = (long) acked.getAsDouble();
                double brokerCpu = broker.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0)
                        .orElse(-1.0);
                row("MQTT QoS 1, mosquitto_pub -l -> Mosquitto -> agent -> Kafka", messages, done / seconds, "-",
                        cpu, genCpu, String.format(Locale.ROOT, "%d of %d acknowledged (lost %d); Mosquitto %.1f CPU s"
                                + " per M", done, messages, messages - done, brokerCpu / (messages / 1e6)));
            }
        } finally {
            broker.destroy();
            broker.waitFor(5, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- CoAP

    private static void coap(LocalStack kafka, int requests) throws Exception {
        int window = 200;
        // The load generator is the costliest process here, so the two sides alternate twice and the better
        // run of each counts (the first runs also pay for the JIT).
        double[] bare = {0, 0, 0};
        double[] agent = {0, 0, 0};
        String failed = "";
        for (int round = 0; round < 2; round++) {
            double[] b = coapBare(requests, window);
            if (b[0] > bare[0]) bare = b;
            int port = freeUdpPort();
            try (Agent a = BenchSupport.agent(kafka, "coap", """
                          - type: coap
                            id: coap-in
                            bind: 127.0.0.1
                            port: %d
                            paths: [ingest]
                    """.formatted(port))) {
                long cpu0 = BenchSupport.cpuNanos();
                BenchSupport.ChildResult r = BenchSupport.runToEnd(BenchSupport.childJvm(CoapLoad.class,
                        "coap://127.0.0.1:" + port + "/ingest", String.valueOf(requests), String.valueOf(window)));
                double cpu = (BenchSupport.cpuNanos() - cpu0) / 1e9;
                double rate = Long.parseLong(r.value("ok")) / (Long.parseLong(r.value("elapsed.ms")) / 1000.0);
                System.out.printf(Locale.ROOT, "coap agent round %d: %.0f/s%n", round, rate);
                if (rate > agent[0]) {
                    agent = new double[] {rate, cpu, r.cpuSeconds()};
                    failed = r.value("failed");
                }
            }
        }
        row("CoAP CON, bare Californium server that discards (ceiling)", requests, bare[0], "1.00", bare[1], bare[2],
                "better of 2 runs");
        row("CoAP CON, 1 event/request, " + window + " outstanding -> agent -> Kafka", requests, agent[0],
                String.format(Locale.ROOT, "%.2f x bare server", agent[0] / bare[0]), agent[1], agent[2],
                "2.04 after durable; better of 2 runs; " + failed + " failed");
    }

    /** {rate, server JVM CPU s, load generator CPU s} of one run against a bare server. */
    private static double[] coapBare(int requests, int window) throws Exception {
        int port = freeUdpPort();
        Configuration config = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
                SystemConfig.DEFINITIONS);
        config.set(CoapConfig.EXCHANGE_LIFETIME, 10, TimeUnit.SECONDS);
        CoapServer server = new CoapServer(config);
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).build());
        server.add(new CoapResource("ingest") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                exchange.respond(CoAP.ResponseCode.CHANGED);
            }
        });
        server.start();
        try {
            long cpu0 = BenchSupport.cpuNanos();
            BenchSupport.ChildResult r = BenchSupport.runToEnd(BenchSupport.childJvm(CoapLoad.class,
                    "coap://127.0.0.1:" + port + "/ingest", String.valueOf(requests), String.valueOf(window)));
            double cpu = (BenchSupport.cpuNanos() - cpu0) / 1e9;
            double rate = Long.parseLong(r.value("ok")) / (Long.parseLong(r.value("elapsed.ms")) / 1000.0);
            System.out.printf(Locale.ROOT, "coap bare: %.0f/s%n", rate);
            return new double[] {rate, cpu, r.cpuSeconds()};
        } finally {
            server.destroy();
        }
    }
}
