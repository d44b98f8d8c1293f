package io.tributary.spark.state;

import io.tributary.record.Record;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The user's per-key state step of a {@link StatefulTransformer}: for one key and one micro-batch, its records
 * of the batch and its state before the batch, returns the results, errors and the new state.
 *
 * <p>Runs on executors: must be serializable with everything it captures, and should be deterministic, since
 * Spark may run it again for the same batch (task retry, lost cache, replay after a restart). It is called
 * <ul>
 *   <li>for every key that has records in the batch, with them sorted by event time (ties keep their arrival
 *       order; records without an event time come first, in arrival order),</li>
 *   <li>with no records when the key's state timed out ({@link StateContext#timedOut()}), and</li>
 *   <li>with no records when the key's event-time timer fired ({@link StateContext#timerFired()}).</li>
 * </ul>
 * Keys with state but none of these are not called (their state is carried over untouched). Do not mutate {@code records}; the state object
 * may be mutated and returned with {@link StateUpdate#update}. An exception fails the batch (see
 * {@link io.tributary.spark.SparkTransformer}).
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @param <S> the state type
 * @since 0.1
 */
@FunctionalInterface
public interface StateFunction<S extends Serializable> extends Serializable {
    StateUpdate<S> apply(String key, List<Record> records, Optional<S> state, StateContext context) throws Exception;
}
