package io.tributary.simulator.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one transport, updated from the simulation thread and the protocol clients' threads, read by the
 * progress line. {@code sent}: handed to the network (or written); {@code acked}: confirmed by the receiver
 * (HTTP 2xx, CoAP 2.xx response, MQTT PUBACK/PUBCOMP); {@code failed}: refused or lost on the way (error status,
 * timeout, connection error); {@code dropped}: never sent because the in-flight limit stayed full for
 * {@code block.ms}.
 */
public final class TransportStats {
    private final String type;
    private final boolean acknowledged;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    private volatile String lastError;

    public TransportStats(String type, boolean acknowledged) {
        this.type = type;
        this.acknowledged = acknowledged;
    }

    public String type() {
        return type;
    }

    /** Whether the protocol acknowledges messages (so {@link #acked()} means something). */
    public boolean acknowledged() {
        return acknowledged;
    }

    public long sent() {
        return sent.get();
    }

    public long acked() {
        return acked.get();
    }

    public long failed() {
        return failed.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long bytes() {
        return bytes.get();
    }

    /** The last failure's description, or null. */
    public String lastError() {
        return lastError;
    }

    void sent(int size) {
        sent.incrementAndGet();
        bytes.addAndGet(size);
    }

    void fail(String error) {
        failed.incrementAndGet();
        lastError = error;
    }

    void drop(String error) {
        dropped.incrementAndGet();
        lastError = error;
    }
}
