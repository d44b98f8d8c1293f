package io.tributary.spark;

/**
 * An evaluator of the chain failed: its {@code init}, or a micro-batch (its {@code transform}, or one of its
 * functions on an executor) after the retries of the chain's retry policy. The message names the evaluator
 * and its class; the cause is the evaluator's own exception where it could be recovered.
 *
 * <p>Stable API since 0.1.
 *
 * @since 0.1
 */
public class EvaluatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What the evaluator was doing. */
    public enum Phase { INIT, TRANSFORM, SNAPSHOT, RESTORE, DESTROY }

    private final Phase phase;
    private final String stageName;
    private final String className;
    private final int attempts;

    public EvaluatorException(Phase phase, String stageName, String className, int attempts, String message,
            Throwable cause) {
        super(message, cause);
        this.phase = phase;
        this.stageName = stageName;
        this.className = className;
        this.attempts = attempts;
    }

    public Phase phase() {
        return phase;
    }

    /** The evaluator's name in the chain, or null when the failure could not be pinned to one evaluator. */
    public String stageName() {
        return stageName;
    }

    /** The evaluator's class name, or null when the failure could not be pinned to one evaluator. */
    public String className() {
        return className;
    }

    /** How many times the batch was tried (1 = no retry). */
    public int attempts() {
        return attempts;
    }
}
