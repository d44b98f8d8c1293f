package io.tributary.origins.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The messages of the current connection in order of arrival, each waiting until the pipeline made it durable;
 * acknowledges the longest completed prefix, in order, on one acknowledging thread. Bounds the messages in
 * flight: {@link #reserve} blocks while {@code capacity} messages are not yet completed.
 *
 * <p>A failed message stays at the head and stops every acknowledgement behind it until the connection is
 * renewed ({@link #connectionLost}): the broker then redelivers all of them. Entries of an earlier connection
 * are never acknowledged: their message ids belong to a session state the broker may no longer have.
 *
 * <p>Thread-safe: {@link #reserve} is called from Paho's callback thread, {@link #complete} from the pipeline's
 * threads, {@link #connectionLost} from the origin's connection handling.
 */
final class AckWindow {
    /** One message waiting for its pipeline stage. */
    static final class Entry {
        final int messageId;
        final int qos;
        final long generation;
        private boolean completed;
        private boolean failed;

        Entry(int messageId, int qos, long generation) {
            this.messageId = messageId;
            this.qos = qos;
            this.generation = generation;
        }
    }

    private final int capacity;
    private final Executor ackThread;
    private final Consumer<Entry> acker;
    private final AtomicInteger inflight;
    private final ArrayDeque<Entry> order = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition space = lock.newCondition();
    private volatile long generation;

    /**
     * @param ackThread a single thread: acknowledgements run there in the order they were released
     * @param acker sends one acknowledgement (it checks {@link #generation()} itself)
     * @param inflight counts the messages handed over and not yet completed (exported as a gauge)
     */
    AckWindow(int capacity, Executor ackThread, Consumer<Entry> acker, AtomicInteger inflight) {
        this.capacity = capacity;
        this.ackThread = ackThread;
        this.acker = acker;
        this.inflight = inflight;
    }

    /**
     * Takes a place for a new message at the end of the window, waiting while the window is full.
     *
     * @param abort polled while waiting: when it turns true, gives up and returns null
     * @param onWait run once if this call has to wait
     */
    Entry reserve(int messageId, int qos, BooleanSupplier abort, Runnable onWait) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            boolean waited = false;
            while (inflight.get() >= capacity) {
                if (abort.getAsBoolean()) return null;
                if (!waited) {
                    onWait.run();
                    waited = true;
                }
                space.await(50, TimeUnit.MILLISECONDS);
            }
            inflight.incrementAndGet();
            Entry entry = new Entry(messageId, qos, generation);
            order.addLast(entry);
            return entry;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the place of a message that was never handed over (the connection went away meanwhile). */
    void cancel(Entry entry) {
        lock.lock();
        try {
            if (entry.completed) return;
            entry.completed = true;
            order.remove(entry);
            inflight.decrementAndGet();
            space.signalAll();
        } finally {
            lock.unlock();
        }
        release();
    }

    /**
     * Records the outcome of a message's stage: when it succeeded, acknowledges every completed message at the
     * head of the window in order; when it failed, holds back every acknowledgement behind it.
     */
    void complete(Entry entry, boolean succeeded) {
        lock.lock();
        try {
            if (entry.completed) return;
            entry.completed = true;
            entry.failed = !succeeded;
            inflight.decrementAndGet();
            space.signalAll();
        } finally {
            lock.unlock();
        }
        release();
    }

    private void release() {
        lock.lock();
        try {
            List<Entry> ready = null;
            while (!order.isEmpty() && order.peekFirst().completed && !order.peekFirst().failed) {
                if (ready == null) ready = new ArrayList<>();
                ready.add(order.pollFirst());
            }
            // Handed to the single ack thread while holding the lock, so batches keep their order.
            if (ready != null) {
                List<Entry> batch = ready;
                ackThread.execute(() -> batch.forEach(acker));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets every waiting message: the connection they arrived on is gone, so none of them will be
     * acknowledged (the broker redelivers them). Their places stay taken until their stages complete.
     */
    void connectionLost() {
        lock.lock();
        try {
            generation++;
            order.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The current connection's number; an entry of another generation must not be acknowledged. */
    long generation() {
        return generation;
    }

    /** Messages of the current connection waiting for their acknowledgement (completed or not). */
    int waiting() {
        lock.lock();
        try {
            return order.size();
        } finally {
            lock.unlock();
        }
    }
}
