package io.tributary.agent.spool;

import static io.tributary.agent.spool.SpoolTesting.config;
import static io.tributary.agent.spool.SpoolTesting.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM appends from several threads and prints each entry once its append completed;
 * the test kills it (SIGKILL) mid-stream, reopens the spool and checks that every printed, i.e. acknowledged,
 * entry is there. Three rounds in the same directory, so recovery is followed by appends and another crash.
 */
class SpoolCrashTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEntrySurvivesKillMinus9() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 3; round++) {
            int before = acknowledged.size();
            Path log = dir.resolve("child-" + round + ".log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SpoolCrashChild.class.getName(),
                    dir.resolve("spool").toString(), "r" + round, "4")
                    .redirectError(log.toFile())
                    .start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.endsWith(";")) acknowledged.add(line.substring(0, line.length() - 1));
                    }
                } catch (java.io.IOException e) {
                    // the child died: what was read is what counts
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int target = 1500 + round * 700; // kill at a different point each round
            while (acknowledged.size() - before < target && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertTrue(child.isAlive(), "child still appending; see " + log);
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join(10_000);
            assertTrue(acknowledged.size() - before >= target, "acknowledged " + (acknowledged.size() - before));

            try (Spool spool = Spool.open(config(dir.resolve("spool")))) {
                List<SpoolEntry> entries = readAll(spool);
                Set<String> stored = new HashSet<>();
                for (int i = 0; i < entries.size(); i++) {
                    assertEquals(i, entries.get(i).seq(), "contiguous sequence numbers");
                    var h = entries.get(i).outgoing().headers();
                    String id = h.get("source") + ":" + h.get("n");
                    assertTrue(stored.add(id), "stored once: " + id);
                    assertEquals(SpoolTesting.message(h.get("source"), Integer.parseInt(h.get("n"))),
                            entries.get(i).outgoing());
                }
                Set<String> missing = new HashSet<>(acknowledged);
                missing.removeAll(stored);
                assertEquals(Set.of(), missing, "acknowledged but lost");
                assertEquals(0, spool.corruptEntries());
                System.out.printf("crash round %d: %d acknowledged, %d stored, %d torn bytes truncated%n", round,
                        acknowledged.size(), stored.size(), spool.truncatedBytes());
            }
        }
    }
}
