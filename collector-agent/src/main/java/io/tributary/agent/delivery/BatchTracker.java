package io.tributary.agent.delivery;

import io.tributary.agent.spool.SpoolFullException;
import io.tributary.origins.BackPressureException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Completes a batch's future once each of its messages has been made durable, or fails it on the first failure. */
final class BatchTracker {
    final CompletableFuture<Void> future = new CompletableFuture<>();
    private final AtomicInteger remaining;
    private final AtomicInteger outstanding;

    BatchTracker(int messages, AtomicInteger outstanding) {
        this.remaining = new AtomicInteger(messages);
        this.outstanding = outstanding;
        outstanding.addAndGet(messages);
        if (messages == 0) future.complete(null);
    }

    void done(int messages) {
        outstanding.addAndGet(-messages);
        if (remaining.addAndGet(-messages) == 0) future.complete(null);
    }

    void fail(int messages, Throwable failure) {
        outstanding.addAndGet(-messages);
        remaining.addAndGet(-messages);
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        future.completeExceptionally(cause instanceof SpoolFullException
                ? new BackPressureException("Kafka is unreachable and the spool is full", Duration.ofSeconds(5))
                : cause);
    }
}
