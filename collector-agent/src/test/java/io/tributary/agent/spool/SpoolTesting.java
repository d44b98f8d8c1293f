package io.tributary.agent.spool;

import io.tributary.agent.config.SpoolConfig;
import io.tributary.agent.delivery.Outgoing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared helpers for the spool tests. */
final class SpoolTesting {
    private SpoolTesting() {}

    static SpoolConfig config(Path dir, long maxBytes, long segmentBytes, String fsync, String whenFull) {
        return new SpoolConfig(dir, maxBytes, segmentBytes, fsync, 5, whenFull);
    }

    static SpoolConfig config(Path dir) {
        return config(dir, 64L << 20, 16 << 10, "always", "block");
    }

    /** A message of about 250 bytes naming its source and number, with a null key for every seventh. */
    static Outgoing message(String source, int n) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("source", source);
        headers.put("n", Integer.toString(n));
        String value = "{\"source\":\"" + source + "\",\"n\":" + n + ",\"rssi\":-" + (40 + n % 50)
                + ",\"pad\":\"" + "x".repeat(150 + n % 17) + "\",\"é\":\"ü\"}";
        byte[] key = n % 7 == 0 ? null : ("sensor-" + (n % 13)).getBytes(StandardCharsets.UTF_8);
        return new Outgoing("rssi", key, value.getBytes(StandardCharsets.UTF_8), headers);
    }

    static Outgoing message(int n) {
        return message("t", n);
    }

    static List<Outgoing> messages(int from, int count) {
        List<Outgoing> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) out.add(message(i));
        return out;
    }

    /** Everything readable now, in batches of varying size. */
    static List<SpoolEntry> readAll(Spool spool) throws IOException {
        List<SpoolEntry> out = new ArrayList<>();
        int max = 1;
        while (true) {
            List<SpoolEntry> batch = spool.read(max, 1 << 20);
            if (batch.isEmpty()) return out;
            out.addAll(batch);
            max = max % 500 + 37;
        }
    }

    static List<Outgoing> outgoing(List<SpoolEntry> entries) {
        return entries.stream().map(SpoolEntry::outgoing).toList();
    }

    static List<Path> segmentFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    static Path lastSegment(Path dir) throws IOException {
        List<Path> files = segmentFiles(dir);
        return files.get(files.size() - 1);
    }

    static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for " + what);
            Thread.sleep(5);
        }
    }
}
