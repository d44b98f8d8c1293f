package io.tributary.origins.coap;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The bound on requests handed to the pipeline and not yet completed: a count and their body bytes. Lock-free. */
final class InFlight {
    private final int maxRequests;
    private final long maxBytes;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    InFlight(int maxRequests, long maxBytes) {
        this.maxRequests = maxRequests;
        this.maxBytes = maxBytes;
    }

    /** Takes room for one request of {@code size} bytes; false (nothing taken) when either bound would be passed. */
    boolean tryAcquire(int size) {
        if (requests.incrementAndGet() > maxRequests) {
            requests.decrementAndGet();
            return false;
        }
        if (bytes.addAndGet(size) > maxBytes && size > 0) {
            bytes.addAndGet(-size);
            requests.decrementAndGet();
            return false;
        }
        return true;
    }

    void release(int size) {
        bytes.addAndGet(-size);
        requests.decrementAndGet();
    }

    int requests() {
        return requests.get();
    }

    long bytes() {
        return bytes.get();
    }
}
