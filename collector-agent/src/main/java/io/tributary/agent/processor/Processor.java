package io.tributary.agent.processor;

import io.tributary.record.Record;

/**
 * One small step applied to every record of a pipeline between parsing and delivery: rename a field, set the
 * key, drop records that fail a filter, pseudonymise a MAC address.
 *
 * <p>Lifecycle: created by {@link ProcessorType#create} when the agent starts, used until it stops; holds no
 * resources. Threading: immutable and safe for concurrent use; it changes only the record it is given.
 * Errors: a record it cannot process raises {@link ProcessingException}; the record becomes an error record
 * (stage = this processor) and the pipeline goes on.
 *
 * <p>Stable API since 0.1.
 */
public interface Processor {
    /**
     * Processes {@code record} in place.
     *
     * @return false to drop the record (a filter), true to keep it
     * @throws ProcessingException when this record cannot be processed
     */
    boolean process(Record record);
}
