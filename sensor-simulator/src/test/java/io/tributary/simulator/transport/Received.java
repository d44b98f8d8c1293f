package io.tributary.simulator.transport;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** What a test receiver got: a count, and (when kept) each payload with the address it was sent to. */
public final class Received {
    /** One payload and where it went (HTTP path, MQTT topic, CoAP path; empty for UDP). */
    public record Item(String address, byte[] payload) {
    }

    private final boolean keep;
    private final AtomicLong count = new AtomicLong();
    private final ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();

    public Received(boolean keep) {
        this.keep = keep;
    }

    public void add(String address, byte[] payload) {
        if (keep) items.add(new Item(address, payload));
        count.incrementAndGet();
    }

    public long count() {
        return count.get();
    }

    public ConcurrentLinkedQueue<Item> items() {
        return items;
    }

    /** Waits until at least {@code n} arrived or {@code timeoutMs} passed; returns the count. */
    public long await(long n, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (count.get() < n && System.currentTimeMillis() < deadline) Thread.sleep(5);
        return count.get();
    }
}
