package io.tributary.origins.http;

import java.util.concurrent.atomic.AtomicInteger;

/** A non-blocking counting limit on the requests one origin holds (being received or waiting to be durable). */
final class InflightLimit {
    private final int max;
    private final AtomicInteger current = new AtomicInteger();

    InflightLimit(int max) {
        this.max = max;
    }

    boolean tryAcquire() {
        while (true) {
            int c = current.get();
            if (c >= max) return false;
            if (current.compareAndSet(c, c + 1)) return true;
        }
    }

    void release() {
        current.decrementAndGet();
    }

    int current() {
        return current.get();
    }

    int max() {
        return max;
    }
}
