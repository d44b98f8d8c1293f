package io.tributary.origins;

import java.time.Duration;

/**
 * The agent cannot take more input now (too much in flight, or the spool is full under the {@code block}
 * policy). Nothing of the payload was kept: the origin must not acknowledge it and applies its back-pressure
 * policy (HTTP 503 with Retry-After, CoAP 5.03 with Max-Age, MQTT stops taking messages, UDP drops and counts).
 *
 * <p>Stable API since 0.1.
 */
public final class BackPressureException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public BackPressureException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** A hint for when to try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
