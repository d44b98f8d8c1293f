package io.tributary.origins.mqtt;

/**
 * Capped exponential delays: {@code min}, {@code 2 min}, {@code 4 min} ... up to {@code max}, forever, until
 * {@link #reset()}. Thread-safe.
 */
final class Backoff {
    private final long minMs;
    private final long maxMs;
    private long nextMs;

    Backoff(long minMs, long maxMs) {
        this.minMs = minMs;
        this.maxMs = Math.max(minMs, maxMs);
        this.nextMs = minMs;
    }

    /** The delay to wait now; the following one doubles, up to the cap. */
    synchronized long next() {
        long delay = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        return delay;
    }

    synchronized void reset() {
        nextMs = minMs;
    }
}
