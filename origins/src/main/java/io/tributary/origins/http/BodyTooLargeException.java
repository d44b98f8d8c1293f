package io.tributary.origins.http;

/** A request body went past a size limit; the message names the limit. Stackless: it is an expected outcome. */
final class BodyTooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String message) {
        super(message, null, false, false);
    }
}
