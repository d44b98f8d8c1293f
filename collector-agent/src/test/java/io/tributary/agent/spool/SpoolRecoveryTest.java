package io.tributary.agent.spool;

import static io.tributary.agent.spool.SpoolTesting.config;
import static io.tributary.agent.spool.SpoolTesting.lastSegment;
import static io.tributary.agent.spool.SpoolTesting.message;
import static io.tributary.agent.spool.SpoolTesting.messages;
import static io.tributary.agent.spool.SpoolTesting.outgoing;
import static io.tributary.agent.spool.SpoolTesting.readAll;
import static io.tributary.agent.spool.SpoolTesting.segmentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.delivery.Outgoing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reopening after a crash: torn tails, corruption, foreign and future files. */
class SpoolRecoveryTest {
    @TempDir
    Path dir;

    /** Appends {@code count} entries one append at a time and closes; returns the offsets where each frame starts. */
    private List<Long> spoolOf(int count) throws Exception {
        List<Long> starts = new ArrayList<>();
        try (Spool spool = Spool.open(config(dir))) {
            for (int i = 0; i < count; i++) {
                starts.add(i == 0 ? SegmentFile.HEADER_BYTES : Files.size(lastSegment(dir)));
                spool.append(List.of(message(i))).get(10, TimeUnit.SECONDS);
            }
        }
        assertEquals(1, segmentFiles(dir).size());
        return starts;
    }

    private void assertRecoversAndAcceptsAppends(List<Outgoing> expected, long truncated) throws Exception {
        try (Spool spool = Spool.open(config(dir))) {
            assertEquals(truncated, spool.truncatedBytes());
            List<SpoolEntry> read = readAll(spool);
            assertEquals(expected, outgoing(read));
            assertEquals(0, spool.corruptEntries());
            spool.append(List.of(message(99))).get(10, TimeUnit.SECONDS);
            List<SpoolEntry> appended = readAll(spool);
            assertEquals(List.of(message(99)), outgoing(appended));
            assertEquals(expected.size(), appended.get(0).seq());
        }
    }

    @Test
    void aTailCutOffAtEveryByteOfTheLastEntryIsTruncatedAndEverythingBeforeKept() throws Exception {
        List<Long> starts = spoolOf(12);
        Path segment = lastSegment(dir);
        byte[] whole = Files.readAllBytes(segment);
        long last = starts.get(11);
        for (int cut = (int) last; cut < whole.length; cut++) {
            Files.write(segment, java.util.Arrays.copyOf(whole, cut));
            assertRecoversAndAcceptsAppends(messages(0, 11), cut - last);
            assertEquals(1, segmentFiles(dir).size());
        }
    }

    @Test
    void aTailWithAnyByteOfTheLastEntryDamagedIsTruncated() throws Exception {
        List<Long> starts = spoolOf(12);
        Path segment = lastSegment(dir);
        byte[] whole = Files.readAllBytes(segment);
        int last = starts.get(11).intValue();
        for (int at = last; at < whole.length; at++) {
            byte[] damaged = whole.clone();
            damaged[at] ^= (byte) (1 + at % 255);
            Files.write(segment, damaged);
            assertRecoversAndAcceptsAppends(messages(0, 11), whole.length - last);
        }
    }

    @Test
    void garbageAndZerosAfterTheLastEntryAreTruncated() throws Exception {
        spoolOf(5);
        Path segment = lastSegment(dir);
        long size = Files.size(segment);
        Files.write(segment, new byte[4096], java.nio.file.StandardOpenOption.APPEND);
        assertRecoversAndAcceptsAppends(messages(0, 5), 4096);
        size = Files.size(segment);
        byte[] noise = new byte[777];
        new java.util.Random(7).nextBytes(noise);
        Files.write(segment, noise, java.nio.file.StandardOpenOption.APPEND);
        try (Spool spool = Spool.open(config(dir))) {
            assertEquals(777, spool.truncatedBytes());
            assertEquals(size, Files.size(segment));
            assertEquals(6, readAll(spool).size());
        }
    }

