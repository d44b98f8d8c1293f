package io.tributary.agent.processor.builtin;

import io.tributary.agent.processor.Processor;
import io.tributary.agent.processor.builtin.expression.Expression;
import io.tributary.record.Record;

/** Keeps or drops records; see {@link FilterProcessorType}. Immutable and thread-safe. */
final class FilterProcessor implements Processor {
    private final Expression expression;
    private final boolean dropMatching;

    FilterProcessor(Expression expression, boolean dropMatching) {
        this.expression = expression;
        this.dropMatching = dropMatching;
    }

    @Override
    public boolean process(Record record) {
        return expression.test(record) != dropMatching;
    }
}
