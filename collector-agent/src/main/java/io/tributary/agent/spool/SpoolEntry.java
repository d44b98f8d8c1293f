package io.tributary.agent.spool;

import io.tributary.agent.delivery.Outgoing;

/**
 * One entry read back from the spool.
 *
 * @param seq its sequence number: increasing by one per entry appended, never reused, also across restarts;
 *     pass it to {@link Spool#acknowledge(long)} once Kafka acknowledged this entry and every one before it
 * @param outgoing the message, exactly as appended
 * @since 0.1 (experimental)
 */
public record SpoolEntry(long seq, Outgoing outgoing) {}
