package io.tributary.agent.processor.builtin.expression;

/**
 * A filter expression that does not parse: where (1-based column) and why.
 *
 * <p>Stable API since 0.1.
 */
public final class ExpressionSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int column;
    private final String reason;

    ExpressionSyntaxException(int column, String reason) {
        super("at column " + column + ": " + reason);
        this.column = column;
        this.reason = reason;
    }

    /** The 1-based column of the offending character. */
    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
