package io.tributary.agent.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hand-off between appending threads and the writer thread. Appends are refused once the queue is
 * closed or the spool failed, under the same lock the writer drains with, so an append is either refused or
 * seen by the writer: none is left behind.
 */
final class AppendQueue {
    /** An append waiting for the writer: encoded entries and the frame bytes they will take. */
    record Pending(List<byte[]> entries, long frameBytes, CompletableFuture<Void> future) {}

    /** What the writer is to do next; {@code last}: the queue is closed and this is the final batch. */
    record Work(List<Pending> appends, boolean roll, boolean last) {}

    private final Path dir;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicLong queuedEntries = new AtomicLong();
    private ArrayList<Pending> queue = new ArrayList<>();
    private boolean closed;
    private boolean rollRequested;
    private volatile IOException failure;

    AppendQueue(Path dir) {
        this.dir = dir;
    }

    CompletableFuture<Void> submit(List<byte[]> entries, long frameBytes) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        lock.lock();
        try {
            if (closed || failure != null) return CompletableFuture.failedFuture(refusal());
            queue.add(new Pending(entries, frameBytes, future));
            queuedEntries.addAndGet(entries.size());
            wake.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    /** Why appends are refused now: closed, or an earlier fatal failure. */
    IOException refusal() {
        IOException cause = failure;
        return cause == null ? new IOException("The spool in " + dir + " is closed")
                : new IOException("The spool in " + dir + " failed; close and reopen it", cause);
    }

    /**
     * Takes everything queued, waiting until there is something to do or {@code waitNanos} passed (forever when
     * negative). The batch is empty after a timeout or a roll request.
     */
    Work take(long waitNanos) throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed && !rollRequested) {
                if (waitNanos < 0) {
                    wake.await();
                } else if (waitNanos == 0) {
                    break;
                } else {
                    waitNanos = Math.max(0, wake.awaitNanos(waitNanos));
                }
            }
            Work work = new Work(queue, rollRequested, closed && queue.isEmpty());
            queue = new ArrayList<>();
            rollRequested = false;
            return work;
        } finally {
            lock.unlock();
        }
    }

    void requestRoll() {
        lock.lock();
        try {
            rollRequested = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The writer handled (wrote or refused) an append; call before completing its future. */
    void done(Pending p) {
        queuedEntries.addAndGet(-p.entries().size());
    }

    long queuedEntries() {
        return queuedEntries.get();
    }

    void fail(IOException cause) {
        failure = cause;
    }

    IOException failure() {
        return failure;
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Closes and returns what is still queued, for a writer that cannot go on. */
    List<Pending> closeAndDrain() {
        lock.lock();
        try {
            closed = true;
            List<Pending> rest = queue;
            queue = new ArrayList<>();
            rest.forEach(this::done);
            return rest;
        } finally {
            lock.unlock();
        }
    }
}
