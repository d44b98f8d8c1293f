package io.tributary.spark.runner;

/**
 * How often a failed micro-batch is tried again before the job fails: up to {@code maxRetries} retries, waiting
 * {@code backoffMs} before the first and doubling up to {@code maxBackoffMs}.
 *
 * <p>Immutable.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public record RetryPolicy(int maxRetries, long backoffMs, long maxBackoffMs) {

    public RetryPolicy {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must not be negative");
        if (backoffMs < 0 || maxBackoffMs < 0) throw new IllegalArgumentException("backoff must not be negative");
    }

    /** Fail at the first error. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, 0, 0);
    }

    /** The wait before retry number {@code retry} (1-based). */
    public long backoffBefore(int retry) {
        long wait = backoffMs;
        for (int i = 1; i < retry && wait < maxBackoffMs; i++) wait *= 2;
        return Math.min(wait, Math.max(maxBackoffMs, backoffMs));
    }
}
