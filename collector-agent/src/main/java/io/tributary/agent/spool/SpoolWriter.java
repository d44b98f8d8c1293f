package io.tributary.agent.spool;

import io.tributary.agent.config.SpoolConfig;
import io.tributary.agent.spool.AppendQueue.Pending;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * The spool's single writer thread. Appends queue here; the thread takes everything queued, applies the
 * byte cap to each batch in turn, writes the frames, forces once for all of them (group commit) and only then
 * completes their futures. With fsync {@code interval} it forces at most every interval instead, completing
 * the futures the force covered. It alone creates segments and deletes the one it appends to.
 *
 * <p>A failed write (say, a full disk) truncates the segment back to its durable size and fails the appends
 * that were not yet durable; the spool keeps working. A failed force is fatal: what reached the disk is then
 * unknown, so every later append fails until the spool is reopened (and recovery re-checks the files).
 */
final class SpoolWriter implements Runnable {
    private static final System.Logger LOG = System.getLogger(SpoolWriter.class.getName());
    private static final int BUFFER_BYTES = 64 << 10;

    private final Path dir;
    private final SegmentList segments;
    private final AppendQueue queue;
    private final long maxBytes;
    private final long segmentBytes;
    private final boolean fsyncAlways;
    private final long intervalNanos;
    private final boolean dropOldest;
    private final Thread thread;

    // Owned by the writer thread.
    private Segment active;
    private FileChannel channel;
    private long size;
    private long seq;
    private final List<Pending> unforced = new ArrayList<>();
    private final CRC32C crc = new CRC32C();
    private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private long lastForceNanos = System.nanoTime();

