package io.tributary.origins.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.epoll.Epoll;
import io.tributary.config.ConfigException;
import io.tributary.origins.Ingest;
import io.tributary.origins.IngestResult;
import io.tributary.origins.OriginContext;
import io.tributary.origins.Origins;
import io.tributary.origins.kit.RecordingIngest;
import io.tributary.origins.udp.bench.UdpBlaster;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is specific to UDP: SO_REUSEPORT spreading, counted drops by reason, oversized datagrams, the kernel's drops. */
class UdpReceiveTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingIngest recording = new RecordingIngest();
    private UdpOrigin origin;
    private InetSocketAddress target;

    @AfterEach
    void close() {
        if (origin != null) origin.close();
    }

    private void start(Ingest ingest, Object... options) throws Exception {
        Map<String, Object> raw = new HashMap<>(Map.of("bind", "127.0.0.1", "port", 0));
        for (int i = 0; i < options.length; i += 2) raw.put((String) options[i], options[i + 1]);
        UdpOriginType type = (UdpOriginType) Origins.get("type", "udp");
        origin = (UdpOrigin) type.create(type.options().parse(raw), new OriginContext("a", "udp-1", "p1", registry));
        origin.start(ingest);
        target = UdpOriginTest.target(origin.describe());
    }

    @Test
    void severalSocketsWithReusePortAllReceive() throws Exception {
        start(recording, "threads", 4);
        boolean epoll = Epoll.isAvailable();
        assertEquals(epoll ? 4 : 1, origin.channels().size());
        List<DatagramSocket> senders = new ArrayList<>();
        try {
            for (int s = 0; s < 64; s++) senders.add(new DatagramSocket(new InetSocketAddress("127.0.0.1", 0)));
            for (int i = 0; i < 10; i++) {
                for (int s = 0; s < senders.size(); s++) send(senders.get(s), "{\"s\":" + s + ",\"i\":" + i + "}");
            }
        } finally {
            senders.forEach(DatagramSocket::close);
        }
        await(() -> recording.payloads.size() >= 640, "640 payloads, got " + recording.payloads.size());
        assertEquals(640, new HashSet<>(recording.bodies()).size());
        int busy = 0;
        double total = 0;
        for (Counter c : registry.find("tributary.udp.datagrams.received").counters()) {
            total += c.count();
            if (c.count() > 0) busy++;
        }
        assertEquals(640, total);
        if (epoll) assertEquals(4, busy, "sockets that received");
    }

    @Test
    void oneSenderStaysInOrderAcrossSockets() throws Exception {
        start(recording, "threads", 4);
        List<String> sent = new ArrayList<>();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            for (int i = 0; i < 500; i++) {
                sent.add("{\"i\":" + i + "}");
                send(s, sent.get(i));
            }
            await(() -> recording.payloads.size() >= 500, "500 payloads");
            assertEquals(sent, recording.bodies());
            String address = "127.0.0.1:" + s.getLocalPort();
            recording.payloads.forEach(p -> assertEquals(address, p.attributes().get("remote.address")));
            recording.payloads.forEach(p -> assertEquals("udp:" + target.getPort(), p.source()));
        }
    }

    @Test
    void overMaxInflightExactlyTheExcessIsDropped() throws Exception {
        start(recording, "max.inflight", 5);
        recording.hold();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            for (int i = 0; i < 8; i++) send(s, "{\"i\":" + i + "}");
            await(() -> received() == 8, "8 datagrams read");
            assertEquals(5, recording.payloads.size());
            assertEquals(5, count("tributary.udp.datagrams.submitted"));
            assertEquals(3, dropped("inflight"));
            assertEquals(5, gauge("tributary.udp.inflight"));
            recording.release();
            await(() -> gauge("tributary.udp.inflight") == 0, "nothing in flight");
            assertEquals(5, count("tributary.udp.datagrams.stored"));
            send(s, "{\"after\":1}");
            await(() -> recording.payloads.size() == 6, "taken again once below max.inflight");
            assertEquals(3, dropped("inflight"));
        } finally {
            recording.release();
        }
    }

    @Test
    void backPressureAndFailuresAreDroppedAndCounted() throws Exception {
        CompletableFuture<IngestResult> failed = CompletableFuture.failedFuture(new IllegalStateException("boom"));
        Ingest failing = p -> {
            String body = new String(p.body(), StandardCharsets.UTF_8);
            if (body.equals("throw")) throw new IllegalStateException("thrown at submit");
            return body.equals("fail") ? failed : recording.submit(p);
        };
        start(failing);
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            recording.refuse();
            for (int i = 0; i < 3; i++) send(s, "{\"refused\":" + i + "}");
            await(() -> dropped("back_pressure") == 3, "3 refused");
            recording.accept();
            send(s, "fail");
            send(s, "throw");
            send(s, "{\"ok\":1}");
            await(() -> recording.payloads.size() == 1, "reception goes on");
            assertEquals(2, dropped("failed"));
            assertEquals(6, count("tributary.udp.datagrams.submitted"));
            assertEquals(1, count("tributary.udp.datagrams.stored"));
            assertEquals(0, gauge("tributary.udp.inflight"));
        }
    }

    @Test
    void malformedEmptyAndOversizedDatagramsDoNotStopReception() throws Exception {
        start(recording, "max.datagram.bytes", 100);
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            send(s, "x".repeat(101));
            send(s, "y".repeat(5000));
            send(s, "");
            send(s, "BAD{");
            send(s, "z".repeat(100));
            send(s, "{\"ok\":1}");
            await(() -> recording.payloads.size() == 4, "4 payloads");
        }
        assertEquals(List.of("", "BAD{", "z".repeat(100), "{\"ok\":1}"), recording.bodies());
        assertEquals(2, dropped("truncated"));
        await(() -> count("tributary.udp.datagrams.stored") == 4, "4 stored");
        assertEquals(1, count("tributary.udp.datagrams.rejected"));
        assertEquals(6, received());
        assertEquals(0 + 4 + 100 + 8, count("tributary.udp.bytes.received"));
    }

    @Test
    void aBlockedReceiveThreadShowsAsKernelDrops() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        Ingest blocking = p -> {
            try {
                unblock.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return recording.submit(p);
        };
        start(blocking, "threads", 1, "receive.buffer.bytes", 4096);
        FunctionCounter kernel = registry.find("tributary.udp.kernel.drops").functionCounter();
        assertEquals(0, kernel.count());
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            for (int i = 0; i < 200; i++) send(s, "k".repeat(1000));
            await(() -> kernel.count() > 0, "the kernel counts drops");
        } finally {
            unblock.countDown();
        }
        await(() -> received() + kernel.count() == 200, "read + dropped by the kernel = sent: "
                + received() + " + " + kernel.count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "nio"})
    void theGrantedReceiveBufferIsReported(String transport) throws Exception {
        start(recording, "transport", transport, "receive.buffer.bytes", 65536);
        assertEquals(65536, registry.find("tributary.udp.receive.buffer.bytes").tag("socket", "0").gauge().value());
    }

    @Test
    void closeIsPromptIdempotentAndFreesThePort() throws Exception {
        start(recording, "threads", 2);
        recording.hold();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            send(s, "{\"held\":1}");
            await(() -> recording.payloads.size() == 1, "1 payload");
        }
        long start = System.nanoTime();
        origin.close();
        origin.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "close took too long");
        recording.release();
        try (DatagramSocket again = new DatagramSocket(target)) {
            assertEquals(target.getPort(), again.getLocalPort());
        }
        assertTrue(registry.find("tributary.udp.inflight").gauges().isEmpty(), "meters removed");
    }

    @Test
    void theBenchmarkBlasterIsReceivedInFull() throws Exception {
        start(recording, "threads", 2);
        UdpBlaster.Result fast = UdpBlaster.run(new UdpBlaster.Options(target, 0, 3000, 250, 4));
        assertEquals(3000, fast.sent());
        FunctionCounter kernel = registry.find("tributary.udp.kernel.drops").functionCounter();
        await(() -> received() + kernel.count() == 3000, "3000 read or dropped by the kernel");
        String body = recording.bodies().get(0);
        assertEquals(250, body.length());
        // Four sending sockets and two receive threads: arrival order is not send order.
        assertTrue(body.startsWith("{\"device\":") && body.endsWith("\"}") && body.matches(".*\"seq\": *\\d+,.*"),
                body);

        long start = System.nanoTime();
        UdpBlaster.Result paced = UdpBlaster.run(new UdpBlaster.Options(target, 1000, 200, 250, 1));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(200, paced.sent());
        assertTrue(ms >= 190 && paced.rate() <= 1050, "200 at 1000/s took " + ms + " ms: " + paced.line());
    }

    @Test
    void aPortTakenByAnotherSocketFailsStart() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            assertThrows(java.net.BindException.class, () -> start(recording, "port", taken.getLocalPort()));
            origin.close();
        }
    }

    @Test
    void optionsAreValidated() {
        UdpOriginType type = new UdpOriginType();
        ConfigException missing = assertThrows(ConfigException.class, () -> type.options().parse(Map.of()));
        assertTrue(missing.getMessage().contains("port"), missing.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> type.options().parse(Map.of("port", 0, "max.inflite", 3, "threads", 0)));
        assertTrue(unknown.getMessage().contains("max.inflite") && unknown.getMessage().contains("threads"),
                unknown.getMessage());
        ConfigException bind = assertThrows(ConfigException.class, () -> type.create(
                type.options().parse(Map.of("port", 0, "bind", "no.such.host.invalid")),
                new OriginContext("a", "udp-1", "p1", registry)));
        assertTrue(bind.getMessage().contains("bind"), bind.getMessage());
    }

    @Test
    void addressesAreIpColonPort() {
        assertEquals("10.1.2.3:5140", DatagramHandler.address(new InetSocketAddress("10.1.2.3", 5140)));
        assertEquals("[0:0:0:0:0:0:0:1]:5140", DatagramHandler.address(new InetSocketAddress("::1", 5140)));
    }

    private void send(DatagramSocket socket, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, target));
    }

    private double received() {
        return registry.find("tributary.udp.datagrams.received").counters().stream().mapToDouble(Counter::count).sum();
    }

    private double count(String name) {
        return registry.find(name).counter().count();
    }

    private double dropped(String reason) {
        return registry.find("tributary.udp.datagrams.dropped").tag("reason", reason).counter().count();
    }

    private double gauge(String name) {
        Gauge g = registry.find(name).gauge();
        return g.value();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(condition.getAsBoolean(), "timed out waiting for: " + what);
    }
}
