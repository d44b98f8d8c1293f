package io.tributary.origins.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import io.tributary.origins.Origins;
import io.tributary.origins.kit.RecordingIngest;
import java.io.File;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UDP origin receives from an independent client: {@code socat} (Debian package {@code socat}). */
class UdpOriginIT {
    private final RecordingIngest ingest = new RecordingIngest();
    private Origin origin;
    private InetSocketAddress target;

    @BeforeEach
    void start() throws Exception {
        OriginType type = Origins.get("type", "udp");
        origin = type.create(type.options().parse(Map.of("port", 0, "threads", 2)),
                new OriginContext("agent-1", "udp-it", "p1", new SimpleMeterRegistry()));
        origin.start(ingest);
        target = UdpOriginTest.target(origin.describe());
    }

    @AfterEach
    void close() {
        origin.close();
    }

    @Test
    void datagramsFromSeveralSocatProcessesArrive() throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String body = "{\"socat\":" + i + "}";
            sent.add(body);
            Process p = new ProcessBuilder(socat(), "-u", "-", "UDP-SENDTO:" + hostPort())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(body.getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "socat did not finish");
            assertEquals(0, p.exitValue(), "socat exit code");
        }
        UdpReceiveTest.await(() -> ingest.payloads.size() >= 5, "5 datagrams from socat");
        assertEquals(new HashSet<>(sent), new HashSet<>(ingest.bodies()));
        ingest.payloads.forEach(p -> assertTrue(p.attributes().get("remote.address").startsWith("127.0.0.1:"),
                p.attributes().toString()));
        ingest.payloads.forEach(p -> assertEquals("udp:" + target.getPort(), p.source()));
    }

    @Test
    void oneSocatSessionSendsEachWriteAsADatagram() throws Exception {
        Process p = new ProcessBuilder(socat(), "-u", "-", "UDP-DATAGRAM:" + hostPort())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        StringBuilder sent = new StringBuilder();
        try (OutputStream in = p.getOutputStream()) {
            for (int i = 0; i < 5; i++) {
                String line = "{\"session\":" + i + "}\n";
                sent.append(line);
                in.write(line.getBytes(StandardCharsets.UTF_8));
                in.flush();
                Thread.sleep(100);
            }
        }
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "socat did not finish");
        UdpReceiveTest.await(() -> String.join("", ingest.bodies()).length() >= sent.length(), "all bytes");
        // socat sends what each read of its stdin returned: writes 100 ms apart are separate datagrams, and
        // in no case is a line split across two.
        assertEquals(sent.toString(), String.join("", ingest.bodies()));
        ingest.bodies().forEach(b -> assertTrue(b.endsWith("}\n"), b));
        assertEquals(1, ingest.payloads.stream().map(x -> x.attributes().get("remote.address")).distinct().count());
    }

    private String hostPort() {
        return "127.0.0.1:" + target.getPort();
    }

    /** socat on the PATH; a clear failure when it is missing (CI installs it). */
    static String socat() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "socat");
            if (Files.isExecutable(candidate)) return candidate.toString();
        }
        fail("socat is not installed: apt-get install -y --no-install-recommends socat");
        return null;
    }
}