    /** Starts the writer thread, appending to {@code active} (open as {@code channel}) if there is one. */
    SpoolWriter(SpoolConfig config, long segmentBytes, SegmentList segments, AppendQueue queue, Segment active,
            FileChannel channel, long seq) {
        this.dir = config.dir();
        this.segments = segments;
        this.queue = queue;
        this.active = active;
        this.channel = channel;
        this.size = active == null ? 0 : active.size;
        this.seq = seq;
        this.maxBytes = config.maxBytes();
        this.segmentBytes = segmentBytes;
        this.fsyncAlways = "always".equals(config.fsync());
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(config.fsyncIntervalMs());
        this.dropOldest = "drop-oldest".equals(config.whenFull());
        this.thread = new Thread(this, "tributary-spool-writer[" + dir.getFileName() + "]");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops taking appends, lets the thread write, force and complete everything queued, and waits for it. */
    void close() {
        queue.close();
        if (Thread.currentThread() == thread) return;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    @Override
    public void run() {
        Throwable fatal = null;
        try {
            while (true) {
                long wait = unforced.isEmpty() ? -1 : Math.max(0, intervalNanos - (System.nanoTime() - lastForceNanos));
                AppendQueue.Work work = queue.take(wait);
                if (work.roll()) deleteActiveIfAcknowledged();
                for (Pending p : work.appends()) process(p);
                if (fsyncAlways || work.last() || forceDue()) commit();
                if (work.last()) return;
            }
        } catch (Throwable t) {
            fatal = t;
            LOG.log(System.Logger.Level.ERROR, "The spool writer for " + dir + " failed", t);
        } finally {
            shutDown(fatal);
        }
    }

    private boolean forceDue() {
        return !unforced.isEmpty() && System.nanoTime() - lastForceNanos >= intervalNanos;
    }

    private void process(Pending p) {
        Exception refused = null;
        try {
            if (queue.failure() != null) {
                refused = queue.refusal();
            } else {
                refused = makeRoom(p);
                if (refused == null) {
                    if (needsNewSegment(p)) roll();
                    write(p);
                    unforced.add(p);
                }
            }
        } catch (IOException e) {
            abort(e);
            refused = e;
        } catch (RuntimeException | Error e) {
            p.future().completeExceptionally(e); // the thread dies of it; shutDown() fails the rest
            throw e;
        } finally {
            queue.done(p); // before failing it: entries() never counts it afterwards
        }
        if (refused != null) p.future().completeExceptionally(refused);
    }

    private boolean needsNewSegment(Pending p) {
        return active == null || (size > SegmentFile.HEADER_BYTES && size + p.frameBytes() > segmentBytes);
    }

    /** Applies when.full: null when the batch fits now, else why it was refused. */
    private SpoolFullException makeRoom(Pending p) throws IOException {
        while (true) {
            long need = p.frameBytes() + (needsNewSegment(p) ? SegmentFile.HEADER_BYTES : 0);
            long used = segments.bytes();
            if (used + need <= maxBytes) return null;
            Segment victim = segments.oldest();
            if (!dropOldest || victim == null) {
                return new SpoolFullException("The spool in " + dir + " is full: it holds " + used
                        + " bytes, max.bytes is " + maxBytes + ", the batch needs " + need);
            }
            if (victim == active) {
                commit();
                if (queue.failure() != null) throw queue.refusal();
                closeActive();
            }
            long droppedBefore = segments.droppedEntries();
            if (segments.drop(victim)) {
                LOG.log(System.Logger.Level.WARNING, "Spool {0} full (when.full=drop-oldest): dropping segment {1}"
                        + " with {2} unsent entries", dir, victim.path.getFileName(),
                        segments.droppedEntries() - droppedBefore);
                deleteQuietly(victim.path);
            }
        }
    }

    private void roll() throws IOException {
        if (active != null) {
            commit();
            if (queue.failure() != null) throw queue.refusal();
            closeActive();
        }
        FileChannel created = SegmentFile.create(dir, seq);
        Segment s = new Segment(seq, SegmentFile.path(dir, seq), new Segment.Extent(SegmentFile.HEADER_BYTES, seq));
        segments.add(s);
        active = s;
        channel = created;
        size = SegmentFile.HEADER_BYTES;
    }

    private void write(Pending p) throws IOException {
        if (buffer.capacity() < p.frameBytes()) buffer = ByteBuffer.allocate((int) p.frameBytes());
        buffer.clear();
        long next = seq;
        for (byte[] entry : p.entries()) {
            int start = buffer.position();
            buffer.putInt(8 + entry.length).putInt(0).putLong(next++).put(entry);
            crc.reset();
            crc.update(buffer.array(), start + SegmentFile.FRAME_PREFIX, 8 + entry.length);
            buffer.putInt(start + 4, (int) crc.getValue());
        }
        buffer.flip();
        while (buffer.hasRemaining()) channel.write(buffer);
        size += p.frameBytes();
        seq = next;
        segments.written(active, p.frameBytes(), seq);
        if (buffer.capacity() > 16 * BUFFER_BYTES) buffer = ByteBuffer.allocate(BUFFER_BYTES);
    }

    /** Forces what was written and completes the appends it covers. */
    private void commit() {
        if (unforced.isEmpty()) return;
        try {
            channel.force(false);
        } catch (IOException e) {
            IOException failure = new IOException("fsync of spool segment " + active.path + " failed; the spool"
                    + " takes no more appends until it is reopened", e);
            queue.fail(failure);
            LOG.log(System.Logger.Level.ERROR, failure.getMessage(), e);
            unforced.forEach(p -> p.future().completeExceptionally(failure));
            unforced.clear();
            return;
        }
        lastForceNanos = System.nanoTime();
        active.durable(new Segment.Extent(size, seq));
        for (Pending p : unforced) p.future().complete(null);
        unforced.clear();
    }

    /** After a failed write: back to the durable size, failing every append that was not yet durable. */
    private void abort(IOException e) {
        LOG.log(System.Logger.Level.WARNING, "Spool write in " + dir + " failed; failing the appends not yet"
                + " durable", e);
        unforced.forEach(u -> u.future().completeExceptionally(e));
        unforced.clear();
        if (active == null) return;
        Segment.Extent durable = active.durable();
        try {
            channel.truncate(durable.size());
            channel.position(durable.size());
            segments.written(active, durable.size() - size, durable.endSeq());
            size = durable.size();
            seq = durable.endSeq();
        } catch (IOException truncateFailed) {
            truncateFailed.addSuppressed(e);
            queue.fail(new IOException("Could not roll back spool segment " + active.path, truncateFailed));
            LOG.log(System.Logger.Level.ERROR, "Could not roll back spool segment " + active.path, truncateFailed);
        }
    }

    private void deleteActiveIfAcknowledged() {
        if (active == null || !unforced.isEmpty() || size == SegmentFile.HEADER_BYTES) return;
        if (!segments.removeIfAcknowledged(active)) return;
        Path path = active.path;
        closeActive();
        deleteQuietly(path);
    }

    /** Deletes a segment already removed from the list; a failure leaves a file that recovery deals with. */
    private void deleteQuietly(Path path) {
        try {
            SegmentFile.delete(path);
            SegmentFile.syncDirectory(dir);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete spool segment " + path, e);
        }
    }

    private void closeActive() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing spool segment " + active.path + " failed", e);
        }
        active = null;
        channel = null;
    }

    private void shutDown(Throwable fatal) {
        if (fatal != null) queue.fail(new IOException("The spool writer for " + dir + " failed", fatal));
        IOException cause = queue.refusal();
        List<Pending> rest = queue.closeAndDrain();
        unforced.forEach(p -> p.future().completeExceptionally(cause));
        unforced.clear();
        rest.forEach(p -> p.future().completeExceptionally(cause));
        if (active != null) closeActive();
    }
}
