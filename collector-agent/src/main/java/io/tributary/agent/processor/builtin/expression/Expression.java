package io.tributary.agent.processor.builtin.expression;

import io.tributary.record.Record;
import java.util.Objects;

/**
 * A compiled filter expression: a condition on a record's fields, such as
 * {@code /rssi > -70 and /device/type in ['beacon', 'tag'] and not exists(/test)}. The language is described in
 * {@code docs/processors.md}; its grammar in {@code ExpressionParser}, its comparison rules in
 * {@code Comparison}. Evaluating never fails: a missing field reads as {@code null}, values of incompatible
 * types compare false.
 *
 * <p>Stable API since 0.1. Immutable and thread-safe: compile once, test from any thread.
 */
public final class Expression {
    private final String source;
    private final Node root;

    private Expression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Compiles {@code source}.
     *
     * @throws ExpressionSyntaxException naming the column when it does not parse
     */
    public static Expression compile(String source) {
        Objects.requireNonNull(source, "source");
        return new Expression(source, ExpressionParser.parse(source));
    }

    /** Whether {@code record} matches: the expression evaluates to {@code true} (a non-boolean counts as false). */
    public boolean test(Record record) {
        return Node.truthy(root.eval(record.fields()));
    }

    @Override
    public String toString() {
        return source;
    }
}
