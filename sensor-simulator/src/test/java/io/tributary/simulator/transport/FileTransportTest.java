package io.tributary.simulator.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.config.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTransportTest {
    static Message message(long seq, String text, String target) {
        return new Message("g", "s-1", 1_000 + seq, seq, target, text.getBytes(StandardCharsets.UTF_8), 1, seq == 1);
    }

    @Test
    void lengthPrefixedPayloadsAndTheirIndexReadBack(@TempDir Path dir) throws Exception {
        Settings settings = TransportOptions.forType("file").parse(Map.of());
        FileTransport t = new FileTransport("g", settings, dir);
        t.start();
        t.send(message(0, "a,b\r\nc,d\r\n", "tributary/m1/s-1/rssi"));
        t.send(message(1, "", "http://h/x,y"));
        t.send(message(2, "\u00e9", "t"));
        t.close(Duration.ZERO);
        List<byte[]> payloads = TrafficFile.payloads(dir.resolve("traffic/g.bin"));
        assertEquals(3, payloads.size());
        assertArrayEquals("a,b\r\nc,d\r\n".getBytes(StandardCharsets.UTF_8), payloads.get(0));
        assertEquals(0, payloads.get(1).length);
        List<TrafficFile.Entry> index = TrafficFile.index(dir.resolve("traffic/g.index.csv"));
        assertEquals(new TrafficFile.Entry("s-1", 1, 1001, "http://h/x,y", 26, 0, 1, true), index.get(1));
        byte[] file = Files.readAllBytes(dir.resolve("traffic/g.bin"));
        assertEquals((byte) 0xc3, file[(int) index.get(2).offset()], "offsets point at the payloads");
        assertEquals(3, t.stats().sent());
    }

    @Test
    void newlineFramingRefusesPayloadsWithNewlines(@TempDir Path dir) throws Exception {
        Settings settings = TransportOptions.forType("file").parse(Map.of("framing", "newline", "directory", "out"));
        FileTransport t = new FileTransport("g", settings, dir);
        t.start();
        t.send(message(0, "{\"a\":1}", "t"));
        t.send(message(1, "{\"a\":1}\n{\"a\":2}", "t"));
        t.send(message(2, "{\"b\":2}", "t"));
        t.close(Duration.ZERO);
        assertEquals("{\"a\":1}\n{\"b\":2}\n", Files.readString(dir.resolve("out/g.lines")));
        assertEquals(2, TrafficFile.payloads(dir.resolve("out/g.lines")).size());
        assertEquals(1, t.stats().failed());
        assertTrue(t.stats().lastError().contains("length_prefixed"));
    }
}
