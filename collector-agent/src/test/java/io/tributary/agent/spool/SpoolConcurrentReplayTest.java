package io.tributary.agent.spool;

import static io.tributary.agent.spool.SpoolTesting.await;
import static io.tributary.agent.spool.SpoolTesting.message;
import static io.tributary.agent.spool.SpoolTesting.segmentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.config.SpoolConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replayer reading, rewinding and acknowledging while appenders keep appending. */
class SpoolConcurrentReplayTest {
    private static final int APPENDERS = 4;
    private static final int PER_APPENDER = 1500;

    @TempDir
    Path dir;

    /** Runs appenders and a replayer; returns what the replayer read (each entry once, rewinds undone). */
    private List<SpoolEntry> run(Spool spool, long replayerPauseMs) throws Exception {
        List<Thread> appenders = new ArrayList<>();
        List<CompletableFuture<Void>> futures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < APPENDERS; t++) {
            String source = "a" + t;
            Thread appender = new Thread(() -> {
                for (int n = 0; n < PER_APPENDER; n++) {
                    CompletableFuture<Void> f = spool.append(List.of(message(source, n)));
                    futures.add(f);
                    if (n % 50 == 0) f.join();
                }
            });
            appender.start();
            appenders.add(appender);
        }
        AtomicBoolean appending = new AtomicBoolean(true);
        List<SpoolEntry> replayed = new ArrayList<>();
        Throwable[] failed = new Throwable[1];
        Thread replayer = new Thread(() -> {
            try {
                int round = 0;
                while (appending.get() || !spool.isEmpty()) {
                    List<SpoolEntry> batch = spool.read(1 + round % 50, 1 << 20);
                    if (batch.isEmpty()) {
                        Thread.sleep(1);
                    } else if (round++ % 7 == 3) {
                        spool.rewind(); // a failed send: the same entries come again
                    } else {
                        Thread.sleep(replayerPauseMs); // sending
                        replayed.addAll(batch);
                        spool.acknowledge(batch.get(batch.size() - 1).seq());
                    }
                }
            } catch (Throwable e) {
                failed[0] = e;
            }
        });
        replayer.start();
        for (Thread t : appenders) t.join();
        for (CompletableFuture<Void> f : futures) f.get(30, TimeUnit.SECONDS);
        appending.set(false);
        replayer.join(60_000);
        if (failed[0] != null) throw new AssertionError("replayer failed", failed[0]);
        assertTrue(spool.isEmpty());
        for (int i = 1; i < replayed.size(); i++) {
            assertTrue(replayed.get(i).seq() > replayed.get(i - 1).seq(), "in order, each once");
        }
        Map<String, Integer> last = new HashMap<>();
        for (SpoolEntry e : replayed) {
            String source = e.outgoing().headers().get("source");
            int n = Integer.parseInt(e.outgoing().headers().get("n"));
            assertTrue(n > last.getOrDefault(source, -1), "each appender's order kept");
            last.put(source, n);
            assertEquals(message(source, n), e.outgoing());
        }
        return replayed;
    }

    @Test
    void everyEntryIsReplayedOnceInOrderAndTheSpoolEndsEmpty() throws Exception {
        try (Spool spool = Spool.open(SpoolTesting.config(dir, 64L << 20, 32 << 10, "always", "block"))) {
            List<SpoolEntry> replayed = run(spool, 0);
            assertEquals(APPENDERS * PER_APPENDER, replayed.size());
            for (int i = 0; i < replayed.size(); i++) assertEquals(i, replayed.get(i).seq());
            await(() -> spool.bytes() == 0, "the last segment to be deleted");
            assertEquals(List.of(), segmentFiles(dir));
            assertEquals(0, spool.droppedEntries());
        }
    }

    @Test
    void withDropOldestEveryEntryIsReplayedOrCountedAsDropped() throws Exception {
        SpoolConfig config = SpoolTesting.config(dir, 96 << 10, 12 << 10, "interval", "drop-oldest");
        try (Spool spool = Spool.open(config)) {
            List<SpoolEntry> replayed = run(spool, 5); // slower than the appenders: the spool fills up
            int total = APPENDERS * PER_APPENDER;
            long dropped = spool.droppedEntries();
            // an entry read but dropped before its acknowledgement is both replayed and counted as dropped
            assertTrue(total - replayed.size() <= dropped && dropped <= total, "dropped " + dropped + ", replayed "
                    + replayed.size());
            assertTrue(spool.bytes() <= 96 << 10);
            assertTrue(dropped > 0);
            System.out.printf("drop-oldest under load: %d replayed, %d dropped%n", replayed.size(), dropped);
        }
    }
}
