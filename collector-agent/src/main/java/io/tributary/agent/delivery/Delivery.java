package io.tributary.agent.delivery;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Makes messages durable: sends them to Kafka, or spools them when Kafka cannot take them.
 *
 * <p>Threading: {@link #deliver} is called concurrently from pipeline threads and never blocks on I/O.
 * Lifecycle: {@link #close} once, after the last deliver; it waits (bounded) for what is in flight.
 */
public interface Delivery extends AutoCloseable {
    /**
     * Hands over a batch. The future completes once every message is durable, and exceptionally (with
     * {@link io.tributary.origins.BackPressureException} or the failure) when the batch cannot be made durable;
     * then the sender must not be acknowledged (some messages may still have been delivered: at least once).
     */
    CompletableFuture<Void> deliver(List<Outgoing> batch);

    /** Stops, waiting at most {@code timeoutMs} for in-flight messages to become durable. */
    void close(long timeoutMs);

    @Override
    default void close() {
        close(15_000);
    }
}