    @Test
    void corruptionFollowedByValidEntriesIsCountedAndSkippedNeverReadAsGarbage() throws Exception {
        List<Long> starts = spoolOf(10);
        Path segment = lastSegment(dir);
        damage(segment, starts.get(4) + 40); // inside entry 4's bytes
        try (Spool spool = Spool.open(config(dir))) {
            assertEquals(0, spool.truncatedBytes(), "not mistaken for a torn tail");
            List<SpoolEntry> read = readAll(spool);
            List<Integer> expected = IntStream.range(0, 10).filter(i -> i != 4).boxed().toList();
            assertEquals(expected, read.stream().map(e -> (int) e.seq()).toList());
            assertEquals(expected.stream().map(SpoolTesting::message).toList(), outgoing(read));
            assertEquals(1, spool.corruptEntries());
            spool.rewind();
            assertEquals(9, readAll(spool).size());
            assertEquals(1, spool.corruptEntries(), "counted once, however often it is read");
            spool.append(List.of(message(10))).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(message(10)), outgoing(readAll(spool)));
        }
    }

    @Test
    void aDamagedLengthFieldMidFileLosesOnlyThatEntry() throws Exception {
        List<Long> starts = spoolOf(10);
        Path segment = lastSegment(dir);
        try (var ch = java.nio.channels.FileChannel.open(segment, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).putInt(0, 1 << 30), starts.get(6));
        }
        try (Spool spool = Spool.open(config(dir))) {
            assertEquals(0, spool.truncatedBytes());
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 7L, 8L, 9L),
                    readAll(spool).stream().map(SpoolEntry::seq).toList());
            assertEquals(1, spool.corruptEntries());
        }
    }

    @Test
    void corruptionInAnOlderSegmentIsFoundOnReplay() throws Exception {
        try (Spool spool = Spool.open(config(dir))) {
            for (int i = 0; i < 200; i++) spool.append(List.of(message(i))).get(10, TimeUnit.SECONDS);
        }
        List<Path> files = segmentFiles(dir);
        assertTrue(files.size() > 2);
        long secondFirst = SegmentFile.firstSeqOfName(files.get(1));
        damage(files.get(0), SegmentFile.HEADER_BYTES + 60); // entry 0
        damage(files.get(0), Files.size(files.get(0)) - 20); // the segment's last entry
        try (Spool spool = Spool.open(config(dir))) {
            List<Long> seqs = readAll(spool).stream().map(SpoolEntry::seq).toList();
            assertEquals(198, seqs.size());
            assertFalse(seqs.contains(0L));
            assertFalse(seqs.contains(secondFirst - 1));
            assertEquals(2, spool.corruptEntries());
        }
    }

    @Test
    void anUnknownSegmentVersionIsRejectedNamingFileAndVersion() throws Exception {
        spoolOf(3);
        Path segment = lastSegment(dir);
        try (var ch = java.nio.channels.FileChannel.open(segment, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).putInt(0, 2), 4);
        }
        IOException e = assertThrows(IOException.class, () -> Spool.open(config(dir)));
        assertTrue(e.getMessage().contains(segment.toString()) && e.getMessage().contains("version 2"), e.getMessage());
        Spool.open(config(dir.resolve("other"))).close(); // the failed open released nothing it should keep
    }

    @Test
    void anUnknownCheckpointVersionIsRejected() throws Exception {
        try (Spool spool = Spool.open(config(dir))) {
            spool.append(messages(0, 3)).get(10, TimeUnit.SECONDS);
            spool.acknowledge(0);
        }
        Path checkpoint = dir.resolve(Checkpoint.FILE);
        byte[] bytes = Files.readAllBytes(checkpoint);
        bytes[7] = 9;
        Files.write(checkpoint, bytes);
        IOException e = assertThrows(IOException.class, () -> Spool.open(config(dir)));
        assertTrue(e.getMessage().contains(checkpoint.toString()) && e.getMessage().contains("version 9"),
                e.getMessage());
    }

    @Test
    void aCorruptCheckpointReplaysRatherThanLoses() throws Exception {
        try (Spool spool = Spool.open(config(dir))) {
            spool.append(messages(0, 3)).get(10, TimeUnit.SECONDS);
            spool.acknowledge(1);
        }
        damage(dir.resolve(Checkpoint.FILE), 12);
        try (Spool spool = Spool.open(config(dir))) {
            assertEquals(messages(0, 3), outgoing(readAll(spool)));
        }
    }

    @Test
    void foreignFilesAndBadHeadersFailTheOpenLoudly() throws Exception {
        spoolOf(3);
        Path segment = lastSegment(dir);
        byte[] whole = Files.readAllBytes(segment);
        damage(segment, 1);
        assertTrue(assertThrows(IOException.class, () -> Spool.open(config(dir))).getMessage().contains("magic"));
        Files.write(segment, whole);
        damage(segment, 10);
        assertTrue(assertThrows(IOException.class, () -> Spool.open(config(dir))).getMessage().contains("header"));
        Files.write(segment, whole);
        Files.writeString(dir.resolve("notes.seg"), "hello");
        assertThrows(IOException.class, () -> Spool.open(config(dir)));
        Files.delete(dir.resolve("notes.seg"));
        Files.writeString(dir.resolve("00000000000000000100.seg.tmp"), "left by a crash");
        try (Spool spool = Spool.open(config(dir))) {
            assertEquals(3, readAll(spool).size());
            assertFalse(Files.exists(dir.resolve("00000000000000000100.seg.tmp")));
        }
    }

    private static void damage(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x5A;
        Files.write(file, bytes);
    }
}
