package io.tributary.agent.processor;

/**
 * A record a {@link Processor} cannot process; it becomes an error record with this code and message.
 *
 * <p>Stable API since 0.1.
 */
public final class ProcessingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    /** @param code a stable upper-snake-case code, e.g. {@code EVENT_TIME_INVALID} */
    public ProcessingException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
