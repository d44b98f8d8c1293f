package io.tributary.agent.spool;

/**
 * An append was refused because the spool holds {@code max.bytes} and {@code when.full} is {@code block}.
 * Nothing of the batch was written. Retriable: it succeeds again once acknowledged entries were deleted;
 * the sender should get back-pressure meanwhile (HTTP 503, CoAP 5.03, MQTT stops taking messages).
 *
 * @since 0.1 (experimental)
 */
public final class SpoolFullException extends RuntimeException {
    public SpoolFullException(String message) {
        super(message);
    }
}
