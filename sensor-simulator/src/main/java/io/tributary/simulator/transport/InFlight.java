package io.tributary.simulator.transport;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A bound on messages awaiting their answer: one permit each, taken before sending, returned on the answer. */
final class InFlight {
    private final Semaphore permits;
    private final int max;

    InFlight(int max) {
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /** Takes a permit, waiting up to {@code blockMs}; false when none came free (or the thread was interrupted). */
    boolean acquire(long blockMs) {
        if (permits.tryAcquire()) return true;
        try {
            return permits.tryAcquire(blockMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release() {
        permits.release();
    }

    /** Waits until nothing is in flight, up to {@code timeout}; true when nothing is. */
    boolean awaitIdle(Duration timeout) {
        try {
            if (!permits.tryAcquire(max, timeout.toMillis(), TimeUnit.MILLISECONDS)) return false;
            permits.release(max);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int inFlight() {
        return max - permits.availablePermits();
    }
}
