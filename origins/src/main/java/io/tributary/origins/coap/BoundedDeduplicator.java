package io.tributary.origins.coap;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.KeyMID;
import org.eclipse.californium.core.network.deduplication.Deduplicator;

/**
 * A Californium {@link Deduplicator} with a hard cap on how many exchanges it remembers. Below the cap it is the
 * wrapped one (mark-and-sweep, per-peer mark-and-sweep, crop rotation). At the cap a new request is still checked
 * against what is remembered, but is not remembered itself until the next sweep frees room: its retransmissions
 * would be taken as new requests (a duplicate payload downstream, never a lost one). So the memory of duplicate
 * detection is bounded by {@code maxEntries} exchanges whatever the request rate, and under overload the
 * deduplication window shrinks instead of the heap filling up.
 */
final class BoundedDeduplicator implements Deduplicator {
    private final Deduplicator inner;
    private final int maxEntries;
    private final LongAdder overflow = new LongAdder();

    BoundedDeduplicator(Deduplicator inner, int maxEntries) {
        this.inner = inner;
        this.maxEntries = maxEntries;
    }

    /** Requests that were not remembered because the store was full. */
    long overflow() {
        return overflow.sum();
    }

    @Override
    public Exchange findPrevious(KeyMID key, Exchange exchange) {
        if (inner.size() >= maxEntries) {
            Exchange previous = inner.find(key);
            if (previous == null) overflow.increment();
            return previous;
        }
        return inner.findPrevious(key, exchange);
    }

    @Override
    public boolean replacePrevious(KeyMID key, Exchange previous, Exchange exchange) {
        return inner.replacePrevious(key, previous, exchange);
    }

    @Override
    public Exchange find(KeyMID key) {
        return inner.find(key);
    }

    @Override
    public void start() {
        inner.start();
    }

    @Override
    public void stop() {
        inner.stop();
    }

    @Override
    public void setExecutor(ScheduledExecutorService executor) {
        inner.setExecutor(executor);
    }

    @Override
    public boolean isEmpty() {
        return inner.isEmpty();
    }

    @Override
    public int size() {
        return inner.size();
    }

    @Override
    public void clear() {
        inner.clear();
    }
}
