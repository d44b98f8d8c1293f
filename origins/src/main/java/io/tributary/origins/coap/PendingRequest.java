package io.tributary.origins.coap;

import org.eclipse.californium.core.server.resources.CoapExchange;

/** A request handed to the pipeline and waiting for its stage: what the answer needs. */
final class PendingRequest {
    private final CoapExchange exchange;
    private final int size;
    private final long receivedNanos;
    private volatile boolean completed;

    PendingRequest(CoapExchange exchange, int size, long receivedNanos) {
        this.exchange = exchange;
        this.size = size;
        this.receivedNanos = receivedNanos;
    }

    CoapExchange exchange() {
        return exchange;
    }

    int size() {
        return size;
    }

    long receivedNanos() {
        return receivedNanos;
    }

    boolean isCompleted() {
        return completed;
    }

    void complete() {
        completed = true;
    }
}
