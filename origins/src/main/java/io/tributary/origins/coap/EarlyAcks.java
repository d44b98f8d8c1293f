package io.tributary.origins.coap;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends the empty ACK of a CON request that is not durable after {@code separate.response.after.ms}, so the
 * client stops retransmitting; the answer then follows as a separate CON response. Requests are queued in arrival
 * order and one periodic sweep walks the queue from its oldest end, so there is no timer per request. Whichever
 * comes first, the early ACK or the piggy-backed answer, Californium acknowledges the request only once.
 */
final class EarlyAcks implements Runnable {
    private final long afterNanos;
    private final CoapMetrics metrics;
    private final Queue<PendingRequest> queue = new ConcurrentLinkedQueue<>();

    /** {@code afterMs} -1: never send an early ACK; 0: send it at once. */
    EarlyAcks(long afterMs, CoapMetrics metrics) {
        this.afterNanos = afterMs < 0 ? -1 : TimeUnit.MILLISECONDS.toNanos(afterMs);
        this.metrics = metrics;
    }

    /** How often {@link #run} should sweep: a quarter of the delay, within 10..250 ms. */
    long sweepIntervalMs() {
        return Math.max(10, Math.min(250, TimeUnit.NANOSECONDS.toMillis(afterNanos) / 4));
    }

    /** Whether {@link #run} needs to be scheduled. */
    boolean sweeps() {
        return afterNanos > 0;
    }

    void track(PendingRequest request) {
        if (afterNanos < 0) return;
        if (afterNanos == 0) {
            acceptEarly(request);
        } else {
            queue.add(request);
        }
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        PendingRequest head;
        while ((head = queue.peek()) != null) {
            if (!head.isCompleted() && now - head.receivedNanos() < afterNanos) break;
            queue.poll();
            if (!head.isCompleted()) acceptEarly(head);
        }
    }

    private void acceptEarly(PendingRequest request) {
        if (request.exchange().advanced().getRequest().isAcknowledged()) return;
        request.exchange().accept();
        metrics.separateResponse();
    }

    void clear() {
        queue.clear();
    }
}
