package io.tributary.agent.spool;

import io.tributary.agent.config.SpoolConfig;
import io.tributary.agent.delivery.Outgoing;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A durable, byte-bounded, ordered store of {@link Outgoing} messages for while Kafka cannot take them: the
 * Kafka delivery appends and acknowledges its senders once the append completes; a replayer reads the oldest
 * entries, sends them, and acknowledges them once Kafka did, which lets the spool delete them.
 *
 * <p><b>Durability.</b> An append's future completes only after its entries were forced to disk
 * ({@code FileChannel.force}), so a completed append survives a crash of the process or of the machine. With
 * {@code fsync: always} one writer thread takes every append queued meanwhile, writes them and forces once for
 * all of them (group commit); with {@code interval} it forces at most every {@code fsync.interval.ms}, and
 * futures complete after the force that covered them. Acknowledgements are persisted before
 * {@link #acknowledge} returns. After a crash, {@link #open} truncates a torn tail (never acknowledged to a
 * sender) and replays every entry not acknowledged, in order; an entry sent to Kafka whose acknowledgement did
 * not reach {@link #acknowledge} before the crash is sent again: delivery from the spool is at least once.
 *
 * <p><b>Corruption</b> (a bad frame with valid ones after it, e.g. disk damage) never yields garbage: the lost
 * entries are skipped on replay, counted exactly in {@link #corruptEntries()} and logged as errors. A segment or
 * checkpoint of an unknown format version, or a foreign file in the directory, fails {@link #open}.
 *
 * <p><b>Byte cap.</b> {@link #bytes()} (all segment files) never exceeds {@code max.bytes}. When an append
 * would pass it: {@code block} fails the append with {@link SpoolFullException}, writing nothing of it;
 * {@code drop-oldest} deletes the oldest segments (acknowledged or not) until it fits and counts the dropped
 * unacknowledged entries exactly in {@link #droppedEntries()}. Space is freed a whole segment at a time, so the
 * segment size is capped at {@code max.bytes / 8}. A batch is written whole into one segment; a batch larger
 * than {@code max.bytes} can never fit and fails with {@link IllegalArgumentException}.
 *
 * <p><b>Threading.</b> {@link #append} may be called from any number of threads; it never blocks (beyond
 * encoding the batch) and reports every failure through the returned future. Futures complete on the spool's
 * writer thread: keep dependent actions short or use the {@code *Async} variants. {@link #read}, {@link #rewind}
 * and {@link #acknowledge} are meant for one replayer thread, concurrently with appends; they are serialized
 * so other threads are safe, but {@link #acknowledge} forces a file, so do not call it from Kafka's callback
 * thread. The metrics methods may be called from any thread.
 *
 * <p><b>Lifecycle.</b> {@link #open} recovers the directory and locks it against a second spool (in any
 * process). {@link #close} stops taking appends, writes and forces every append already queued, completes
 * their futures, and releases the directory; it is idempotent. Appends after close fail with an IOException,
 * and so do all appends after a failed fsync: then the spool must be closed and reopened. A failed write (e.g.
 * a full disk) fails only the appends not yet durable.
 *
 * <p>The on-disk format, recovery and configuration are described in {@code docs/agent/spool.md}.
 *
 * @since 0.1 (experimental)
 */
public final class Spool implements AutoCloseable {
    private static final String LOCK_FILE = "lock";

    private final Path dir;
    private final long maxBytes;
    private final FileChannel lockChannel;
    private final SegmentList segments;
    private final AppendQueue queue;
    private final SpoolWriter writer;
    private final SpoolCursor cursor;
    private final Checkpoint checkpoint;
    private final long truncatedBytes;
    private final Object replay = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Spool(SpoolConfig config, FileChannel lockChannel, Recovery.Result recovered) {
        this.dir = config.dir();
        this.maxBytes = config.maxBytes();
        this.lockChannel = lockChannel;
        this.segments = new SegmentList(recovered.segments(), recovered.nextSeq(), recovered.ackedNext());
        Segment active = recovered.segments().isEmpty() ? null
                : recovered.segments().get(recovered.segments().size() - 1);
        long segmentBytes = Math.min(config.segmentBytes(), Math.max(config.maxBytes() / 8, 1));
        this.queue = new AppendQueue(dir);
        this.writer = new SpoolWriter(config, segmentBytes, segments, queue, active, recovered.activeChannel(),
                recovered.nextSeq());
        this.cursor = new SpoolCursor(segments);
        this.checkpoint = new Checkpoint(dir);
        this.truncatedBytes = recovered.truncatedBytes();
    }

    /** Opens (creating if needed) the spool in {@code config.dir()}, recovering what a crash left there. */
    public static Spool open(SpoolConfig config) throws IOException {
        validate(config);
        Files.createDirectories(config.dir());
        FileChannel lockChannel = FileChannel.open(config.dir().resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("The spool directory " + config.dir() + " is in use by another spool");
            }
            return new Spool(config, lockChannel, Recovery.run(config.dir()));
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    private static void validate(SpoolConfig c) {
        List<String> problems = new ArrayList<>();
        if (c.dir() == null) problems.add("dir is required");
        if (c.maxBytes() < 1024) problems.add("max.bytes was " + c.maxBytes() + " but must be at least 1024");
        if (c.segmentBytes() < 128) problems.add("segment.bytes was " + c.segmentBytes() + " but must be at least 128");
        if (!"always".equals(c.fsync()) && !"interval".equals(c.fsync())) {
            problems.add("fsync was '" + c.fsync() + "' but must be always or interval");
        }
        if (c.fsyncIntervalMs() < 1) problems.add("fsync.interval.ms was " + c.fsyncIntervalMs() + " but must be >= 1");
        if (!"block".equals(c.whenFull()) && !"drop-oldest".equals(c.whenFull())) {
            problems.add("when.full was '" + c.whenFull() + "' but must be block or drop-oldest");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid spool config: " + String.join("; ", problems));
        }
    }

    /**
     * Appends {@code entries}, in order, after everything appended before. The future completes once they are
     * durable, or fails with {@link SpoolFullException} (block policy; nothing written), with
     * {@link IllegalArgumentException} (the batch alone exceeds max.bytes), or with an {@link IOException} (write
     * or fsync failed, or the spool is closed). Never blocks.
     */
    public CompletableFuture<Void> append(List<Outgoing> entries) {
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty()) return CompletableFuture.completedFuture(null);
        List<byte[]> encoded = new ArrayList<>(entries.size());
        long frameBytes = 0;
        for (Outgoing o : entries) {
            byte[] entry = EntryCodec.encode(Objects.requireNonNull(o, "entry"));
            encoded.add(entry);
            frameBytes += SegmentFile.frameBytes(entry.length);
        }
        if (frameBytes + SegmentFile.HEADER_BYTES > maxBytes || frameBytes > Integer.MAX_VALUE - 64) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("A batch of " + entries.size()
                    + " entries takes " + frameBytes + " bytes in the spool; max.bytes " + maxBytes
                    + " cannot hold it"));
        }
        return queue.submit(encoded, frameBytes);
    }

    /**
     * The next durable entries after the last one read (from the oldest unacknowledged one after open or
     * {@link #rewind}), oldest first: at most {@code max}, and no more than {@code maxBytes} of spooled bytes
     * unless a single entry is larger (then just that one). Empty when there is nothing more to read yet.
     */
    public List<SpoolEntry> read(int max, long maxBytes) throws IOException {
        if (max < 1) throw new IllegalArgumentException("max was " + max + " but must be at least 1");
        synchronized (replay) {
            ensureOpen();
            return cursor.read(max, maxBytes);
        }
    }

    /** Makes the next {@link #read} start again at the oldest entry not acknowledged (after a failed send). */
    public void rewind() {
        synchronized (replay) {
            if (!closed.get()) cursor.rewind();
        }
    }

    /**
     * Records, durably, that Kafka acknowledged every entry up to and including {@code seq}; segments holding only
     * acknowledged entries are deleted. Acknowledging an older position again does nothing.
     *
     * @throws IllegalArgumentException if no entry with {@code seq} was appended yet
     */
    public void acknowledge(long seq) throws IOException {
        acknowledge(seq, new long[] {seq});
    }

    /**
     * Acknowledges a chunk the replayer read and Kafka took: everything up to its last entry. Entries of the
     * chunk that drop-oldest deleted after they were read were delivered all the same, so they are not counted
     * as dropped.
     */
    public void acknowledge(List<SpoolEntry> delivered) throws IOException {
        if (delivered.isEmpty()) return;
        acknowledge(delivered.get(delivered.size() - 1).seq(), delivered.stream().mapToLong(SpoolEntry::seq).toArray());
    }

    private void acknowledge(long seq, long[] delivered) throws IOException {
        synchronized (replay) {
            ensureOpen();
            if (seq < segments.ackedNext()) return;
            long next = segments.nextSeq();
            if (seq >= next) {
                throw new IllegalArgumentException("Cannot acknowledge sequence number " + seq
                        + ": the newest entry in the spool is " + (next - 1));
            }
            checkpoint.write(seq + 1);
            for (Segment s : segments.acknowledge(seq + 1, delivered)) SegmentFile.delete(s.path);
            SegmentFile.syncDirectory(dir);
            cursor.acknowledged(seq + 1);
            if (segments.unacknowledged() == 0) queue.requestRoll();
        }
    }

    /** True when every appended entry was acknowledged or dropped; false from the moment append() returns. */
    public boolean isEmpty() {
        return entries() == 0;
    }

    /** Entries appended and neither acknowledged nor dropped, including appends still being written. */
    public long entries() {
        long queued = queue.queuedEntries(); // first: an entry moves from queued to written, never back
        return queued + segments.unacknowledged();
    }

    /** Bytes of all segment files, acknowledged entries not yet deleted included. */
    public long bytes() {
        return segments.bytes();
    }

    /** Unacknowledged entries deleted by {@code when.full: drop-oldest} since open, read or not. */
    public long droppedEntries() {
        return segments.droppedEntries();
    }

    /** Entries found lost to corruption since open (counted when replay reaches them). */
    public long corruptEntries() {
        return cursor.corruptEntries();
    }

    /** Bytes of a torn tail truncated when this spool was opened (0 after a clean close). */
    public long truncatedBytes() {
        return truncatedBytes;
    }

    public Path dir() {
        return dir;
    }

    private void ensureOpen() throws IOException {
        if (closed.get()) throw new IOException("The spool in " + dir + " is closed");
    }

    /** Writes and forces every queued append, completing it, then releases the directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        writer.close();
        synchronized (replay) {
            cursor.close();
        }
        try {
            lockChannel.close();
        } catch (IOException e) {
            System.getLogger(Spool.class.getName()).log(System.Logger.Level.WARNING, "Releasing " + dir + " failed", e);
        }
    }

    @Override
    public String toString() {
        return "Spool{" + dir + ", " + entries() + " entries, " + bytes() + " bytes}";
    }
}
