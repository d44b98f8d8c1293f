package io.tributary.agent.spool;

import static io.tributary.agent.spool.SpoolTesting.await;
import static io.tributary.agent.spool.SpoolTesting.message;
import static io.tributary.agent.spool.SpoolTesting.messages;
import static io.tributary.agent.spool.SpoolTesting.outgoing;
import static io.tributary.agent.spool.SpoolTesting.readAll;
import static io.tributary.agent.spool.SpoolTesting.segmentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.config.SpoolConfig;
import io.tributary.agent.delivery.Outgoing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool's contract, on real files. Runs with {@code fsync: always}; {@link SpoolIntervalFsyncTest} runs the
 * same cases with {@code interval}.
 */
class SpoolTest {
    @TempDir
    Path dir;

    /** The config every case starts from; subclasses change the fsync mode. */
    protected SpoolConfig config(long maxBytes, long segmentBytes, String whenFull) {
        return SpoolTesting.config(dir, maxBytes, segmentBytes, "always", whenFull);
    }

    private Spool open() throws IOException {
        return Spool.open(config(64L << 20, 16 << 10, "block"));
    }

    private static void appendAll(Spool spool, List<Outgoing> entries, int batch) throws Exception {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < entries.size(); i += batch) {
            futures.add(spool.append(entries.subList(i, Math.min(entries.size(), i + batch))));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void readsBackExactlyWhatWasAppendedInOrderWithSequenceNumbers() throws Exception {
        List<Outgoing> appended = messages(0, 3000);
        try (Spool spool = open()) {
            appendAll(spool, appended, 10);
            assertEquals(3000, spool.entries());
            List<SpoolEntry> read = readAll(spool);
            assertEquals(appended, outgoing(read));
            for (int i = 0; i < read.size(); i++) assertEquals(i, read.get(i).seq());
            assertTrue(segmentFiles(dir).size() > 10, "spans many segments");
            assertEquals(0, spool.corruptEntries());
            assertEquals(0, spool.truncatedBytes());
        }
    }

    @Test
    void concurrentAppendersAreAllStoredOnceKeepingEachAppendersOrder() throws Exception {
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Spool spool = open()) {
            List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String source = "thread-" + t;
                submitted.add(pool.submit(() -> {
                    List<CompletableFuture<Void>> futures = new ArrayList<>();
                    for (int i = 0; i < perThread; ) {
                        int batch = 1 + i % 3;
                        List<Outgoing> entries = new ArrayList<>();
                        for (int j = 0; j < batch && i < perThread; j++) entries.add(message(source, i++));
                        futures.add(spool.append(entries));
                    }
                    return futures;
                }));
            }
            for (Future<List<CompletableFuture<Void>>> f : submitted) {
                for (CompletableFuture<Void> append : f.get()) append.get(30, TimeUnit.SECONDS);
            }
            List<SpoolEntry> read = readAll(spool);
            assertEquals(threads * perThread, read.size());
            Map<String, Integer> next = new HashMap<>();
            for (int i = 0; i < read.size(); i++) {
                assertEquals(i, read.get(i).seq());
                Map<String, String> h = read.get(i).outgoing().headers();
                int n = Integer.parseInt(h.get("n"));
                assertEquals(next.getOrDefault(h.get("source"), 0), n, "order of " + h.get("source"));
                assertEquals(message(h.get("source"), n), read.get(i).outgoing());
                next.put(h.get("source"), n + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acknowledgedSegmentsAreDeletedAndReopenKeepsOnlyUnacknowledgedInOrder() throws Exception {
        List<Outgoing> appended = messages(0, 2000);
        try (Spool spool = open()) {
            appendAll(spool, appended, 50);
            assertEquals(2000, readAll(spool).size());
            int before = segmentFiles(dir).size();
            long bytesBefore = spool.bytes();
            spool.acknowledge(1199);
            assertTrue(segmentFiles(dir).size() < before * 0.5, "acknowledged segments deleted");
            assertTrue(spool.bytes() < bytesBefore * 0.5);
            assertEquals(800, spool.entries());
            assertEquals(List.of(), spool.read(10, 1 << 20), "the cursor stays where it was");
        }
        try (Spool spool = open()) {
            List<SpoolEntry> read = readAll(spool);
            assertEquals(appended.subList(1200, 2000), outgoing(read));
            assertEquals(1200, read.get(0).seq());
            spool.acknowledge(1999);
            assertTrue(spool.isEmpty());
            await(() -> spool.bytes() == 0, "the last, fully acknowledged segment to be deleted");
            assertEquals(List.of(), segmentFiles(dir));
        }
        try (Spool spool = open()) {
            assertTrue(spool.isEmpty());
            spool.append(List.of(message(7))).get(10, TimeUnit.SECONDS);
            List<SpoolEntry> read = readAll(spool);
            assertEquals(2000, read.get(0).seq(), "sequence numbers continue across restarts");
            assertEquals(List.of(message(7)), outgoing(read));
        }
    }

    @Test
    void rewindAfterAPartialReadReturnsTheSameEntriesAgain() throws Exception {
        List<Outgoing> appended = messages(0, 400);
        try (Spool spool = open()) {
            appendAll(spool, appended, 7);
            List<SpoolEntry> first = spool.read(30, 1 << 20);
            spool.read(100, 1 << 20);
            spool.rewind();
            assertEquals(first, spool.read(30, 1 << 20));
            spool.read(250, 1 << 20);
            spool.acknowledge(first.get(9).seq());
            spool.rewind();
            List<SpoolEntry> again = readAll(spool);
            assertEquals(appended.subList(10, 400), outgoing(again));
            assertEquals(10, again.get(0).seq());
        }
    }

    @Test
    void readHonoursMaxEntriesAndMaxBytesButAlwaysReturnsOneEntry() throws Exception {
        try (Spool spool = open()) {
            appendAll(spool, messages(0, 20), 20);
            assertEquals(5, spool.read(5, 1 << 20).size());
            assertEquals(1, spool.read(100, 1).size());
            List<SpoolEntry> three = spool.read(100, 3 * 250);
            assertTrue(three.size() >= 2 && three.size() <= 3, "about 250 bytes per entry: " + three.size());
            assertEquals(5 + 1, three.get(0).seq());
            assertThrows(IllegalArgumentException.class, () -> spool.read(0, 100));
        }
    }

    @Test
    void blockRefusesAppendsWhenFullWritingNothingUntilAcknowledged() throws Exception {
        try (Spool spool = Spool.open(config(16 << 10, 2 << 10, "block"))) {
            int appended = 0;
            ExecutionException full = null;
            while (full == null) {
                try {
                    spool.append(List.of(message(appended))).get(10, TimeUnit.SECONDS);
                    appended++;
                } catch (ExecutionException e) {
                    full = e;
                }
            }
            assertInstanceOf(SpoolFullException.class, full.getCause());
            assertTrue(appended > 40, "filled up first: " + appended);
            long bytes = spool.bytes();
            long onDisk = diskBytes();
            assertTrue(bytes <= 16 << 10);
            assertEquals(onDisk, bytes);
            ExecutionException again = assertThrows(ExecutionException.class,
                    () -> spool.append(messages(0, 3)).get(10, TimeUnit.SECONDS));
            assertInstanceOf(SpoolFullException.class, again.getCause());
            assertEquals(bytes, spool.bytes(), "nothing written");
            assertEquals(onDisk, diskBytes());
            assertEquals(appended, spool.entries());

            List<SpoolEntry> read = readAll(spool);
            assertEquals(messages(0, appended), outgoing(read));
            spool.acknowledge(read.get(read.size() / 2).seq());
            spool.append(List.of(message(appended))).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(message(appended)), outgoing(readAll(spool)));
            assertEquals(0, spool.droppedEntries());

            ExecutionException tooBig = assertThrows(ExecutionException.class,
                    () -> spool.append(messages(0, 80)).get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, tooBig.getCause());
        }
    }

    private long diskBytes() throws IOException {
        long sum = 0;
        for (Path p : segmentFiles(dir)) sum += Files.size(p);
        return sum;
    }

    @Test
    void dropOldestCountsEveryDroppedEntryAndKeepsTheNewestInOrder() throws Exception {
        try (Spool spool = Spool.open(config(16 << 10, 2 << 10, "drop-oldest"))) {
            appendAll(spool, messages(0, 30), 1);
            assertEquals(0, spool.droppedEntries());
            List<SpoolEntry> read = spool.read(20, 1 << 20); // some read, some never read
            assertEquals(0, read.get(0).seq());
            spool.acknowledge(read.get(9).seq());
            for (int i = 30; i < 500; i++) spool.append(List.of(message(i))).get(10, TimeUnit.SECONDS);
            assertTrue(spool.bytes() <= 16 << 10);
            assertEquals(diskBytes(), spool.bytes());

            List<SpoolEntry> rest = readAll(spool);
            int kept = rest.size();
            assertTrue(kept > 20 && kept < 100, "kept " + kept);
            assertEquals(500 - 10 - kept, spool.droppedEntries(), "acknowledged entries are not counted as dropped");
            assertEquals(messages(500 - kept, kept), outgoing(rest), "the newest, in order");
            assertEquals(500 - kept, rest.get(0).seq());
            assertEquals(kept, spool.entries());
        }
    }

    @Test
    void dropOldestCanDropTheSegmentBeingWritten() throws Exception {
        try (Spool spool = Spool.open(config(4 << 10, 64 << 10, "drop-oldest"))) {
            // a single segment of at most max.bytes/8; a big batch forces dropping everything there is
            appendAll(spool, messages(0, 3), 3);
            spool.append(messages(3, 12)).get(10, TimeUnit.SECONDS);
            assertEquals(3, spool.droppedEntries());
            assertEquals(messages(3, 12), outgoing(readAll(spool)));
        }
    }

    @Test
    void closeCompletesOrFailsEveryPendingAppendAndIsIdempotent() throws Exception {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Spool spool = open();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 1000;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    CompletableFuture<Void> f = spool.append(List.of(message(base + i)));
                    synchronized (futures) {
                        futures.add(f);
                    }
                }
            }));
        }
        Thread.sleep(20);
        spool.close();
        spool.close();
        for (Future<?> f : done) f.get();
        pool.shutdown();
        int completed = 0;
        for (CompletableFuture<Void> f : futures) {
            assertTrue(f.isDone(), "no append is left hanging");
            if (!f.isCompletedExceptionally()) completed++;
        }
        ExecutionException closed = assertThrows(ExecutionException.class,
                () -> spool.append(List.of(message(1))).get());
        assertInstanceOf(IOException.class, closed.getCause());
        assertThrows(IOException.class, () -> spool.read(1, 1));
        try (Spool reopened = open()) {
            assertEquals(completed, readAll(reopened).size(), "every completed append is there");
        }
    }

    @Test
    void aSecondSpoolCannotOpenTheSameDirectory() throws Exception {
        try (Spool spool = open()) {
            IOException e = assertThrows(IOException.class, this::open);
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        }
        open().close();
    }

    @Test
    void emptyBatchesAndBadArgumentsAndCounters() throws Exception {
        try (Spool spool = open()) {
            assertTrue(spool.append(List.of()).isDone());
            assertTrue(spool.isEmpty());
            assertThrows(IllegalArgumentException.class, () -> spool.acknowledge(0));
            CompletableFuture<Void> f = spool.append(messages(0, 5));
            assertFalse(spool.isEmpty(), "not empty from the moment append returns");
            f.get(10, TimeUnit.SECONDS);
            assertEquals(5, spool.entries());
            assertThrows(IllegalArgumentException.class, () -> spool.acknowledge(5));
            spool.acknowledge(2);
            spool.acknowledge(1); // older: nothing
            assertEquals(2, spool.entries());
            assertEquals(3, spool.read(10, 1 << 20).get(0).seq(), "acknowledged entries are skipped");
        }
        assertThrows(IllegalArgumentException.class,
                () -> Spool.open(SpoolTesting.config(dir, 64 << 20, 1 << 20, "sometimes", "block")));
    }
}
